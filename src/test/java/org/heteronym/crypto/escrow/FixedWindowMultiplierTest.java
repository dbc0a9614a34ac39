package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class FixedWindowMultiplierTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Plain double-and-add, independent of both the comb and the window table. */
    private static ECPoint reference(ECPoint base, BigInteger k) {
        ECPoint r = base.getCurve().getInfinity();
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = r.twice();
            if (k.testBit(i)) {
                r = r.add(base);
            }
        }
        return r.normalize();
    }

    @Test
    void agreesWithDoubleAndAddOnEdgeAndRandomScalars() {
        ECPoint other = P256.combMultiply(P256.G, new BigInteger(255, RANDOM)).normalize();
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15),
                BigInteger.valueOf(16), BigInteger.valueOf(17), BigInteger.ONE.shiftLeft(252).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(255), P256.N.subtract(BigInteger.ONE), P256.N.subtract(BigInteger.TWO),
                P256.N.shiftRight(1)));
        for (int i = 0; i < 40; i++) {
            scalars.add(new BigInteger(256, RANDOM).mod(P256.N));
        }
        for (ECPoint base : List.of(P256.G, other)) {
            for (BigInteger k : scalars) {
                assertEquals(reference(base, k), FixedWindowMultiplier.multiply(base, k).normalize(), "k = " + k);
            }
        }
    }

    @Test
    void zeroGivesTheIdentityAndOutOfRangeScalarsAreRefused() {
        assertTrue(FixedWindowMultiplier.multiply(P256.G, BigInteger.ZERO).isInfinity());
        assertThrows(IllegalArgumentException.class,
                () -> FixedWindowMultiplier.multiply(P256.G, BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class,
                () -> FixedWindowMultiplier.multiply(P256.G, BigInteger.ONE.shiftLeft(256)));
    }

    /** The table hangs on the point instance; another instance of the same point builds its own and agrees. */
    @Test
    void equalBasesFromDifferentInstancesAgree() {
        BigInteger k = new BigInteger(256, RANDOM).mod(P256.N);
        ECPoint copy = P256.CURVE.decodePoint(P256.G.getEncoded(true));
        assertEquals(FixedWindowMultiplier.multiply(P256.G, k).normalize(),
                FixedWindowMultiplier.multiply(copy, k).normalize());
    }
}
