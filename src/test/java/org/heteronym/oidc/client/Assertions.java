package org.heteronym.oidc.client;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.heteronym.forum.ForumFixtures;
import org.heteronym.oidc.OidcEndpoints;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;

/** Client assertions as a forum makes them (RFC 7523), and as an attacker bends them; forums to present them. */
final class Assertions {

    static final String ISSUER = "http://localhost";
    static final String TOKEN_URL = ISSUER + OidcEndpoints.TOKEN;
    static final String ES256 = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

    private Assertions() {
    }

    /** A {@code private_key_jwt} forum registered through the admin API with these keys inline. */
    @SuppressWarnings("unchecked")
    static String inlineForum(PublicJsonWebKey... keys) {
        String id = ForumFixtures.freshId("pkjwt");
        Map<String, Object>[] params = Arrays.stream(keys).map(ForumFixtures::publicParams).toArray(Map[]::new);
        ForumFixtures.asOperator().body(ForumFixtures.inlineKeysForum(id, params)).post(ForumFixtures.FORUMS)
                .then().statusCode(201);
        return id;
    }

    /** A {@code private_key_jwt} forum whose keys are at {@code jwksUri}. */
    static String jwksUriForum(String jwksUri) {
        String id = ForumFixtures.freshId("jwks");
        Map<String, Object> body = ForumFixtures.jwksUriForum(id);
        body.put("jwks_uri", jwksUri);
        ForumFixtures.asOperator().body(body).post(ForumFixtures.FORUMS).then().statusCode(201);
        return id;
    }

    /** A {@code client_secret_basic} forum: its id and the secret the registration answered with. */
    record SecretForum(String id, String secret) {
        static SecretForum register() {
            String id = ForumFixtures.freshId("secret");
            String secret = ForumFixtures.asOperator().body(ForumFixtures.secretForum(id))
                    .post(ForumFixtures.FORUMS).then().statusCode(201).extract().path("client_secret");
            return new SecretForum(id, secret);
        }
    }

    static void retire(String clientId) {
        ForumFixtures.asOperator().delete(ForumFixtures.FORUMS + "/" + clientId).then().statusCode(200);
    }

    /** What a well-behaved forum asserts: iss = sub = its id, our token endpoint, a fresh jti, two minutes. */
    static JwtClaims claims(String clientId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(clientId);
        claims.setAudience(TOKEN_URL);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(2);
        return claims;
    }

    static String assertion(String clientId, PublicJsonWebKey key, String alg) throws Exception {
        return assertion(clientId, key, alg, claims -> { });
    }

    static String assertion(String clientId, PublicJsonWebKey key, String alg, Consumer<JwtClaims> change)
            throws Exception {
        JwtClaims claims = claims(clientId);
        change.accept(claims);
        return sign(claims, alg, key.getKeyId(), key.getPrivateKey());
    }

    /** Signed by {@code key} with no {@code kid} in the header. */
    static String withoutKid(String clientId, PublicJsonWebKey key, String alg) throws Exception {
        return sign(claims(clientId), alg, null, key.getPrivateKey());
    }

    static String sign(JwtClaims claims, String alg, String kid, Key key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return jws.getCompactSerialization();
    }

    static String unsigned(String clientId) throws Exception {
        return sign(claims(clientId), AlgorithmIdentifiers.NONE, null, null);
    }

    /** The classic key-confusion forgery: HMAC keyed with the bytes of the forum's public key. */
    static String hmacWithPublicKey(String clientId, PublicJsonWebKey key) throws Exception {
        return sign(claims(clientId), AlgorithmIdentifiers.HMAC_SHA256, key.getKeyId(),
                new HmacKey(key.getPublicKey().getEncoded()));
    }

    /** The same signature under a header naming another algorithm. */
    static String relabelled(String jws, String alg) {
        String[] p = jws.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(p[0]), StandardCharsets.UTF_8)
                .replaceFirst("\"alg\":\"[^\"]+\"", "\"alg\":\"" + alg + "\"");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "." + p[1] + "." + p[2];
    }

    /** The claims changed after signing. */
    static String tampered(String jws) {
        String[] p = jws.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
        return p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replace("\"exp\":", "\"extra\":1,\"exp\":").getBytes(StandardCharsets.UTF_8)) + "." + p[2];
    }
}
