package org.heteronym.log;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.heteronym.config.DevKeys;
import org.heteronym.crypto.note.Checkpoint;
import org.heteronym.crypto.note.Ed25519PrivateKey;
import org.heteronym.crypto.note.NoteException;
import org.heteronym.crypto.note.NoteSigner;

/**
 * Holds the log's Ed25519 key and signs C2SP checkpoints. Only the {@link Sequencer} calls {@link #sign}, under the
 * sequencing lock, after checking that the new tree extends the last signed one.
 */
@ApplicationScoped
public class CheckpointSigner {

    private final String origin;
    private final NoteSigner signer;
    private final LogEntry genesis;

    CheckpointSigner(LogConfig config, DevKeys devKeys) {
        devKeys.ensureEd25519(config.signingKeyFile());
        try {
            String pem = Files.readString(config.signingKeyFile());
            this.signer = NoteSigner.ed25519(config.origin(), Ed25519PrivateKey.fromPkcs8Pem(pem));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log signing key " + config.signingKeyFile()
                    + " (heteronym.log.signing-key-file)", e);
        } catch (NoteException e) {
            throw new IllegalStateException("the log signing key " + config.signingKeyFile()
                    + " is not an Ed25519 PKCS#8 PEM key: " + e.getMessage(), e);
        }
        this.origin = config.origin();
        this.genesis = LogEntry.of(EntryKind.GENESIS, Map.of("origin", origin, "vkey", signer.verifierKey()));
    }

    public String origin() {
        return origin;
    }

    /** The C2SP vkey auditors pin. */
    public String verifierKey() {
        return signer.verifierKey();
    }

    /** Entry 0 of the log: names the origin and the key, so a log signed by any other key is detectably not ours. */
    LogEntry genesis() {
        return genesis;
    }

    String sign(long size, byte[] root) {
        return signer.sign(new Checkpoint(origin, size, root, List.of()).body());
    }
}
