package org.heteronym.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;

/**
 * Staff bearer tokens for tests, signed by the test profile's staff identity provider key (which the service
 * generates on first start), and the forgeries an attacker would try.
 */
public final class StaffTokens {

    public static final String ISSUER = "https://staff-idp.test.heteronym.invalid";
    private static final Path PRIVATE_KEY = Path.of("target/test-keys/staff-idp.test.private.pem");

    private StaffTokens() {
    }

    public static String operator() {
        return withRole("operator");
    }

    public static String withRole(String role) {
        return sign(claims(role), trustedKey());
    }

    /** A token of one named staff member, as the identity provider issues to each legal officer. */
    public static String of(String subject, String role) {
        return sign(claims(role).subject(subject), trustedKey());
    }

    public static String signedByAnotherKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return sign(claims(role), generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String expired(String role) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return sign(claims(role).issuedAt(past - 600).expiresAt(past), trustedKey());
    }

    public static String fromIssuer(String issuer, String role) {
        return sign(claims(role).issuer(issuer), trustedKey());
    }

    public static String forAudience(String audience, String role) {
        return sign(claims(role).audience(audience), trustedKey());
    }

    /** The "alg: none" attack: an unsigned token with a valid-looking payload. */
    public static String unsigned(String role) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"mallory\",\"aud\":\"heteronym\","
                + "\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static JwtClaimsBuilder claims(String role) {
        return Jwt.issuer(ISSUER).subject("staff-" + role).audience("heteronym").groups(Set.of(role)).expiresIn(600);
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(key);
    }

    private static PrivateKey trustedKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(PRIVATE_KEY), SignatureAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException("the test staff key " + PRIVATE_KEY + " is made when the service starts", e);
        }
    }
}
