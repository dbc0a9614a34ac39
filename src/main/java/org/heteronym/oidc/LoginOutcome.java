package org.heteronym.oidc;

import java.net.URI;
import java.util.Optional;

/** Where an authorization request leads once the member is signed in. */
public sealed interface LoginOutcome {

    /** Back to the forum: with a code, or with an error the forum must handle. */
    record Redirect(URI location) implements LoginOutcome {
    }

    /**
     * The member's first login to this forum (or the forum asked for {@code prompt=consent}): show what the forum
     * will receive and ask.
     *
     * @param profession the profession the forum will receive, if its policy releases it
     */
    record ConsentNeeded(String forumName, boolean handle, boolean email, Optional<String> profession)
            implements LoginOutcome {
    }

    /**
     * The member may not log in to this forum. The member is told why on our page; the forum, if the member goes
     * back, learns only {@code access_denied}.
     */
    record Refused(String forumName, String reason, URI back) implements LoginOutcome {
    }
}
