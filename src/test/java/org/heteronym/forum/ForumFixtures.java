package org.heteronym.forum;

import static io.restassured.RestAssured.given;

import io.quarkus.vertx.VertxContextSupport;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.heteronym.testing.StaffTokens;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;

/** Request bodies and keys for the forum registry tests. */
public final class ForumFixtures {

    static final String PROBLEM = "urn:heteronym:problem:";
    public static final String FORUMS = "/admin/v1/forums";

    private ForumFixtures() {
    }

    public static RequestSpecification asOperator() {
        return given().auth().oauth2(StaffTokens.operator()).contentType("application/json");
    }

    /** A fresh id, so tests sharing one database never collide. */
    public static String freshId(String prefix) {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random);
    }

    /** A {@code private_key_jwt} forum whose keys are at an https JWK Set URI. */
    public static Map<String, Object> jwksUriForum(String id) {
        Map<String, Object> body = base(id);
        body.put("token_endpoint_auth_method", "private_key_jwt");
        body.put("jwks_uri", "https://" + id + ".example.org/.well-known/jwks.json");
        return body;
    }

    @SafeVarargs
    public static Map<String, Object> inlineKeysForum(String id, Map<String, Object>... keys) {
        Map<String, Object> body = base(id);
        body.put("token_endpoint_auth_method", "private_key_jwt");
        body.put("jwks", Map.of("keys", List.of(keys)));
        return body;
    }

    public static Map<String, Object> secretForum(String id) {
        Map<String, Object> body = base(id);
        body.put("token_endpoint_auth_method", "client_secret_basic");
        return body;
    }

    private static Map<String, Object> base(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("client_id", id);
        body.put("client_name", "Forum " + id);
        body.put("redirect_uris", List.of("https://" + id + ".example.org/auth/oidc/callback"));
        body.put("allowed_professions", List.of("physician", "resident"));
        return body;
    }

    public static PublicJsonWebKey ec(String kid) throws Exception {
        PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(kid);
        return key;
    }

    public static PublicJsonWebKey ed(String kid) throws Exception {
        PublicJsonWebKey key = OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
        key.setKeyId(kid);
        return key;
    }

    public static PublicJsonWebKey rsa(String kid, int bits) throws Exception {
        PublicJsonWebKey key = RsaJwkGenerator.generateJwk(bits);
        key.setKeyId(kid);
        return key;
    }

    /** Runs a reactive call the way a request would, on a Vert.x context (Hibernate Reactive needs one). */
    static <T> T onVertx(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    public static Map<String, Object> publicParams(PublicJsonWebKey key) {
        return new HashMap<>(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    static Map<String, Object> privateParams(PublicJsonWebKey key) {
        return new HashMap<>(key.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
    }
}
