package org.heteronym.oidc;

import org.heteronym.crypto.Sha256;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the tokens of a granted code: an access token (a JWT of RFC 9068 profile, {@code typ: at+jwt}, for the
 * userinfo endpoint, HS256 under a key derived from the current signing key) and an ID token ({@code typ: JWT},
 * audience the forum, ES256 with the current key's {@code kid}). Both carry the pseudonym as {@code sub} and the claims released at consent, nothing else.
 */
@ApplicationScoped
public class TokenIssuer {

    /** The tokens of one grant. */
    public record Tokens(String accessToken, String idToken, long expiresIn, String scope) {
    }

    private final SecureRandom random = new SecureRandom();
    private final IdTokenSigner signer;
    private final String issuer;
    private final Duration idTokenLifetime;
    private final Duration accessTokenLifetime;

    TokenIssuer(IdTokenSigner signer, @ConfigProperty(name = "heteronym.public-url") String issuer,
                @ConfigProperty(name = "heteronym.oidc.id-token-lifetime") Duration idTokenLifetime,
                @ConfigProperty(name = "heteronym.oidc.access-token-lifetime") Duration accessTokenLifetime) {
        this.signer = signer;
        this.issuer = issuer;
        this.idTokenLifetime = idTokenLifetime;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** A fresh access-token id and expiry, fixed before the code is spent so the code row can remember them. */
    public IssuedToken nextAccessToken(Instant now) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new IssuedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                now.plus(accessTokenLifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    public Tokens issue(CodeGrant grant, Map<String, Object> released, IssuedToken token, Instant now) {
        long iat = now.getEpochSecond();
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("iss", issuer);
        access.put("sub", grant.pseudonym());
        access.put("aud", AccessTokens.audience(issuer));
        access.put("client_id", grant.clientId());
        access.put("scope", grant.scope());
        access.put("jti", token.id());
        access.put("iat", iat);
        access.put("exp", token.expiresAt().getEpochSecond());
        access.putAll(released);
        String accessToken = signer.macAccessToken(access);

        Map<String, Object> id = new LinkedHashMap<>();
        id.put("iss", issuer);
        id.put("sub", grant.pseudonym());
        id.put("aud", grant.clientId());
        id.put("iat", iat);
        id.put("exp", iat + idTokenLifetime.toSeconds());
        if (grant.nonce() != null) {
            id.put("nonce", grant.nonce());
        }
        id.put("at_hash", atHash(accessToken));
        id.putAll(released);
        return new Tokens(accessToken, signer.sign(id), token.expiresAt().getEpochSecond() - iat, grant.scope());
    }

    /** OpenID Connect Core §3.1.3.6: base64url of the left half of SHA-256 over the access token's ASCII. */
    static String atHash(String accessToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Sha256.of(accessToken), 16));
    }
}
