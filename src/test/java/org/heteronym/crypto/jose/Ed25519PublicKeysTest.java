package org.heteronym.crypto.jose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Ed25519PublicKeysTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void acceptsARealKeyAndRefusesWrongLengthsSmallOrderAndGarbage() throws Exception {
        byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        byte[] point = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        assertTrue(Ed25519PublicKeys.isValidX(B64URL.encodeToString(point)));

        assertFalse(Ed25519PublicKeys.isValidX(B64URL.encodeToString(Arrays.copyOf(point, 31))));
        assertFalse(Ed25519PublicKeys.isValidX(B64URL.encodeToString(Arrays.copyOf(point, 33))));
        byte[] identity = new byte[32];
        identity[0] = 1; // y = 1: the neutral element, of order 1
        assertFalse(Ed25519PublicKeys.isValidX(B64URL.encodeToString(identity)));
        assertFalse(Ed25519PublicKeys.isValidX("not base64!"));
        assertFalse(Ed25519PublicKeys.isValidX(null));
    }
}
