package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LagrangeTest {
    private final TestDrbg random = new TestDrbg("lagrange");

    @Test
    void interpolatesTheSecretFromAnyThresholdSubset() {
        List<Scalar> f = List.of(Scalar.random(random), Scalar.random(random), Scalar.random(random));
        for (int[] set : new int[][] {{1, 2, 3}, {2, 4, 5}, {5, 1, 3}, {7, 8, 9}}) {
            Scalar[] l = Lagrange.atZero(set);
            Scalar acc = Scalar.of(0);
            for (int k = 0; k < set.length; k++) {
                acc = acc.add(l[k].multiply(TrustedDealer.evaluate(f, set[k])));
            }
            assertEquals(f.get(0), acc);
        }
    }

    @Test
    void interpolatesAtOtherPoints() {
        List<Scalar> f = List.of(Scalar.random(random), Scalar.random(random));
        Scalar[] l = Lagrange.at(6, new int[] {1, 2});
        assertEquals(TrustedDealer.evaluate(f, 6),
                l[0].multiply(TrustedDealer.evaluate(f, 1)).add(l[1].multiply(TrustedDealer.evaluate(f, 2))));
    }

    @Test
    void rejectsDuplicateIndices() {
        assertThrows(IllegalArgumentException.class, () -> Lagrange.atZero(new int[] {1, 2, 1}));
    }

    @Test
    void rejectsZeroNegativeOrNoIndices() {
        assertThrows(IllegalArgumentException.class, () -> Lagrange.atZero(new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Lagrange.atZero(new int[] {-1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Lagrange.atZero(new int[0]));
    }
}
