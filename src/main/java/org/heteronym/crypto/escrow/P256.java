package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The P-256 group as used everywhere in the escrow core. Bouncy Castle's custom curve implementation is used
 * (fast field arithmetic); {@link #G} is a single shared instance so that the comb and wNAF precomputations
 * that Bouncy Castle caches on a point object are computed once per process.
 */
final class P256 {
    static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");
    static final ECCurve CURVE = PARAMS.getCurve();
    static final ECPoint G = PARAMS.getG().normalize();
    /** Group order n. */
    static final BigInteger N = PARAMS.getN();
    /** Field prime p. */
    static final BigInteger P = CURVE.getField().getCharacteristic();

    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

    private P256() {}

    /** k·B for a base B used many times (G, the joint key Y); the comb table is cached on the B instance. */
    static ECPoint combMultiply(ECPoint base, BigInteger k) {
        return COMB.multiply(base, k);
    }

    /** a·P + b·Q with interleaved wNAF (Shamir's trick): about the cost of one multiplication. */
    static ECPoint sumOfTwo(ECPoint p, BigInteger a, ECPoint q, BigInteger b) {
        return ECAlgorithms.sumOfTwoMultiplies(p, a, q, b);
    }

    static ECPoint sumOf(ECPoint[] ps, BigInteger[] ks) {
        return ECAlgorithms.sumOfMultiplies(ps, ks);
    }

    /** n − k mod n, so that subtraction can be expressed as a multi-scalar multiplication. */
    static BigInteger negate(BigInteger k) {
        return k.signum() == 0 ? k : N.subtract(k);
    }
}
