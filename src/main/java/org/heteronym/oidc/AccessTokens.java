package org.heteronym.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Reads back this provider's access tokens: HS256 under the access-token key derived from one of the signing keys
 * (named by {@code kid}), {@code typ: at+jwt} (so an ID token is never accepted as one), this issuer, audience the userinfo endpoint, not expired. Revocation is checked
 * separately ({@link TokenRevocations}), since it needs the database.
 */
@ApplicationScoped
public class AccessTokens {

    static final String TYPE = "at+jwt";
    /** The JWT claims that are about the token rather than the member; userinfo does not repeat them. */
    private static final Set<String> TOKEN_CLAIMS = Set.of("iss", "aud", "client_id", "scope", "jti", "iat", "exp");
    private static final int MAX_LENGTH = 8192;

    private final JwtConsumer consumer;

    AccessTokens(SigningKeys keys, @ConfigProperty(name = "heteronym.public-url") String issuer) {
        List<JsonWebKey> jwks = keys.all().stream().map(key -> {
            OctetSequenceJsonWebKey jwk = new OctetSequenceJsonWebKey(key.accessTokenKey());
            jwk.setKeyId(key.accessTokenKid());
            return (JsonWebKey) jwk;
        }).toList();
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedType(true, TYPE)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience(issuer))
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    /** The audience of every access token: the userinfo endpoint, the one resource that accepts them. */
    static String audience(String issuer) {
        return issuer + OidcEndpoints.USERINFO;
    }

    /** The token's contents if it is a valid access token of this provider; else {@code invalid_token}. */
    public AccessToken verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw new OAuthError(OAuthError.Code.INVALID_TOKEN, "no valid access token");
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Map<String, Object> memberClaims = new java.util.LinkedHashMap<>(claims.getClaimsMap());
            memberClaims.keySet().removeAll(TOKEN_CLAIMS);
            String clientId = claims.getStringClaimValue("client_id");
            if (clientId == null) {
                throw new OAuthError(OAuthError.Code.INVALID_TOKEN, "the access token names no client");
            }
            return new AccessToken(claims.getJwtId(), clientId, claims.getSubject(),
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()), memberClaims);
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new OAuthError(OAuthError.Code.INVALID_TOKEN, "the access token is not valid here or has expired");
        }
    }

    /**
     * A verified access token.
     *
     * @param memberClaims {@code sub} and the released claims: what userinfo answers
     */
    public record AccessToken(String id, String clientId, String subject, Instant issuedAt, Instant expiresAt,
                              Map<String, Object> memberClaims) {
        public IssuedToken issued() {
            return new IssuedToken(id, expiresAt);
        }
    }
}
