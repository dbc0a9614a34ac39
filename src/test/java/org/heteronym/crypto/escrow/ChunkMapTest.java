package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ChunkMapTest {
    private final TestDrbg random = new TestDrbg("chunk-map");

    @Test
    void roundTripsAndUsesEvenYAndMinimalCounter() throws Exception {
        byte[] chunk = new byte[31];
        for (int k = 0; k < 200; k++) {
            random.nextBytes(chunk);
            chunk[0] &= 0x7F;
            Point m = ChunkMap.encode(chunk);
            assertEquals(0x02, m.encode()[0]);
            BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(m.encode(), 1, 33));
            assertEquals(new BigInteger(1, chunk), x.shiftRight(8));
            assertArrayEquals(chunk, ChunkMap.decode(m));
        }
    }

    @Test
    void allZeroChunkMapsAndDecodes() throws Exception {
        assertArrayEquals(new byte[31], ChunkMap.decode(ChunkMap.encode(new byte[31])));
    }

    @Test
    void decodeRejectsOddY() {
        Point m = ChunkMap.encode(new byte[31]);
        Point odd = new Point(m.raw().negate());
        assertThrows(MalformedEncodingException.class, () -> ChunkMap.decode(odd));
    }

    @Test
    void decodeRejectsANonMinimalCounter() throws Exception {
        // Find a chunk whose minimal counter is c0 and a later counter c1 that also lifts: the point for c1
        // is a valid curve point with even y but not the encoder's output, so it must be rejected.
        byte[] chunk = new byte[31];
        for (int k = 0; k < 50; k++) {
            random.nextBytes(chunk);
            chunk[0] &= 0x7F;
            Point m = ChunkMap.encode(chunk);
            int c0 = ChunkMap.counterOf(m);
            BigInteger base = new BigInteger(1, chunk).shiftLeft(8);
            for (int c1 = c0 + 1; c1 < 256; c1++) {
                byte[] enc = new byte[33];
                enc[0] = 0x02;
                System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32,
                        base.add(BigInteger.valueOf(c1))), 0, enc, 1, 32);
                Point later;
                try {
                    later = Point.decode(enc);
                } catch (MalformedEncodingException notOnCurve) {
                    continue;
                }
                assertThrows(MalformedEncodingException.class, () -> ChunkMap.decode(later));
                return;
            }
        }
        throw new AssertionError("no second lifting counter found");
    }

    @Test
    void chunkWhoseEveryCandidateXExceedsPCannotBeMapped() {
        byte[] chunk = new byte[31];
        java.util.Arrays.fill(chunk, (byte) 0xFF);
        assertThrows(IllegalStateException.class, () -> ChunkMap.encode(chunk));
        assertThrows(IllegalArgumentException.class, () -> ChunkMap.encode(new byte[32]));
    }
}
