package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class GroupEncodingTest {
    private final TestDrbg random = new TestDrbg("group-encoding");

    @Test
    void generatorEncodesToTheStandardCompressedBasePoint() {
        assertEquals("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
                Point.generator().toString());
    }

    @Test
    void pointRoundTripsThroughCompressedEncoding() throws Exception {
        for (int k = 0; k < 20; k++) {
            Point p = Point.multiplyGenerator(Scalar.random(random));
            assertEquals(p, Point.decode(p.encode()));
            assertEquals(33, p.encode().length);
        }
    }

    @Test
    void pointDecodeRejectsWrongLength() {
        byte[] g = Point.generator().encode();
        assertThrows(MalformedEncodingException.class, () -> Point.decode(java.util.Arrays.copyOf(g, 32)));
        assertThrows(MalformedEncodingException.class, () -> Point.decode(java.util.Arrays.copyOf(g, 34)));
        assertThrows(MalformedEncodingException.class, () -> Point.decode(new byte[0]));
    }

    @Test
    void pointDecodeRejectsTheIdentityInEveryForm() {
        assertThrows(MalformedEncodingException.class, () -> Point.decode(new byte[] {0x00}));
        assertThrows(MalformedEncodingException.class, () -> Point.decode(new byte[33]));
    }

    @Test
    void pointDecodeRejectsUncompressedAndHybridPrefixes() {
        byte[] g = Point.generator().encode();
        for (int prefix : new int[] {0x00, 0x01, 0x04, 0x06, 0x07, 0xFF}) {
            g[0] = (byte) prefix;
            byte[] enc = g.clone();
            assertThrows(MalformedEncodingException.class, () -> Point.decode(enc));
        }
        assertThrows(MalformedEncodingException.class,
                () -> Point.decode(P256.G.getEncoded(false)));
    }

    @Test
    void pointDecodeRejectsXNotReducedModP() {
        // x = p + 3 would alias x = 3 if reduced; x = p and x = 2^256 − 1 are out of range outright.
        for (BigInteger x : new BigInteger[] {P256.P, P256.P.add(BigInteger.valueOf(3)),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)}) {
            byte[] enc = new byte[33];
            enc[0] = 0x02;
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, x), 0, enc, 1, 32);
            assertThrows(MalformedEncodingException.class, () -> Point.decode(enc));
        }
    }

    @Test
    void pointDecodeRejectsXWithNoCurvePoint() {
        // Find an x whose x^3 - 3x + b is a non-square: such an encoding is "off the curve".
        int found = 0;
        for (int x = 1; found < 3 && x < 100; x++) {
            byte[] enc = new byte[33];
            enc[0] = 0x02;
            enc[32] = (byte) x;
            boolean onCurve;
            try {
                P256.CURVE.decodePoint(enc);
                onCurve = true;
            } catch (IllegalArgumentException e) {
                onCurve = false;
            }
            if (!onCurve) {
                found++;
                assertThrows(MalformedEncodingException.class, () -> Point.decode(enc));
            }
        }
        assertEquals(3, found);
    }

    @Test
    void scalarDecodeAcceptsOnlyCanonicalValues() throws Exception {
        Scalar s = Scalar.random(random);
        assertEquals(s, Scalar.decode(s.encode()));
        byte[] n = BigIntegers.asUnsignedByteArray(32, P256.N);
        assertThrows(MalformedEncodingException.class, () -> Scalar.decode(n));
        assertThrows(MalformedEncodingException.class, () -> Scalar.decode(new byte[31]));
        assertThrows(MalformedEncodingException.class, () -> Scalar.decode(new byte[33]));
        assertTrue(Scalar.decode(new byte[32]).isZero());
    }

    @Test
    void zeroScalarIsRejectedWhereNonZeroIsRequired() {
        assertThrows(MalformedEncodingException.class, () -> Scalar.decodeNonZero(new byte[32]));
        assertThrows(ArithmeticException.class, () -> Point.multiplyGenerator(Scalar.of(0)));
        assertThrows(ArithmeticException.class, () -> Scalar.of(0).invert());
    }

    @Test
    void randomScalarsAreNonZeroAndDistinct() {
        Scalar a = Scalar.random(random);
        Scalar b = Scalar.random(random);
        assertFalse(a.isZero());
        assertFalse(a.equals(b));
    }

    @Test
    void scalarValueIsNotPrinted() {
        Scalar s = Scalar.random(random);
        assertFalse(s.toString().contains(Hex.toHexString(s.encode())));
    }

    @Test
    void scalarArithmeticIsModuloTheGroupOrder() {
        Scalar a = Scalar.random(random);
        assertTrue(a.add(a.negate()).isZero());
        assertEquals(Scalar.of(1), a.multiply(a.invert()));
        assertEquals(Point.multiplyGenerator(a.add(Scalar.of(1))), Point.multiplyGenerator(a).add(Point.generator()));
        assertArrayEquals(Point.multiplyGenerator(a).encode(), Point.generator().multiply(a).encode());
    }

    @Test
    void linearCombinationMatchesTermByTermSumAndReportsTheIdentityAsEmpty() {
        Scalar a = Scalar.random(random);
        Scalar b = Scalar.random(random);
        Point p = Point.multiplyGenerator(Scalar.random(random));
        Point q = Point.multiplyGenerator(Scalar.random(random));
        assertEquals(p.multiply(a).add(q.multiply(b)),
                Point.linearCombination(java.util.List.of(a, b), java.util.List.of(p, q)).orElseThrow());
        assertEquals(p, Point.linearCombination(java.util.List.of(Scalar.of(1), Scalar.of(0)),
                java.util.List.of(p, q)).orElseThrow());
        assertTrue(Point.linearCombination(java.util.List.of(a, a.negate()), java.util.List.of(p, p)).isEmpty());
        assertTrue(Point.linearCombination(java.util.List.of(Scalar.of(0)), java.util.List.of(p)).isEmpty());
    }

    @Test
    void reduceBigEndianIsOs2ipModuloTheGroupOrder() {
        byte[] n = BigIntegers.asUnsignedByteArray(32, P256.N);
        assertTrue(Scalar.reduceBigEndian(n).isZero());
        byte[] wide = new byte[48];
        wide[47] = 5;
        assertEquals(Scalar.of(5), Scalar.reduceBigEndian(wide));
        BigInteger big = BigInteger.ONE.shiftLeft(383).add(BigInteger.valueOf(7));
        assertArrayEquals(BigIntegers.asUnsignedByteArray(32, big.mod(P256.N)),
                Scalar.reduceBigEndian(BigIntegers.asUnsignedByteArray(48, big)).encode());
    }
}
