package org.heteronym.oidc;

import java.time.Instant;
import java.util.Objects;

/** An access token by its id ({@code jti}) and expiry: what revoking it needs to know. */
public record IssuedToken(String id, Instant expiresAt) {
    public IssuedToken {
        Objects.requireNonNull(id);
        Objects.requireNonNull(expiresAt);
    }
}
