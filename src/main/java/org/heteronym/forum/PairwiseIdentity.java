package org.heteronym.forum;

import java.util.Objects;

/**
 * What one forum may know of one member (docs/forums.md, "Pairwise derivations"): the {@code sub}, the handle for
 * {@code preferred_username} and {@code name}, and the relay address for {@code email}. None of it names the member
 * or links to another forum.
 */
public record PairwiseIdentity(String subject, String handle, String email) {
    public PairwiseIdentity {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(handle);
        Objects.requireNonNull(email);
    }
}
