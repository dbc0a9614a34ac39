package org.heteronym.crypto.escrow;

/**
 * Lagrange coefficients modulo n for Shamir shares at indices 1..n: λ_i(x) = Π_{k≠i} (x − k)/(i − k).
 *
 * <h2>Security guarantees</h2>
 * Exact modular arithmetic; for distinct indices S with |S| ≥ t and shares of a polynomial f of degree &lt; t,
 * Σ_{i∈S} λ_i(x)·f(i) = f(x). Duplicate or non-positive indices are rejected, since they would make a
 * denominator zero or silently count one trustee twice.
 *
 * <h2>WARNING</h2>
 * The coefficients say nothing about whether the shares are genuine: combine only verified shares.
 */
public final class Lagrange {
    private Lagrange() {}

    /** λ_i(0) for each i in {@code indices}, in the same order. */
    public static Scalar[] atZero(int[] indices) {
        return at(0, indices);
    }

    /** λ_i(x) for each i in {@code indices}, in the same order. */
    public static Scalar[] at(int x, int[] indices) {
        if (indices.length == 0 || x < 0) {
            throw new IllegalArgumentException("need at least one index and x ≥ 0");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 1) {
                throw new IllegalArgumentException("indices must be ≥ 1");
            }
            for (int k = 0; k < i; k++) {
                if (indices[k] == indices[i]) {
                    throw new IllegalArgumentException("duplicate index " + indices[i]);
                }
            }
        }
        Scalar[] out = new Scalar[indices.length];
        Scalar sx = Scalar.of(x);
        for (int i = 0; i < indices.length; i++) {
            Scalar num = Scalar.of(1);
            Scalar den = Scalar.of(1);
            Scalar si = Scalar.of(indices[i]);
            for (int k = 0; k < indices.length; k++) {
                if (k != i) {
                    Scalar sk = Scalar.of(indices[k]);
                    num = num.multiply(sx.subtract(sk));
                    den = den.multiply(si.subtract(sk));
                }
            }
            out[i] = num.multiply(den.invert());
        }
        return out;
    }
}
