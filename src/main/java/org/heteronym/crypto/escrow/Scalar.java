package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;

/**
 * An integer modulo n, the order of the P-256 group; encoded as exactly 32 big-endian bytes.
 *
 * <h2>Security guarantees</h2>
 * Every instance is reduced: 0 ≤ value &lt; n. {@link #decode} accepts only the canonical encoding (values ≥ n are
 * rejected, never reduced), so a scalar has exactly one encoding. {@link #random} is uniform on [1, n−1] by
 * rejection sampling. {@link #toString()} never prints the value.
 *
 * <h2>WARNING</h2>
 * Arithmetic uses {@link BigInteger}, which is <em>not constant-time</em>: timing and cache side channels may leak
 * information about secret scalars to a co-located attacker. Deploy trustee and officer keys only on hosts that
 * run no untrusted code. A {@code BigInteger} cannot be wiped; secret scalars live until garbage collection.
 * Secrets must come from {@link #random} with a real {@link SecureRandom}; deterministic generators are for test
 * vectors only.
 */
public final class Scalar {
    public static final int LENGTH = 32;
    private final BigInteger value;

    private Scalar(BigInteger value) {
        this.value = value;
    }

    static Scalar reduce(BigInteger v) {
        return new Scalar(v.mod(P256.N));
    }

    /**
     * OS2IP(bytes) mod n, for bytes of any length: the reduction step of a hash-to-scalar function whose output
     * is wide enough (at least 48 bytes for a bias of about 2^-128). Never use it to decode a transmitted scalar;
     * use {@link #decode}, which rejects non-canonical values instead of reducing them.
     */
    public static Scalar reduceBigEndian(byte[] bytes) {
        return reduce(new BigInteger(1, bytes));
    }

    /** A small non-negative integer, e.g. a trustee index. */
    public static Scalar of(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative");
        }
        return reduce(BigInteger.valueOf(v));
    }

    /** Uniform on [1, n−1]: draws 32 bytes, interprets them big-endian, retries while the value is 0 or ≥ n. */
    public static Scalar random(SecureRandom random) {
        byte[] buf = new byte[LENGTH];
        try {
            while (true) {
                random.nextBytes(buf);
                BigInteger v = new BigInteger(1, buf);
                if (v.signum() > 0 && v.compareTo(P256.N) < 0) {
                    return new Scalar(v);
                }
            }
        } finally {
            Bytes.wipe(buf);
        }
    }

    /** Strict decoding: exactly 32 bytes, value &lt; n. Zero is accepted; see {@link #decodeNonZero}. */
    public static Scalar decode(byte[] encoded) throws MalformedEncodingException {
        if (encoded == null || encoded.length != LENGTH) {
            throw new MalformedEncodingException("scalar: expected 32 bytes");
        }
        BigInteger v = new BigInteger(1, encoded);
        if (v.compareTo(P256.N) >= 0) {
            throw new MalformedEncodingException("scalar: not reduced modulo n");
        }
        return new Scalar(v);
    }

    /** As {@link #decode}, and rejects zero (secret keys, proof challenges and responses are never zero). */
    public static Scalar decodeNonZero(byte[] encoded) throws MalformedEncodingException {
        Scalar s = decode(encoded);
        if (s.isZero()) {
            throw new MalformedEncodingException("scalar: zero is not allowed here");
        }
        return s;
    }

    public byte[] encode() {
        return BigIntegers.asUnsignedByteArray(LENGTH, value);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public Scalar add(Scalar o) {
        return reduce(value.add(o.value));
    }

    public Scalar subtract(Scalar o) {
        return reduce(value.subtract(o.value));
    }

    public Scalar multiply(Scalar o) {
        return reduce(value.multiply(o.value));
    }

    public Scalar negate() {
        return reduce(value.negate());
    }

    /** Multiplicative inverse; throws {@link ArithmeticException} for zero. */
    public Scalar invert() {
        if (isZero()) {
            throw new ArithmeticException("zero has no inverse");
        }
        return new Scalar(value.modInverse(P256.N));
    }

    BigInteger toBigInteger() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scalar s && MessageDigest.isEqual(encode(), s.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Scalar[redacted]";
    }
}
