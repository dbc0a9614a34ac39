package org.heteronym.oidc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.heteronym.credential.Profession;
import org.heteronym.forum.PairwiseIdentity;

/**
 * The claims about the member that a forum receives beside {@code sub}, decided at the authorization step and carried
 * by the code into the ID token, the access token and userinfo: the handle ({@code preferred_username}, {@code name})
 * with scope {@code profile}; the relay address ({@code email}, {@code email_verified: true}) with scope
 * {@code email}; the profession only if the forum's policy releases it (the consent page says so). Nothing else, ever.
 */
public record ReleasedClaims(Optional<String> handle, Optional<String> email, Optional<Profession> profession) {

    public static ReleasedClaims of(PairwiseIdentity identity, Set<String> scopes, boolean releaseProfession,
                                    Profession profession) {
        return new ReleasedClaims(
                scopes.contains("profile") ? Optional.of(identity.handle()) : Optional.empty(),
                scopes.contains("email") ? Optional.of(identity.email()) : Optional.empty(),
                releaseProfession ? Optional.of(profession) : Optional.empty());
    }

    /** The claims as JSON members, in a fixed order. */
    public Map<String, Object> toMap() {
        Map<String, Object> claims = new LinkedHashMap<>();
        handle.ifPresent(h -> {
            claims.put("preferred_username", h);
            claims.put("name", h);
        });
        email.ifPresent(e -> {
            claims.put("email", e);
            claims.put("email_verified", true);
        });
        profession.ifPresent(p -> claims.put("profession", p.wireName()));
        return claims;
    }

    /** Reads back what {@link #toMap()} wrote (stored with the code as JSON). */
    public static ReleasedClaims fromMap(Map<String, ?> claims) {
        return new ReleasedClaims(Optional.ofNullable((String) claims.get("preferred_username")),
                Optional.ofNullable((String) claims.get("email")),
                Optional.ofNullable((String) claims.get("profession")).map(p -> Profession.fromWireName(p)
                        .orElseThrow(() -> new IllegalStateException("stored claims name an unknown profession"))));
    }
}
