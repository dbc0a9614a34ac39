package org.heteronym.oidc.client;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumClients;
import org.heteronym.oidc.OAuthError;
import org.heteronym.oidc.OidcEndpoints;
import org.heteronym.persistence.UniqueViolations;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * {@code private_key_jwt} (RFC 7523 §3, OpenID Connect Core §9): a JWT signed by the forum with
 * {@code iss = sub = client id}, an audience naming our token endpoint or our issuer, an expiry at most five minutes
 * ahead and a {@code jti} used once. Asymmetric algorithms only (never {@code none}, never HMAC, whose key would be
 * the public key); the algorithm must fit the key it is verified with; header-supplied keys ({@code jwk}, {@code jku},
 * {@code x5u}) are never used.
 */
@ApplicationScoped
public class ClientAssertions {

    static final String[] ALGORITHMS = {
        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.EDDSA,
        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
        AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512};
    static final int MAX_LENGTH = 16 * 1024;
    private static final int MAX_LIFETIME_MINUTES = 5;
    private static final String FAILED = "client authentication failed";

    /** Reads the issuer before anything is trusted, only to know whose keys to verify with. */
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    private final ForumClients clients;
    private final ForumJwks jwks;
    private final String[] audiences;

    ClientAssertions(ForumClients clients, ForumJwks jwks, @ConfigProperty(name = "heteronym.public-url") String issuer) {
        this.clients = clients;
        this.jwks = jwks;
        this.audiences = new String[] {issuer + OidcEndpoints.TOKEN, issuer, issuer + OidcEndpoints.REVOKE};
    }

    /** The forum that signed {@code assertion}; {@code formClientId}, if sent, must name the same forum. */
    Uni<Forum> verify(String assertion, String formClientId) {
        if (assertion.length() > MAX_LENGTH) {
            throw OAuthError.invalidClient("the client assertion is longer than " + MAX_LENGTH + " characters");
        }
        JwtContext context;
        String issuer;
        try {
            context = UNVERIFIED.process(assertion);
            issuer = context.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw OAuthError.invalidClient("the client assertion is not a signed JWT");
        }
        if (issuer == null || formClientId != null && !formClientId.equals(issuer)) {
            throw OAuthError.invalidClient("the client assertion's iss must be the client id");
        }
        List<JsonWebStructure> structures = context.getJoseObjects();
        String kid = structures.isEmpty() ? null : structures.getFirst().getKeyIdHeaderValue();
        return clients.active(issuer)
                .map(forum -> forum.orElseThrow(() -> OAuthError.invalidClient(FAILED)))
                .chain(forum -> jwks.keys(forum, kid).map(keys -> check(context, issuer, keys)).replaceWith(forum))
                .call(forum -> spend(context, forum.clientId()));
    }

    private Object check(JwtContext context, String clientId, List<org.jose4j.jwk.PublicJsonWebKey> keys) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(List.copyOf(keys)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS)
                .setExpectedIssuer(clientId)
                .setExpectedSubject(clientId)
                .setExpectedAudience(audiences)
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes(MAX_LIFETIME_MINUTES)
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .build();
        try {
            consumer.processContext(context);
            return context;
        } catch (InvalidJwtException e) {
            throw OAuthError.invalidClient("the client assertion does not verify: " + reason(e));
        }
    }

    /** Records the jti until the assertion expires; a second use is refused. */
    private Uni<Void> spend(JwtContext context, String clientId) {
        JwtClaims claims = context.getJwtClaims();
        byte[] jti;
        Instant expires;
        try {
            jti = sha256(claims.getJwtId());
            expires = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidClient("the client assertion's jti or exp is malformed");
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into client_assertion (client_id, jti_hash, expires_at) values (?1, ?2, ?3)")
                .setParameter(1, clientId).setParameter(2, jti).setParameter(3, expires.atOffset(ZoneOffset.UTC))
                .executeUpdate()))
                .onFailure(UniqueViolations::isUniqueViolation)
                .transform(e -> OAuthError.invalidClient("the client assertion was already used (jti)"))
                .replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetExpired() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from client_assertion where expires_at < now()").executeUpdate())).replaceWithVoid();
    }

    /** What went wrong, in words a forum's administrator can act on, without echoing the token. */
    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "it has expired";
        }
        var details = e.getErrorDetails();
        return details.isEmpty() ? "invalid" : details.getFirst().getErrorMessage()
                .replaceAll("\\s*\\(?JWT[^)]*\\)?$", "");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
