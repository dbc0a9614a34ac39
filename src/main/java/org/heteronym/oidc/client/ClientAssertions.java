package org.heteronym.oidc.client;

import org.heteronym.crypto.Sha256;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumClients;
import org.heteronym.oidc.OAuthError;
import org.heteronym.oidc.OidcEndpoints;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
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
    static final int CLOCK_SKEW_SECONDS = 30;
    private static final String SIGNATURE = "the signature does not verify with the forum's keys (the alg must be an "
            + "asymmetric one that fits the key; a kid, if sent, must name a registered key)";

    /** Reads the issuer before anything is trusted, only to know whose keys to verify with. */
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    private final ForumClients clients;
    private final ForumJwks jwks;
    private final Pool pool;
    private final String[] audiences;

    ClientAssertions(ForumClients clients, ForumJwks jwks, Pool pool,
            @ConfigProperty(name = "heteronym.public-url") String issuer) {
        this.clients = clients;
        this.jwks = jwks;
        this.pool = pool;
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
        if (structures.size() != 1) {
            throw OAuthError.invalidClient("the client assertion must be one JWS, not nested or encrypted");
        }
        String kid = structures.getFirst().getKeyIdHeaderValue();
        return clients.active(issuer)
                .map(forum -> forum.orElseThrow(() -> OAuthError.invalidClient(ClientAuthenticator.FAILED)))
                .chain(forum -> jwks.keys(forum, kid).map(keys -> check(context, issuer, keys)).replaceWith(forum))
                .call(forum -> spend(context, forum.clientId()));
    }

    private Object check(JwtContext context, String clientId, List<PublicJsonWebKey> keys) {
        JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(List.copyOf(keys));
        // without a kid, every key whose type fits the algorithm is tried (jose4j would otherwise take the first)
        resolver.setDisambiguateWithVerifySignature(true);
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(resolver)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS)
                .setExpectedIssuer(clientId)
                .setExpectedSubject(clientId)
                .setExpectedAudience(audiences)
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes(MAX_LIFETIME_MINUTES)
                .setRequireJwtId()
                // an iat ahead of our clock (beyond the skew) is a forum's clock gone wrong, or a token made to last
                .setIssuedAtRestrictions(0, Integer.MAX_VALUE)
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .build();
        try {
            consumer.processContext(context);
            return context;
        } catch (InvalidJwtException e) {
            throw OAuthError.invalidClient("the client assertion does not verify: " + reason(e));
        }
    }

    /**
     * Records the jti for as long as the assertion would be accepted (its exp plus the clock skew: forgetting it at
     * exp would let it be replayed during the skew); a second use is refused.
     */
    private Uni<Void> spend(JwtContext context, String clientId) {
        JwtClaims claims = context.getJwtClaims();
        byte[] jti;
        Instant expires;
        try {
            jti = Sha256.of(claims.getJwtId());
            expires = Instant.ofEpochSecond(claims.getExpirationTime().getValue()).plusSeconds(CLOCK_SKEW_SECONDS);
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidClient("the client assertion's jti or exp is malformed");
        }
        // one statement through the SQL client, no ORM session; a replay inserts nothing rather than failing on the
        // key, so that anyone replaying assertions costs no error in the database log
        return pool.preparedQuery("insert into client_assertion (client_id, jti_hash, expires_at) values ($1, $2, $3)"
                        + " on conflict do nothing")
                .execute(Tuple.of(clientId, Buffer.buffer(jti), expires.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw OAuthError.invalidClient("the client assertion was already used (jti)");
                    }
                    return null;
                });
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetExpired() {
        return pool.query("delete from client_assertion where expires_at < now()").execute().replaceWithVoid();
    }

    /**
     * What went wrong, in words a forum's administrator can act on. jose4j's own messages would echo the assertion's
     * header and claims and list our copy of the forum's keys, so they are not passed on.
     */
    private static String reason(InvalidJwtException e) {
        if (e.getCause() != null) {
            return SIGNATURE;   // no key fits the header, or its algorithm is not allowed
        }
        int code = e.getErrorDetails().isEmpty() ? ErrorCodes.MISCELLANEOUS : e.getErrorDetails().getFirst().getErrorCode();
        return switch (code) {
            case ErrorCodes.EXPIRED -> "it has expired";
            case ErrorCodes.EXPIRATION_MISSING -> "exp is required";
            case ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE -> "exp is more than " + MAX_LIFETIME_MINUTES
                    + " minutes ahead";
            case ErrorCodes.NOT_YET_VALID -> "nbf is in the future";
            case ErrorCodes.ISSUED_AT_INVALID_FUTURE -> "iat is in the future";
            case ErrorCodes.AUDIENCE_MISSING, ErrorCodes.AUDIENCE_INVALID ->
                    "aud must contain the token endpoint URL or the issuer";
            case ErrorCodes.ISSUER_MISSING, ErrorCodes.ISSUER_INVALID, ErrorCodes.SUBJECT_MISSING,
                    ErrorCodes.SUBJECT_INVALID -> "iss and sub must both be the client id";
            case ErrorCodes.JWT_ID_MISSING -> "jti is required";
            case ErrorCodes.MALFORMED_CLAIM, ErrorCodes.JSON_INVALID -> "a claim is malformed";
            case ErrorCodes.SIGNATURE_INVALID, ErrorCodes.SIGNATURE_MISSING -> SIGNATURE;
            default -> "exp must not be before iat or nbf";   // the one check jose4j reports without a code of its own
        };
    }
}
