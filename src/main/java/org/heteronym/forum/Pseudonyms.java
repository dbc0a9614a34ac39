package org.heteronym.forum;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.config.DevKeys;
import org.heteronym.crypto.pseudonym.Pseudonym;
import org.heteronym.crypto.pseudonym.PseudonymHandle;
import org.heteronym.crypto.pseudonym.PseudonymKeys;
import org.heteronym.crypto.pseudonym.RelayAddress;

/**
 * The pseudonym PRF key, read once from the file named by {@code heteronym.pseudonym.secret-file} (base64 of 32
 * random bytes; a Kubernetes Secret in production), and the relay domain {@code heteronym.pseudonym.relay-domain}.
 * A missing or malformed file or domain stops the service at start-up ({@link Startup}), not at the first login.
 *
 * <h2>WARNING</h2>
 * Callers hold a member id and get a pseudonym: never log the two together, nor store them side by side.
 */
@Startup
@ApplicationScoped
public class Pseudonyms {

    private final PseudonymKeys keys;
    private final String relayDomain;

    Pseudonyms(@ConfigProperty(name = "heteronym.pseudonym.secret-file") Path file,
               @ConfigProperty(name = "heteronym.pseudonym.relay-domain") String relayDomain, DevKeys devKeys) {
        devKeys.ensureSecret(file);
        this.keys = PseudonymKeys.derive(read(file));
        this.relayDomain = RelayAddress.checkDomain(relayDomain);
    }

    /** The member's pseudonym at the forum with this client id. */
    public Pseudonym pseudonym(String memberId, String clientId) {
        return Pseudonym.derive(keys.prfKey(), memberId, clientId);
    }

    /**
     * What the forum receives about the member.
     *
     * @param handleVariant 0 unless the forum already has another member with variant 0's handle (docs/forums.md)
     */
    public PairwiseIdentity identity(Pseudonym pseudonym, int handleVariant) {
        return new PairwiseIdentity(pseudonym.subject(), PseudonymHandle.derive(pseudonym, handleVariant),
                RelayAddress.address(pseudonym, relayDomain));
    }

    /** The handle shown for {@code pseudonym} with this variant (docs/forums.md). */
    public String handle(Pseudonym pseudonym, int variant) {
        return PseudonymHandle.derive(pseudonym, variant);
    }

    private static byte[] read(Path file) {
        try {
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonym secret " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the pseudonym secret " + file + " is not base64", e);
        }
    }
}
