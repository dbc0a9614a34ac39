package org.heteronym.crypto.jose;

import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks the {@code x} of an OKP Ed25519 JWK (RFC 8037): base64url of exactly 32 bytes that decode to a curve point
 * (RFC 8032 §5.1.3) of full order. JOSE libraries accept other lengths and small-order points, which a registered
 * issuer's or client's key must not be.
 */
public final class Ed25519PublicKeys {

    private Ed25519PublicKeys() {
    }

    public static boolean isValidX(String x) {
        byte[] point;
        try {
            point = Base64.getUrlDecoder().decode(x == null ? "" : x);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return point.length == Ed25519.PUBLIC_KEY_SIZE && Ed25519.validatePublicKeyFull(point, 0);
    }
}
