package org.heteronym.config;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.cli.trustee.TrusteeKeyFile;
import org.heteronym.crypto.escrow.dkg.CeremonyParameters;
import org.heteronym.crypto.escrow.dkg.DkgResult;
import org.heteronym.crypto.escrow.dkg.Participant;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;
import org.heteronym.escrow.Ceremony;
import org.heteronym.escrow.CeremonyCoordinator;
import org.heteronym.escrow.EpochRegistry;
import org.heteronym.escrow.TrusteeRegistry;
import org.jboss.logging.Logger;

/**
 * Development build only: when no trustee-set epoch exists, runs a 2-of-3 key ceremony through the real coordinator
 * with three development trustees, so that members can enroll on a fresh machine at once. Each trustee's key file
 * (static key and share) is written under {@code keys/dev/local/trustees/}, encrypted with the passphrase
 * "development trustee N", for the {@code heteronym trustee} commands.
 *
 * <p>WARNING: this process briefly holds all three shares, which is exactly what production must never do; that is
 * why it exists only in the dev build ({@link IfBuildProfile}).
 */
@IfBuildProfile("dev")
@ApplicationScoped
class DevTrusteeSet {

    private static final Logger LOG = Logger.getLogger(DevTrusteeSet.class);
    private static final int THRESHOLD = 2;
    private static final int TRUSTEES = 3;

    private final SecureRandom random = new SecureRandom();
    private final EpochRegistry epochs;
    private final TrusteeRegistry trustees;
    private final CeremonyCoordinator ceremonies;
    private final Path directory;

    DevTrusteeSet(EpochRegistry epochs, TrusteeRegistry trustees, CeremonyCoordinator ceremonies,
                  @ConfigProperty(name = "heteronym.dev-trustees.directory", defaultValue = "keys/dev/local/trustees")
                  Path directory) {
        this.epochs = epochs;
        this.trustees = trustees;
        this.ceremonies = ceremonies;
        this.directory = directory;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (VertxContextSupport.subscribeAndAwait(epochs::current).isPresent()) {
            return;
        }
        Files.createDirectories(directory);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<StaticKeyPair> keys = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= TRUSTEES; i++) {
            StaticKeyPair key = StaticKeyPair.generate(random);
            String publicKey = Base64.getEncoder().encodeToString(key.publicKey().encode());
            String name = "development trustee " + i + " (" + run + ")";
            keys.add(key);
            ids.add(VertxContextSupport.subscribeAndAwait(() -> trustees.register(name, publicKey)).id);
        }
        Ceremony ceremony = VertxContextSupport.subscribeAndAwait(() -> ceremonies.open(THRESHOLD, ids));
        CeremonyParameters params = CeremonyCoordinator.parameters(ceremony);
        List<Participant> participants = new ArrayList<>();
        for (int i = 1; i <= TRUSTEES; i++) {
            participants.add(new Participant(params, i, keys.get(i - 1), random));
        }
        for (int i = 1; i <= TRUSTEES; i++) {
            submit(ceremony.id, 1, i, participants.get(i - 1).round1());
        }
        List<byte[]> round1 = VertxContextSupport.subscribeAndAwait(() -> ceremonies.round(ceremony.id, 1)).messages();
        for (int i = 1; i <= TRUSTEES; i++) {
            submit(ceremony.id, 2, i, participants.get(i - 1).round2(round1));
        }
        List<byte[]> round2 = VertxContextSupport.subscribeAndAwait(() -> ceremonies.round(ceremony.id, 2)).messages();
        for (int i = 1; i <= TRUSTEES; i++) {
            DkgResult result = participants.get(i - 1).finish(round2);
            Path file = directory.resolve("trustee-" + i + "-" + run + ".key");
            TrusteeKeyFile.of(keys.get(i - 1), result).writeNew(file, ("development trustee " + i).toCharArray());
            if (i == 1) {
                LOG.infof("Development trustee set established: epoch %s (2 of 3), key files in %s",
                        result.transcriptHash().toHex(), directory);
            }
        }
    }

    private void submit(String ceremony, int round, int index, byte[] message) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> ceremonies.submit(ceremony, round, index, message));
    }
}
