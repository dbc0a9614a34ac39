package org.heteronym.escrow;

import org.heteronym.web.ProblemType;

/** The escrow feature's refusals (docs/api-errors.md). */
public final class EscrowProblem {

    public static final ProblemType BAD_KEY = new ProblemType("escrow-bad-key", "Invalid public key", 400);
    public static final ProblemType DUPLICATE_TRUSTEE = new ProblemType("escrow-duplicate-trustee", "Trustee already registered", 409);
    public static final ProblemType UNKNOWN_TRUSTEE = new ProblemType("escrow-unknown-trustee", "Unknown trustee", 400);
    public static final ProblemType BAD_CEREMONY = new ProblemType("escrow-bad-ceremony", "Invalid ceremony parameters", 400);
    public static final ProblemType NO_SUCH_CEREMONY = new ProblemType("escrow-no-such-ceremony", "No such ceremony", 404);
    public static final ProblemType WRONG_ROUND = new ProblemType("escrow-wrong-round", "Not accepting messages for this round", 409);
    public static final ProblemType CONFLICTING_MESSAGE = new ProblemType("escrow-conflicting-message", "A different message is already stored", 409);
    public static final ProblemType INVALID_MESSAGE = new ProblemType("escrow-invalid-message", "Message does not verify", 400);
    public static final ProblemType NO_SUCH_EPOCH = new ProblemType("escrow-no-such-epoch", "No such epoch", 404);

    private EscrowProblem() {
    }
}
