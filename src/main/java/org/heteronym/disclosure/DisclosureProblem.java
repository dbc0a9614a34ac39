package org.heteronym.disclosure;

import org.heteronym.web.ProblemType;

/** The disclosure feature's refusals (docs/disclosure.md §8, docs/api-errors.md). */
public final class DisclosureProblem {

    public static final ProblemType UNKNOWN_PSEUDONYM = new ProblemType("disclosure-unknown-pseudonym", "No such pseudonym at that forum", 404);
    public static final ProblemType ENVELOPE_NOT_LOGGED = new ProblemType("disclosure-envelope-not-logged", "The envelope is not in the log yet", 409);
    public static final ProblemType ORDER_INVALID = new ProblemType("disclosure-order-invalid", "The court order does not verify", 422);
    public static final ProblemType ORDER_EXPIRED = new ProblemType("disclosure-order-expired", "The court order has expired", 422);
    public static final ProblemType ORDER_USED = new ProblemType("disclosure-order-used", "The court order was already used", 409);
    public static final ProblemType OFFICER_NOT_REGISTERED = new ProblemType("disclosure-officer-not-registered", "Not a registered legal officer", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("disclosure-not-found", "No such disclosure request", 404);
    public static final ProblemType WRONG_STATE = new ProblemType("disclosure-wrong-state", "Not possible in the request's state", 409);
    public static final ProblemType NOT_A_TRUSTEE = new ProblemType("disclosure-not-a-trustee", "Not a trustee of this request's epoch", 403);
    public static final ProblemType BAD_TRUSTEE_SIGNATURE = new ProblemType("disclosure-bad-trustee-signature", "Missing or invalid trustee signature", 401);
    public static final ProblemType INVALID_SHARE = new ProblemType("disclosure-invalid-share", "The decryption share does not verify", 400);
    public static final ProblemType INVALID_REFUSAL = new ProblemType("disclosure-invalid-refusal", "The refusal does not verify", 400);
    public static final ProblemType BAD_ANCHOR = new ProblemType("disclosure-bad-anchor", "Invalid court anchor", 400);
    public static final ProblemType BAD_KEY = new ProblemType("disclosure-bad-key", "Invalid officer key", 400);
    public static final ProblemType DUPLICATE = new ProblemType("disclosure-duplicate", "Already registered", 409);
    public static final ProblemType BAD_REQUEST = new ProblemType("disclosure-bad-request", "Invalid disclosure request", 400);

    private DisclosureProblem() {
    }
}
