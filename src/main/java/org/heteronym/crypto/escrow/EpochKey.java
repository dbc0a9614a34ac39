package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The public key material of one trustee epoch: epoch id, threshold t, joint key Y = x·G and the trustees'
 * verification keys Y_i = x_i·G (i = 1..n), as output by the DKG.
 *
 * <h2>Security guarantees</h2>
 * The constructor checks that (Y, Y_1..Y_n) lie on one polynomial of degree &lt; t "in the exponent":
 * Y = Σ_{i≤t} λ_i(0)·Y_i and Y_k = Σ_{i≤t} λ_i(k)·Y_i for k &gt; t. Hence any t verified decryption shares
 * interpolate to the same value, whichever trustees produced them.
 *
 * <h2>WARNING</h2>
 * The epoch id is opaque here; it must be the hash of the DKG transcript that produced exactly these keys,
 * and it must come from the log, not from a trustee or an officer.
 */
public final class EpochKey {
    public static final int MAX_TRUSTEES = 255;
    private final Hash32 epochId;
    private final int threshold;
    private final Point jointKey;
    private final List<Point> trusteeKeys;

    public EpochKey(Hash32 epochId, int threshold, Point jointKey, List<Point> trusteeKeys) {
        this.epochId = Objects.requireNonNull(epochId);
        this.jointKey = Objects.requireNonNull(jointKey);
        this.trusteeKeys = List.copyOf(trusteeKeys);
        int n = this.trusteeKeys.size();
        if (threshold < 1 || threshold > n || n > MAX_TRUSTEES) {
            throw new IllegalArgumentException("need 1 ≤ t ≤ n ≤ " + MAX_TRUSTEES);
        }
        this.threshold = threshold;
        int[] base = new int[threshold];
        ECPoint[] basePoints = new ECPoint[threshold];
        for (int i = 0; i < threshold; i++) {
            base[i] = i + 1;
            basePoints[i] = this.trusteeKeys.get(i).raw();
        }
        checkOnPolynomial(0, base, basePoints, jointKey);
        for (int k = threshold + 1; k <= n; k++) {
            checkOnPolynomial(k, base, basePoints, this.trusteeKeys.get(k - 1));
        }
    }

    private static void checkOnPolynomial(int x, int[] base, ECPoint[] basePoints, Point expected) {
        Scalar[] lambda = Lagrange.at(x, base);
        BigInteger[] ks = new BigInteger[lambda.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = lambda[i].toBigInteger();
        }
        if (!P256.sumOf(basePoints, ks).equals(expected.raw())) {
            throw new IllegalArgumentException("trustee keys are not consistent with a threshold-" + base.length
                    + " sharing of the joint key (index " + x + ")");
        }
    }

    public Hash32 epochId() {
        return epochId;
    }

    public int threshold() {
        return threshold;
    }

    public int trusteeCount() {
        return trusteeKeys.size();
    }

    /** Y; long-lived, so multiplications by it use a cached comb table. */
    public Point jointKey() {
        return jointKey;
    }

    /** Y_i for 1 ≤ i ≤ n. */
    public Point trusteeKey(int index) {
        if (index < 1 || index > trusteeKeys.size()) {
            throw new IllegalArgumentException("no trustee with index " + index);
        }
        return trusteeKeys.get(index - 1);
    }
}
