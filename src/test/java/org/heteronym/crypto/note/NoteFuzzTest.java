package org.heteronym.crypto.note;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.testing.Fuzzing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Signed notes and checkpoints arrive from the log, witnesses and mirrors; verifier keys and PKCS#8 keys from
 * operators' files. Contract: a value or {@link NoteException}; a parsed checkpoint body re-encodes to itself.
 */
@Tag("jazzer")
class NoteFuzzTest {

    static final String ORIGIN = "heteronym.example/log";
    /** A fixed key, so that the kept seeds (signed by it) stay valid notes. Test material only. */
    static final String KEY_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIIA9Sd4PB/rB1GMiMVhzaMyMm9YIo4lQlGh/iajaHlW5
            -----END PRIVATE KEY-----
            """;
    static final NoteSigner SIGNER;
    static final NoteVerifier VERIFIER;

    static {
        try {
            SIGNER = NoteSigner.ed25519(ORIGIN, Ed25519PrivateKey.fromPkcs8Pem(KEY_PEM));
            VERIFIER = NoteVerifier.fromVkey(SIGNER.verifierKey());
        } catch (NoteException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "3s")
    void notesCheckpointsAndKeys(FuzzedDataProvider data) {
        int what = data.consumeInt(0, 3);
        try {
            switch (what) {
                case 0 -> CheckpointVerifier.verify(data.consumeRemainingAsBytes(), VERIFIER, ORIGIN);
                case 1 -> {
                    Checkpoint parsed = Checkpoint.parse(data.consumeRemainingAsString());
                    assertEquals(parsed, Checkpoint.parse(parsed.body()), "a checkpoint body re-parses to itself");
                }
                case 2 -> {
                    NoteVerifier verifier = NoteVerifier.fromVkey(data.consumeString(200));
                    assertEquals(verifier.vkey(), NoteVerifier.fromVkey(verifier.vkey()).vkey());
                    verifier.verify(data.consumeRemainingAsBytes());
                }
                default -> Ed25519PrivateKey.fromPkcs8Pem(data.consumeRemainingAsString());
            }
        } catch (NoteException refused) {
            // the documented refusal
        }
    }

    /** -Dfuzz.writeSeeds=true: keeps a signed checkpoint and its body, made by the real signer, as seeds. */
    @Test
    @EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
    void writeSeeds() {
        String body = new Checkpoint(ORIGIN, 7, MerkleHash.leafHash(new byte[] {7})).body();
        byte[] note = SIGNER.sign(body).getBytes(StandardCharsets.UTF_8);
        Fuzzing.writeSeed(getClass(), "notesCheckpointsAndKeys", "signed-checkpoint", Fuzzing.selected(0, note));
        Fuzzing.writeSeed(getClass(), "notesCheckpointsAndKeys", "checkpoint-body",
                Fuzzing.selected(1, body.getBytes(StandardCharsets.UTF_8)));
        Fuzzing.writeSeed(getClass(), "notesCheckpointsAndKeys", "private-key",
                Fuzzing.selected(3, KEY_PEM.getBytes(StandardCharsets.US_ASCII)));
    }
}
