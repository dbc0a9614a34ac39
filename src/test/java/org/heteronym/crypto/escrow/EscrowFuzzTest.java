package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import org.heteronym.testing.Fuzzing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Escrow envelopes, points, scalars, decryption shares with their proofs and Schnorr proofs come from the log,
 * from trustees and from the database. Contract: a value or an {@link EscrowException} (MalformedEncoding for these
 * decoders), and every decoded value re-encodes to exactly the bytes it came from (one encoding per value).
 */
@Tag("jazzer")
class EscrowFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void encodings(FuzzedDataProvider data) {
        int what = data.consumeInt(0, 5);
        byte[] enc = data.consumeRemainingAsBytes();
        try {
            switch (what) {
                case 0 -> assertArrayEquals(enc, Envelope.decode(enc).encode());
                case 1 -> assertArrayEquals(enc, DecryptionShare.decode(enc).encode());
                case 2 -> assertArrayEquals(enc, SchnorrProof.decode(enc).encode());
                case 3 -> assertArrayEquals(enc, Point.decode(enc).encode());
                case 4 -> assertArrayEquals(enc, Scalar.decode(enc).encode());
                default -> {
                    ChunkShare share = ChunkShare.decode(enc, 0);
                    assertArrayEquals(java.util.Arrays.copyOf(enc, ChunkShare.ENCODED_LENGTH), share.encode());
                }
            }
        } catch (MalformedEncodingException refused) {
            // the documented refusal
        }
    }

    /** -Dfuzz.writeSeeds=true: keeps a point, a scalar and a Schnorr proof from the real encoders as seeds. */
    @Test
    @EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
    void writeSeeds() {
        SecureRandom random = new SecureRandom();
        Scalar x = Scalar.random(random);
        Fuzzing.writeSeed(getClass(), "encodings", "schnorr-proof",
                Fuzzing.selected(2, SchnorrProof.prove(x, new byte[] {1}, random).encode()));
        Fuzzing.writeSeed(getClass(), "encodings", "point", Fuzzing.selected(3, Point.multiplyGenerator(x).encode()));
        Fuzzing.writeSeed(getClass(), "encodings", "scalar", Fuzzing.selected(4, x.encode()));
    }
}
