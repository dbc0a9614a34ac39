package org.heteronym.oidc;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.util.BigIntegers;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import org.heteronym.crypto.jose.Es256PrivateKey;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;

/**
 * One ES256 ID-token signing key; its private half is an {@link Es256PrivateKey}, so that SmallRye JWT's signatures
 * go through {@link org.heteronym.crypto.jose.Es256Provider} once {@link SigningKeys} has installed it. Its {@code kid} is the RFC 7638 JWK thumbprint (SHA-256, base64url) of the
 * public key, so it is the same wherever the key is loaded and never needs configuring.
 */
public record SigningKey(String kid, PrivateKey privateKey, ECPublicKey publicKey, SecretKey accessTokenKey) {

    /** The HKDF label of the access-token MAC key (docs/oidc.md, "The access token"). */
    static final String ACCESS_TOKEN_KEY_INFO = "heteronym/v1/oidc/access-token-mac-key";

    static SigningKey of(ECPrivateKey privateKey, ECPublicKey publicKey) {
        return new SigningKey(new EllipticCurveJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256"),
                new Es256PrivateKey(privateKey), publicKey, accessTokenKey(privateKey));
    }

    /** The {@code kid} of access tokens MACed with this key's derived access-token key. */
    public String accessTokenKid() {
        return "at-" + kid;
    }

    /**
     * HMAC-SHA256 key for access tokens, which only this service verifies: HKDF-SHA256 (RFC 5869) of the signing key's
     * 32-byte big-endian private scalar, no salt, info {@value #ACCESS_TOKEN_KEY_INFO}. It rotates with the signing
     * key and needs no secret of its own.
     */
    private static SecretKey accessTokenKey(ECPrivateKey privateKey) {
        byte[] scalar = BigIntegers.asUnsignedByteArray(32, privateKey.getS());
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(scalar, null, ACCESS_TOKEN_KEY_INFO.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        Arrays.fill(scalar, (byte) 0);
        return new SecretKeySpec(key, "HmacSHA256");
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
