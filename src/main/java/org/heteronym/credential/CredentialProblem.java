package org.heteronym.credential;

import org.heteronym.web.ProblemType;

/** Refusals of the trust anchor and licensing authority administration (docs/api-errors.md). */
public final class CredentialProblem {

    public static final ProblemType BAD_ID = new ProblemType("credential-bad-id", "Invalid id", 400);
    public static final ProblemType BAD_CERTIFICATE = new ProblemType("credential-bad-certificate", "Unusable CA certificate", 400);
    public static final ProblemType BAD_RULE = new ProblemType("credential-bad-rule", "Invalid identity rule", 400);
    public static final ProblemType BAD_KEY = new ProblemType("credential-bad-key", "Unusable authority key", 400);
    public static final ProblemType BAD_STATUS_LIST_PREFIX = new ProblemType("credential-bad-status-list-prefix", "Invalid status list prefix", 400);
    public static final ProblemType TOO_LARGE = new ProblemType("credential-definition-too-large", "Definition too large", 400);
    public static final ProblemType DUPLICATE = new ProblemType("credential-duplicate", "Already registered", 409);
    public static final ProblemType NO_SUCH_ANCHOR = new ProblemType("credential-no-such-anchor", "No such trust anchor", 404);
    public static final ProblemType NO_SUCH_AUTHORITY = new ProblemType("credential-no-such-authority", "No such licensing authority", 404);
    public static final ProblemType ALREADY_RETIRED = new ProblemType("credential-already-retired", "Already retired", 409);

    private CredentialProblem() {
    }
}
