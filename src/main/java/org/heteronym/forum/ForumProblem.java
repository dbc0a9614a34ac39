package org.heteronym.forum;

import org.heteronym.web.ProblemType;

/** Refusals of the forum registry's administration (docs/api-errors.md, docs/forums.md). */
public final class ForumProblem {

    public static final ProblemType UNKNOWN_FIELD = new ProblemType("forum-unknown-field", "Unknown field", 400);
    public static final ProblemType BAD_ID = new ProblemType("forum-bad-id", "Invalid client id", 400);
    public static final ProblemType BAD_NAME = new ProblemType("forum-bad-name", "Invalid client name", 400);
    public static final ProblemType BAD_AUTHENTICATION = new ProblemType("forum-bad-authentication", "Invalid client authentication", 400);
    public static final ProblemType BAD_JWKS_URI = new ProblemType("forum-bad-jwks-uri", "Invalid JWK Set URI", 400);
    public static final ProblemType BAD_KEY = new ProblemType("forum-bad-key", "Unusable client key", 400);
    public static final ProblemType BAD_REDIRECT_URI = new ProblemType("forum-bad-redirect-uri", "Invalid redirect URI", 400);
    public static final ProblemType BAD_LOGOUT_URI = new ProblemType("forum-bad-logout-uri", "Invalid back-channel logout URI", 400);
    public static final ProblemType BAD_POLICY = new ProblemType("forum-bad-policy", "Invalid forum policy", 400);
    public static final ProblemType TOO_LARGE = new ProblemType("forum-definition-too-large", "Definition too large", 400);
    public static final ProblemType DUPLICATE = new ProblemType("forum-duplicate", "Already registered", 409);
    public static final ProblemType NO_SUCH_FORUM = new ProblemType("forum-no-such-forum", "No such forum", 404);
    public static final ProblemType ALREADY_RETIRED = new ProblemType("forum-already-retired", "Already retired", 409);
    public static final ProblemType NO_SECRET = new ProblemType("forum-no-secret", "Forum has no client secret", 409);

    private ForumProblem() {
    }
}
