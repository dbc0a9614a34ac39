package org.heteronym.forum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.heteronym.crypto.jose.Ed25519PublicKeys;
import org.heteronym.crypto.jose.JwkSets;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * A forum's inline JWK Set for {@code private_key_jwt} (RFC 7523 §2.2), checked: public keys only (a set carrying a
 * private member is refused rather than trimmed: whoever sent it has leaked the forum's key and must know), EC P-256
 * on the curve (ES256), OKP Ed25519 (EdDSA) or RSA of 2048 to 8192 bits with an odd public exponent of at least 3
 * (RS256/PS256 and their longer hashes), an {@code alg}, if stated, that fits the key, {@code use} {@code sig} if
 * stated, and a unique {@code kid} on each key when there are several, so the token endpoint can pick one.
 */
final class ForumKeys {

    static final int MAX_KEYS = 8;
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;
    /** 32 bytes in unpadded base64url. */
    private static final int P256_COORDINATE_CHARS = 43;
    /** Private members of RFC 7518 §6 (EC, RSA, oct) and RFC 8037 (OKP). */
    private static final Set<String> RSA_ALGS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForumKeys() {
    }

    static List<PublicJsonWebKey> parse(JsonNode jwks) {
        return JwkSets.parse(jwks, MAX_KEYS, ForumKeys::parseKey, ForumKeys::bad);
    }

    /** The JWK Set of {@code keys}, public members only, as stored, logged and shown. */
    static Map<String, Object> jwkSet(List<PublicJsonWebKey> keys) {
        return Map.of("keys", keys.stream().map(k -> k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
    }

    private static PublicJsonWebKey parseKey(String where, JsonNode node) {
        String kty = node.path("kty").asText("");
        String crv = node.path("crv").asText("");
        boolean ec = kty.equals("EC") && crv.equals("P-256");
        boolean ed = kty.equals("OKP") && crv.equals("Ed25519");
        if (!ec && !ed && !kty.equals("RSA")) {
            throw bad(where + " must be an EC P-256, OKP Ed25519 or RSA key");
        }
        if (node.has("use") && !node.path("use").asText().equals("sig")) {
            throw bad(where + " has a use other than sig");
        }
        if (node.has("kid") && (!node.get("kid").isTextual() || node.get("kid").asText().isEmpty()
                || node.get("kid").asText().length() > 200)) {
            throw bad(where + " has a kid that is not a string of 1 to 200 characters");
        }
        if (node.has("alg")) {
            String alg = node.get("alg").asText("");
            boolean fits = ec ? alg.equals("ES256") : ed ? alg.equals("EdDSA") || alg.equals("Ed25519")
                    : RSA_ALGS.contains(alg);
            if (!fits) {
                throw bad(where + " states an alg that does not fit its key type");
            }
        }
        // Checked before jose4j sees the key: it throws a bare RuntimeException for an EC coordinate longer than the
        // field and an ArrayIndexOutOfBoundsException for an empty Ed25519 x (both found by fuzzing)
        if (ec && !(isCoordinate(node.get("x")) && isCoordinate(node.get("y")))) {
            throw bad(where + " needs x and y of 32 bytes each (P-256)");
        }
        if (ed) {
            checkEd25519(where, node.path("x").asText(""));
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = JSON.convertValue(node, Map.class);
            PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(params);
            if (key instanceof EllipticCurveJsonWebKey e) {
                ECPublicKey pub = e.getECPublicKey();
                ECNamedCurveTable.getParameterSpec("P-256").getCurve()
                        .validatePoint(pub.getW().getAffineX(), pub.getW().getAffineY());
            } else if (key instanceof RsaJsonWebKey r) {
                checkRsa(where, r.getRsaPublicKey());
            } else if (key instanceof OctetKeyPairJsonWebKey) {
                checkEd25519(where, node.path("x").asText(""));
            } else {
                throw bad(where + " is not a usable key");
            }
            // the stored form: exactly the public members jose4j understood
            return PublicJsonWebKey.Factory.newPublicJwk(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException | IllegalArgumentException | ClassCastException e) {
            throw bad(where + " does not decode to a public key" + (ec ? " on its curve" : ""));
        }
    }

    /** NIST SP 800-131A: at least 2048 bits; RFC 8017 §3.1: e odd, 3 ≤ e < n. The upper bound caps verify cost. */
    private static void checkRsa(String where, RSAPublicKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw bad(where + " is an RSA key of " + bits + " bits; " + MIN_RSA_BITS + " to " + MAX_RSA_BITS
                    + " are accepted");
        }
        BigInteger e = key.getPublicExponent();
        if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(key.getModulus()) >= 0
                || !key.getModulus().testBit(0)) {
            throw bad(where + " is not a valid RSA public key (odd modulus, odd exponent of at least 3)");
        }
    }

    /**
     * jose4j accepts an {@code x} of any length; RFC 8037 §2 requires the 32-byte encoding of a point, which must
     * decode (RFC 8032 §5.1.3) and not be of small order.
     */
    private static void checkEd25519(String where, String x) {
        if (!Ed25519PublicKeys.isValidX(x)) {
            throw bad(where + " is not an Ed25519 public key (32 bytes, a point of full order)");
        }
    }

    /** A P-256 coordinate: the base64url (unpadded) encoding of exactly 32 bytes (RFC 7518 §6.2.1.2). */
    private static boolean isCoordinate(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().length() != P256_COORDINATE_CHARS) {
            return false;
        }
        try {
            return Base64.getUrlDecoder().decode(value.asText()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ForumRefusal bad(String detail) {
        return new ForumRefusal(ForumProblem.BAD_KEY, detail);
    }
}
