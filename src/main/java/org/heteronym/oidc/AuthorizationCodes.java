package org.heteronym.oidc;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues authorization codes and redeems each at most once. A code is 256 random bits; only its SHA-256 is stored.
 * Redemption locks the row, so two concurrent redemptions of one code yield one grant and one replay.
 */
@ApplicationScoped
public class AuthorizationCodes {

    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;

    AuthorizationCodes(@ConfigProperty(name = "heteronym.oidc.code-lifetime") Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** @return the code to send in the redirect; the caller never stores it */
    public Uni<String> issue(CodeGrant grant) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AuthorizationCode row = new AuthorizationCode();
        row.codeHash = hash(code);
        row.clientId = grant.clientId();
        row.redirectUri = grant.redirectUri();
        row.codeChallenge = grant.codeChallenge();
        row.nonce = grant.nonce();
        row.pseudonym = grant.pseudonym();
        row.scope = grant.scope();
        row.claims = grant.claims();
        row.expiresAt = Instant.now().plus(lifetime);
        return Panache.withTransaction(row::persist).replaceWith(code);
    }

    /**
     * Spends the code if it was issued to {@code clientId} for {@code redirectUri}, has not expired, and
     * {@code verifier} matches its PKCE challenge. A failed check does not spend it: a client that got the verifier
     * wrong must not be able to lock the legitimate exchange out, and the code dies within its lifetime anyway.
     *
     * @param token the access token the grant will issue, remembered so that a replay of the code can revoke it
     */
    public Uni<Redemption> redeem(String code, String clientId, String redirectUri, String verifier,
                                  IssuedToken token) {
        if (code == null || code.length() > 256) {
            return Uni.createFrom().item(new Redemption.Refused("no such code"));
        }
        byte[] codeHash = hash(code);
        return Panache.withTransaction(() -> AuthorizationCode.<AuthorizationCode>findById(codeHash,
                LockModeType.PESSIMISTIC_WRITE).map(row -> {
                    if (row == null) {
                        return new Redemption.Refused("no such code");
                    }
                    if (row.redeemed) {
                        return new Redemption.Replayed(row.tokenId == null ? java.util.Optional.empty()
                                : java.util.Optional.of(new IssuedToken(row.tokenId, row.tokenExpiresAt)));
                    }
                    if (row.expiresAt.isBefore(Instant.now())) {
                        return new Redemption.Refused("the code has expired");
                    }
                    if (!row.clientId.equals(clientId) || !row.redirectUri.equals(redirectUri)) {
                        return new Redemption.Refused("the code was issued to another client or redirect URI");
                    }
                    if (!Pkce.verify(verifier, row.codeChallenge)) {
                        return new Redemption.Refused("the PKCE code_verifier does not match");
                    }
                    row.redeemed = true;
                    row.tokenId = token.id();
                    row.tokenExpiresAt = token.expiresAt();
                    return new Redemption.Granted(new CodeGrant(row.clientId, row.redirectUri, row.codeChallenge,
                            row.nonce, row.pseudonym, row.scope, row.claims));
                }));
    }

    static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
