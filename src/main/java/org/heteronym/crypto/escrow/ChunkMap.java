package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Maps a 31-byte chunk to a P-256 point and back: x = 256·chunk + ctr for the smallest ctr in 0..255 such that
 * x &lt; p and x³ − 3x + b is a square, and the point with even y (compressed prefix 0x02) is taken.
 *
 * <h2>Security guarantees</h2>
 * The map is injective and efficiently invertible (chunk = x &gt;&gt; 8). {@link #decode} is strict: it accepts
 * only points the encoder can output (even y, minimal counter), so a point produced by a wrong share
 * combination is rejected with probability about 255/256 per chunk.
 *
 * <h2>WARNING</h2>
 * Each counter succeeds with probability about 1/2, so the number of attempts — and the running time — depends on
 * the plaintext chunk; a precise timing observer learns a few bits about each chunk per encryption. The
 * counter runs out (probability about 2^-256) or x ≥ p for every counter (only when the chunk starts with
 * 0xFFFFFFFF, which the identity record layout excludes) and then {@link #encode} throws.
 */
final class ChunkMap {
    static final int CHUNK_LENGTH = 31;

    private ChunkMap() {}

    static Point encode(byte[] chunk) {
        if (chunk.length != CHUNK_LENGTH) {
            throw new IllegalArgumentException("chunk must be 31 bytes");
        }
        BigInteger base = new BigInteger(1, chunk).shiftLeft(8);
        for (int ctr = 0; ctr < 256; ctr++) {
            ECPoint m = liftEven(base.add(BigInteger.valueOf(ctr)));
            if (m != null) {
                return new Point(m);
            }
        }
        throw new IllegalStateException("no counter maps this chunk to a curve point");
    }

    /** Counter used by {@link #encode}; for test vectors and the specification. */
    static int counterOf(Point m) {
        return m.raw().getAffineXCoord().toBigInteger().intValue() & 0xFF;
    }

    static byte[] decode(Point m) throws MalformedEncodingException {
        ECPoint p = m.raw();
        if (p.getAffineYCoord().testBitZero()) {
            throw new MalformedEncodingException("chunk point: y is odd");
        }
        BigInteger x = p.getAffineXCoord().toBigInteger();
        int ctr = x.intValue() & 0xFF;
        BigInteger base = x.shiftRight(8).shiftLeft(8);
        for (int c = 0; c < ctr; c++) {
            if (liftEven(base.add(BigInteger.valueOf(c))) != null) {
                throw new MalformedEncodingException("chunk point: counter is not minimal");
            }
        }
        return BigIntegers.asUnsignedByteArray(CHUNK_LENGTH, x.shiftRight(8));
    }

    /** The point with x-coordinate x and even y, or null if x ≥ p or x is not the abscissa of a point. */
    private static ECPoint liftEven(BigInteger x) {
        if (x.compareTo(P256.P) >= 0) {
            return null;
        }
        ECFieldElement fx = P256.CURVE.fromBigInteger(x);
        ECFieldElement rhs = fx.square().add(P256.CURVE.getA()).multiply(fx).add(P256.CURVE.getB());
        ECFieldElement y = rhs.sqrt();
        if (y == null) {
            return null;
        }
        if (y.testBitZero()) {
            y = y.negate();
        }
        return P256.CURVE.createPoint(x, y.toBigInteger());
    }
}
