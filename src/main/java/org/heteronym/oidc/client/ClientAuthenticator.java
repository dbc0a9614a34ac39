package org.heteronym.oidc.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumClients;
import org.heteronym.oidc.OAuthError;

/** INTERIM (client_secret_basic only): replaced by the full authenticator on merge. */
@ApplicationScoped
public class ClientAuthenticator {

    private final ForumClients clients;

    ClientAuthenticator(ForumClients clients) {
        this.clients = clients;
    }

    public Uni<Forum> authenticate(String authorization, MultivaluedMap<String, String> form) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Uni.createFrom().failure(OAuthError.invalidClient("client authentication failed"));
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return clients.active(id).map(forum -> forum.filter(f -> clients.secretMatches(f, secret))
                .orElseThrow(() -> OAuthError.invalidClient("client authentication failed")));
    }
}
