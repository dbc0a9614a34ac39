package org.heteronym.forum;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered forum: its definition, the digest of its client secret (for {@code client_secret_basic}) and its
 * dates. Active until {@code retiredOn}; a retired forum's row stays, and its client id is never given to another
 * forum, which would inherit its members' pseudonyms.
 */
public record Forum(ForumDefinition definition, Optional<SecretDigest> secret, Optional<LocalDate> secretIssuedOn,
                    LocalDate registeredOn, Optional<LocalDate> retiredOn) {

    public Forum {
        Objects.requireNonNull(definition);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(secretIssuedOn);
        Objects.requireNonNull(registeredOn);
        Objects.requireNonNull(retiredOn);
        boolean secretAuth = definition.authentication() instanceof ClientAuthentication.ClientSecretBasic;
        if (secret.isPresent() != secretAuth || secretIssuedOn.isPresent() != secretAuth) {
            throw new IllegalArgumentException("a client secret belongs to client_secret_basic forums, and only there");
        }
    }

    public String clientId() {
        return definition.clientId();
    }

    public boolean active() {
        return retiredOn.isEmpty();
    }
}
