package org.heteronym.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A forum as the operator asks to register it, not yet checked. Field names follow OAuth 2.0 Dynamic Client
 * Registration (RFC 7591 §2) and OpenID Connect Back-Channel Logout 1.0 §2.2, which forum administrators know.
 *
 * @param tokenEndpointAuthMethod {@code private_key_jwt} (with exactly one of {@code jwksUri}, {@code jwks}) or
 *                                {@code client_secret_basic} (with neither: the service generates the secret)
 * @param releaseProfession       null means false: the profession claim is released only when asked for
 * @param backchannelLogoutUri    optional
 */
public record ForumSpec(String clientId, String clientName, String tokenEndpointAuthMethod, String jwksUri,
                        JsonNode jwks, List<String> redirectUris, List<String> allowedProfessions,
                        Boolean releaseProfession, String backchannelLogoutUri) {

    public static final int MAX_REDIRECT_URIS = 10;

    /** The definition this spec gives, or a {@link ForumRefusal} naming the first thing wrong with it. */
    public ForumDefinition validate() {
        String id = ForumRules.clientId(clientId);
        String name = ForumRules.name(clientName);
        ClientAuthentication authentication = authentication();
        return new ForumDefinition(id, name, authentication, checkedRedirectUris(),
                ForumRules.professions(allowedProfessions), Boolean.TRUE.equals(releaseProfession),
                Optional.ofNullable(backchannelLogoutUri).map(uri -> ForumUris.check(ForumUris.Use.LOGOUT, uri)));
    }

    private ClientAuthentication authentication() {
        boolean hasJwks = jwks != null && !jwks.isNull();
        if (ClientAuthentication.PRIVATE_KEY_JWT.equals(tokenEndpointAuthMethod)) {
            if ((jwksUri != null) == hasJwks) {
                throw new ForumRefusal(ForumProblem.BAD_AUTHENTICATION,
                        "private_key_jwt needs exactly one of jwks_uri and jwks");
            }
            if (jwksUri != null) {
                return new ClientAuthentication.PrivateKeyJwt(
                        Optional.of(ForumUris.check(ForumUris.Use.JWKS, jwksUri)), List.of());
            }
            List<PublicJsonWebKey> keys = ForumKeys.parse(jwks);
            return new ClientAuthentication.PrivateKeyJwt(Optional.empty(), keys);
        }
        if (ClientAuthentication.CLIENT_SECRET_BASIC.equals(tokenEndpointAuthMethod)) {
            if (jwksUri != null || hasJwks) {
                throw new ForumRefusal(ForumProblem.BAD_AUTHENTICATION,
                        "client_secret_basic takes no jwks_uri or jwks: the service generates the secret");
            }
            return new ClientAuthentication.ClientSecretBasic();
        }
        throw new ForumRefusal(ForumProblem.BAD_AUTHENTICATION, "token_endpoint_auth_method must be "
                + ClientAuthentication.PRIVATE_KEY_JWT + " or " + ClientAuthentication.CLIENT_SECRET_BASIC + ", not "
                + ForumRules.printable(tokenEndpointAuthMethod));
    }

    private List<String> checkedRedirectUris() {
        if (redirectUris == null || redirectUris.isEmpty() || redirectUris.size() > MAX_REDIRECT_URIS) {
            throw new ForumRefusal(ForumProblem.BAD_REDIRECT_URI,
                    "redirect_uris needs 1 to " + MAX_REDIRECT_URIS + " URIs");
        }
        LinkedHashSet<String> uris = new LinkedHashSet<>();
        for (String uri : redirectUris) {
            if (!uris.add(ForumUris.check(ForumUris.Use.REDIRECT, uri))) {
                throw new ForumRefusal(ForumProblem.BAD_REDIRECT_URI, "redirect_uris lists "
                        + ForumRules.printable(uri) + " twice");
            }
        }
        return List.copyOf(uris);
    }
}
