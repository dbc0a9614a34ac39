package org.heteronym.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.heteronym.forum.Forum;

/**
 * The token endpoint's grant (RFC 6749 §4.1.3 with RFC 7636 §4.5): {@code authorization_code} only, the code spent
 * once for the client that authenticated, with the redirect URI and PKCE verifier it was issued for. A replayed code
 * revokes the access token its first redemption issued (RFC 9700 §4.5.3); the ID token cannot be recalled, but it is
 * short-lived and useless to anyone but the forum.
 */
@ApplicationScoped
public class TokenExchange {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() { };

    private final AuthorizationCodes codes;
    private final TokenIssuer issuer;
    private final TokenRevocations revocations;

    TokenExchange(AuthorizationCodes codes, TokenIssuer issuer, TokenRevocations revocations) {
        this.codes = codes;
        this.issuer = issuer;
        this.revocations = revocations;
    }

    public Uni<TokenIssuer.Tokens> exchange(Forum client, Map<String, List<String>> form) {
        String grantType = FormParams.single(form, "grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        if (!grantType.equals("authorization_code")) {
            throw new OAuthError(OAuthError.Code.UNSUPPORTED_GRANT_TYPE, "only authorization_code is supported");
        }
        String code = FormParams.single(form, "code");
        String redirectUri = FormParams.single(form, "redirect_uri");
        if (code == null || redirectUri == null) {
            throw OAuthError.invalidRequest("code and redirect_uri are required");
        }
        String verifier = FormParams.single(form, "code_verifier");
        if (verifier == null) {
            throw OAuthError.invalidGrant("PKCE is required: send the code_verifier");
        }
        Instant now = Instant.now();
        IssuedToken token = issuer.nextAccessToken(now);
        return codes.redeem(code, client.clientId(), redirectUri, verifier, token).chain(redemption ->
                switch (redemption) {
                    case Redemption.Granted granted -> Uni.createFrom().item(
                            issuer.issue(granted.grant(), claims(granted.grant()), token, now));
                    case Redemption.Replayed replayed -> replayed.issued().map(revocations::revoke)
                            .orElse(Uni.createFrom().voidItem())
                            .<TokenIssuer.Tokens>map(ignored -> {
                                throw OAuthError.invalidGrant(
                                        "the code was already used; the tokens it issued are revoked");
                            });
                    case Redemption.Refused refused -> throw OAuthError.invalidGrant(refused.reason());
                });
    }

    private static Map<String, Object> claims(CodeGrant grant) {
        try {
            return JSON.readValue(grant.claims(), CLAIMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored code's claims are not JSON", e);
        }
    }
}
