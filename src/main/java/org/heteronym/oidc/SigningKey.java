package org.heteronym.oidc;

import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;

/**
 * One ES256 ID-token signing key. Its {@code kid} is the RFC 7638 JWK thumbprint (SHA-256, base64url) of the
 * public key, so it is the same wherever the key is loaded and never needs configuring.
 */
public record SigningKey(String kid, PrivateKey privateKey, ECPublicKey publicKey) {

    static SigningKey of(PrivateKey privateKey, ECPublicKey publicKey) {
        return new SigningKey(new EllipticCurveJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256"),
                privateKey, publicKey);
    }

    /** The public JWK as published at the JWKS endpoint: kty, crv, x, y, kid, use, alg; never a private member. */
    public Map<String, Object> publicJwk() {
        EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey(publicKey);
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        jwk.setAlgorithm("ES256");
        return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid + "]";
    }
}
