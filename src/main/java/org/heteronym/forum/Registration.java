package org.heteronym.forum;

import java.util.Objects;
import java.util.Optional;

/**
 * What the operator gets back when a forum is registered or its secret rotated: the forum, and the plaintext client
 * secret when one was just generated. This is the only time the secret exists outside the forum's configuration.
 */
public record Registration(Forum forum, Optional<String> clientSecret) {

    public Registration {
        Objects.requireNonNull(forum);
        Objects.requireNonNull(clientSecret);
    }

    @Override
    public String toString() {
        return "Registration[" + forum.clientId() + (clientSecret.isPresent() ? ", secret redacted]" : "]");
    }
}
