package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;

/**
 * A P-256 group element other than the identity, encoded as 33-byte compressed SEC1 (0x02/0x03 || x).
 *
 * <h2>Security guarantees</h2>
 * {@link #decode} accepts exactly the canonical compressed encodings of points on the curve: it rejects a wrong
 * length, a prefix other than 0x02/0x03 (so the 1-byte identity encoding 0x00 and uncompressed forms), x ≥ p,
 * an x with no curve point, and the identity. P-256 has cofactor 1, so every accepted point generates the whole
 * group and no small-subgroup check is needed. Instances are normalised (affine) once at construction.
 *
 * <h2>WARNING</h2>
 * Scalar multiplication is Bouncy Castle's and is not guaranteed constant-time. Operations whose result would
 * be the identity throw {@link ArithmeticException}: callers combining attacker-influenced points must treat
 * that as a rejection.
 */
public final class Point {
    public static final int ENCODED_LENGTH = 33;
    private static final Point GENERATOR = new Point(P256.G);
    private final ECPoint p;
    private final byte[] encoded;

    Point(ECPoint point) {
        if (point.isInfinity()) {
            throw new ArithmeticException("result is the point at infinity");
        }
        this.p = point.normalize();
        this.encoded = this.p.getEncoded(true);
    }

    public static Point generator() {
        return GENERATOR;
    }

    /** k·G using the fixed-base comb; k must be non-zero. */
    public static Point multiplyGenerator(Scalar k) {
        return new Point(P256.combMultiply(P256.G, k.toBigInteger()));
    }

    public static Point decode(byte[] enc) throws MalformedEncodingException {
        if (enc == null || enc.length != ENCODED_LENGTH) {
            throw new MalformedEncodingException("point: expected 33 bytes (compressed SEC1)");
        }
        if (enc[0] != 0x02 && enc[0] != 0x03) {
            throw new MalformedEncodingException("point: prefix must be 0x02 or 0x03");
        }
        if (new BigInteger(1, Arrays.copyOfRange(enc, 1, ENCODED_LENGTH)).compareTo(P256.P) >= 0) {
            throw new MalformedEncodingException("point: x-coordinate is not reduced modulo p");
        }
        ECPoint q;
        try {
            q = P256.CURVE.decodePoint(enc);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("point: not on the curve");
        }
        if (q.isInfinity() || !q.isValid()) {
            throw new MalformedEncodingException("point: not a valid group element");
        }
        return new Point(q);
    }

    public byte[] encode() {
        return encoded.clone();
    }

    void copyTo(byte[] out, int off) {
        System.arraycopy(encoded, 0, out, off, ENCODED_LENGTH);
    }

    /** k·this, variable base (wNAF; the table is cached on this instance). */
    public Point multiply(Scalar k) {
        return new Point(p.multiply(k.toBigInteger()));
    }

    /** k·this with a fixed-base comb whose table is cached on this instance: use for long-lived bases like Y. */
    Point combMultiply(Scalar k) {
        return new Point(P256.combMultiply(p, k.toBigInteger()));
    }

    /**
     * Σ k_i·P_i as one interleaved multi-scalar multiplication; empty if the sum is the identity. Scalars may be
     * zero. Use it for checks of the form "this combination is the identity" (e.g. Feldman share verification)
     * and for sums whose terms an adversary influences, where an intermediate identity must not abort.
     */
    public static Optional<Point> linearCombination(List<Scalar> scalars, List<Point> points) {
        if (scalars.size() != points.size() || points.isEmpty()) {
            throw new IllegalArgumentException("need as many scalars as points, at least one");
        }
        ECPoint[] ps = new ECPoint[points.size()];
        BigInteger[] ks = new BigInteger[ps.length];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = points.get(i).p;
            ks[i] = scalars.get(i).toBigInteger();
        }
        ECPoint sum = P256.sumOf(ps, ks);
        return sum.isInfinity() ? Optional.empty() : Optional.of(new Point(sum));
    }

    public Point add(Point o) {
        return new Point(p.add(o.p));
    }

    public Point subtract(Point o) {
        return new Point(p.subtract(o.p));
    }

    ECPoint raw() {
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point q && Arrays.equals(encoded, q.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return Hex.toHexString(encoded);
    }
}
