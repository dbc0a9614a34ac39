package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {
    private final TestDrbg random = new TestDrbg("key-material");

    @Test
    void zeroSecretKeysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TrusteeKey(1, Scalar.of(0)));
        assertThrows(IllegalArgumentException.class, () -> OfficerKeyPair.fromSecret(Scalar.of(0)));
    }

    @Test
    void trusteeIndexMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TrusteeKey(0, Scalar.of(5)));
    }

    @Test
    void secretsAndPersonalDataAreNotPrinted() {
        Scalar s = Scalar.random(random);
        String hex = Hex.toHexString(s.encode());
        assertFalse(new TrusteeKey(1, s).toString().contains(hex));
        assertFalse(OfficerKeyPair.fromSecret(s).toString().contains(hex));
        assertEquals("IdentityRecord[redacted]", Fixtures.record().toString());
    }

    @Test
    void epochKeyAcceptsAConsistentSharing() {
        TrustedDealer.Dealt d = TrustedDealer.split(3, 5, random);
        assertEquals(3, d.epoch().threshold());
        assertEquals(Point.multiplyGenerator(d.jointSecret()), d.epoch().jointKey());
    }

    @Test
    void epochKeyRejectsATrusteeKeyOffThePolynomial() {
        TrustedDealer.Dealt d = TrustedDealer.split(3, 5, random);
        List<Point> keys = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            keys.add(d.epoch().trusteeKey(i));
        }
        keys.set(4, keys.get(4).add(Point.generator()));
        assertThrows(IllegalArgumentException.class,
                () -> new EpochKey(d.epoch().epochId(), 3, d.epoch().jointKey(), keys));
    }

    @Test
    void epochKeyRejectsAJointKeyThatIsNotTheSharedSecret() {
        TrustedDealer.Dealt d = TrustedDealer.split(2, 3, random);
        List<Point> keys = List.of(d.epoch().trusteeKey(1), d.epoch().trusteeKey(2), d.epoch().trusteeKey(3));
        Point wrongY = d.epoch().jointKey().add(Point.generator());
        assertThrows(IllegalArgumentException.class, () -> new EpochKey(d.epoch().epochId(), 2, wrongY, keys));
    }

    @Test
    void epochKeyRejectsImpossibleThresholds() {
        TrustedDealer.Dealt d = TrustedDealer.split(2, 3, random);
        List<Point> keys = List.of(d.epoch().trusteeKey(1), d.epoch().trusteeKey(2), d.epoch().trusteeKey(3));
        assertThrows(IllegalArgumentException.class, () -> new EpochKey(d.epoch().epochId(), 0, d.epoch().jointKey(), keys));
        assertThrows(IllegalArgumentException.class, () -> new EpochKey(d.epoch().epochId(), 4, d.epoch().jointKey(), keys));
    }
}
