package org.heteronym.forum;

import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * How a forum authenticates at the token endpoint (OpenID Connect Core 1.0 §9): {@code private_key_jwt}, preferred,
 * because the service then holds nothing that would let anyone act as the forum; or {@code client_secret_basic},
 * for forum software that supports nothing else.
 */
public sealed interface ClientAuthentication {

    String PRIVATE_KEY_JWT = "private_key_jwt";
    String CLIENT_SECRET_BASIC = "client_secret_basic";

    /** The {@code token_endpoint_auth_method} name (RFC 7591 §2). */
    String method();

    /** Signed client assertions (RFC 7523), verified with keys fetched from {@code jwksUri} or registered inline. */
    record PrivateKeyJwt(Optional<String> jwksUri, List<PublicJsonWebKey> jwks) implements ClientAuthentication {
        public PrivateKeyJwt {
            jwks = List.copyOf(jwks);
            if (jwksUri.isPresent() == !jwks.isEmpty()) {
                throw new IllegalArgumentException("either a JWK Set URI or inline keys");
            }
        }

        @Override
        public String method() {
            return PRIVATE_KEY_JWT;
        }
    }

    /** A secret the service generated, presented in HTTP Basic credentials (RFC 6749 §2.3.1). */
    record ClientSecretBasic() implements ClientAuthentication {
        @Override
        public String method() {
            return CLIENT_SECRET_BASIC;
        }
    }
}
