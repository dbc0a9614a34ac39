package org.heteronym.oidc.logout;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.oidc.IdTokenSigner;

/**
 * Logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.4): {@code typ: logout+jwt}, ES256 with the ID-token keys;
 * {@code iss}, {@code aud} (the forum), {@code iat}, {@code exp} (two minutes), {@code jti}, {@code sub} (the
 * pseudonym) and the back-channel logout event. No {@code sid} (no sessions are shared with forums), no
 * {@code nonce}, and nothing that says why.
 */
@ApplicationScoped
class LogoutTokens {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final long LIFETIME_SECONDS = 120;

    private final IdTokenSigner signer;
    private final String issuer;

    LogoutTokens(IdTokenSigner signer, @ConfigProperty(name = "heteronym.public-url") String issuer) {
        this.signer = signer;
        this.issuer = issuer;
    }

    String token(String clientId, String pseudonym) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", clientId);
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME_SECONDS);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sub", pseudonym);
        claims.put("events", Map.of(EVENT, Map.of()));
        return signer.sign(claims, "logout+jwt");
    }
}
