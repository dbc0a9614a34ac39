package org.heteronym.forum;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.heteronym.credential.Profession;

/**
 * A forum as the operator defined it, checked ({@link ForumSpec#validate}): everything about it that is public and
 * goes into its log entry. The client secret is not part of it.
 *
 * @param clientId             the OpenID Connect client id; permanent, never reused
 * @param name                 what members see on the consent page
 * @param redirectUris         matched exactly at the authorization endpoint
 * @param allowedProfessions   who may log in
 * @param releaseProfession    whether the ID token carries the {@code profession} claim (with the member's consent)
 * @param backchannelLogoutUri where logout tokens go when a pseudonym is suspended
 */
public record ForumDefinition(String clientId, String name, ClientAuthentication authentication,
                              List<String> redirectUris, Set<Profession> allowedProfessions, boolean releaseProfession,
                              Optional<String> backchannelLogoutUri) {

    public ForumDefinition {
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(authentication);
        redirectUris = List.copyOf(redirectUris);
        allowedProfessions = Set.copyOf(allowedProfessions);
        Objects.requireNonNull(backchannelLogoutUri);
    }

    /** Whether a member of {@code profession} may log in to this forum. */
    public boolean allows(Profession profession) {
        return allowedProfessions.contains(profession);
    }
}
