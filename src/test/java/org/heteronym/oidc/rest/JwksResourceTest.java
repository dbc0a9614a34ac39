package org.heteronym.oidc.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heteronym.oidc.IdTokenSigner;
import org.junit.jupiter.api.Test;

/** The JWKS, read and checked by an independent JOSE implementation (Nimbus), and what it accepts. */
@QuarkusTest
class JwksResourceTest {

    @Inject
    IdTokenSigner signer;

    @Test
    void publishesEveryKeyPublicOnlyAndTheCurrentOneSigns() throws Exception {
        String body = given().get("/oidc/jwks").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=300")).extract().asString();
        JWKSet jwks = JWKSet.parse(body);
        assertEquals(2, jwks.getKeys().size(), "the test profile publishes a signing key and the next one");
        for (var key : jwks.getKeys()) {
            ECKey ec = key.toECKey();
            assertEquals(Curve.P_256, ec.getCurve());
            assertFalse(ec.isPrivate());
            assertEquals("sig", ec.getKeyUse().identifier());
            assertEquals(JWSAlgorithm.ES256, ec.getAlgorithm());
            assertEquals(ec.computeThumbprint().toString(), ec.getKeyID(), "kid is the RFC 7638 thumbprint");
        }
        assertFalse(body.contains("\"d\""));

        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "http://localhost");
        claims.put("aud", "forum-a");
        claims.put("sub", "pseudonym");
        long now = System.currentTimeMillis() / 1000;
        claims.put("iat", now);
        claims.put("exp", now + 300);
        String token = signer.sign(claims);
        SignedJWT parsed = SignedJWT.parse(token);
        assertEquals(jwks.getKeys().getFirst().getKeyID(), parsed.getHeader().getKeyID(), "the first key signs");
        assertEquals(JWSAlgorithm.ES256, parsed.getHeader().getAlgorithm());

        JWTClaimsSet verified = processor(jwks).process(token, null);
        assertEquals("pseudonym", verified.getSubject());
        assertEquals("forum-a", verified.getAudience().getFirst());
    }

    @Test
    void tokensNotSignedByAPublishedKeyAreRefusedByARelyingParty() throws Exception {
        JWKSet jwks = JWKSet.parse(given().get("/oidc/jwks").then().statusCode(200).extract().asString());
        String kid = jwks.getKeys().getFirst().getKeyID();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost").subject("x").audience("forum-a")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();

        // a forger's key, presented under our kid
        ECKey forger = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid)
                .type(JOSEObjectType.JWT).build(), claims);
        forged.sign(new ECDSASigner(forger));
        assertThrows(BadJOSEException.class, () -> processor(jwks).process(forged.serialize(), null));

        // alg: none
        assertThrows(BadJOSEException.class, () -> processor(jwks).process(new PlainJWT(claims).serialize(), null));

        // a genuine token with one byte of the payload changed
        String genuine = signer.sign(Map.of("iss", "http://localhost", "sub", "x", "aud", "forum-a",
                "exp", System.currentTimeMillis() / 1000 + 60));
        String[] parts = genuine.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "B" : "A") + parts[1].charAt(parts[1].length() - 1) + "." + parts[2];
        assertThrows(Exception.class, () -> processor(jwks).process(tampered, null));
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSet jwks) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        return processor;
    }
}
