package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

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
}
