package org.heteronym.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.heteronym.crypto.jose.Ed25519PublicKeys;
import org.heteronym.crypto.jose.JwkSets;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * A licensing authority's JWK Set as the operator submits it, checked: public keys only (a set carrying a private
 * member is refused rather than trimmed: whoever sent it has leaked the authority's key and must know), only the
 * key types the attestation verifier can use (P-256 for ES256, Ed25519 for EdDSA), points on the curve, a unique
 * {@code kid} on each key when there are several.
 */
public final class AuthorityKeys {

    public static final int MAX_KEYS = 8;

    private AuthorityKeys() {
    }

    static List<PublicJsonWebKey> parse(JsonNode jwks) {
        return JwkSets.parse(jwks, MAX_KEYS, AuthorityKeys::parseKey, AuthorityKeys::bad);
    }

    private static PublicJsonWebKey parseKey(String where, JsonNode node) {
        String kty = node.path("kty").asText("");
        String crv = node.path("crv").asText("");
        if (!(kty.equals("EC") && crv.equals("P-256")) && !(kty.equals("OKP") && crv.equals("Ed25519"))) {
            throw bad(where + " must be an EC P-256 (ES256) or OKP Ed25519 (EdDSA) key");
        }
        if (node.has("use") && !node.path("use").asText().equals("sig")) {
            throw bad(where + " has a use other than sig");
        }
        if (node.has("kid") && (!node.get("kid").isTextual() || node.get("kid").asText().isEmpty()
                || node.get("kid").asText().length() > 200)) {
            throw bad(where + " has a kid that is not a string of 1 to 200 characters");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = RegistryJson.JSON.convertValue(node, Map.class);
            PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(params);
            if (key instanceof EllipticCurveJsonWebKey ec) {
                ECPublicKey pub = ec.getECPublicKey();
                BigInteger x = pub.getW().getAffineX();
                BigInteger y = pub.getW().getAffineY();
                ECNamedCurveTable.getParameterSpec("P-256").getCurve().validatePoint(x, y);
            } else if (!(key instanceof OctetKeyPairJsonWebKey)) {
                throw bad(where + " is not a usable key");
            } else if (!Ed25519PublicKeys.isValidX(node.path("x").asText(""))) {
                throw bad(where + " is not an Ed25519 public key (32 bytes, a point of full order)");
            }
            // the stored form: exactly the public members jose4j understood
            return PublicJsonWebKey.Factory.newPublicJwk(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException | IllegalArgumentException | ClassCastException e) {
            throw bad(where + " does not decode to a public key on its curve");
        }
    }

    /** The JWK Set of {@code keys}, public members only, as stored, logged and shown. */
    public static Map<String, Object> jwkSet(List<PublicJsonWebKey> keys) {
        return Map.of("keys", keys.stream().map(k -> k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
    }

    private static CredentialAdminRefusal bad(String detail) {
        return new CredentialAdminRefusal(CredentialProblem.BAD_KEY, detail);
    }
}
