package org.heteronym.escrow;

import org.heteronym.web.ProblemType;

/** The escrow feature's refusals (docs/api-errors.md). */
public enum EscrowProblem implements ProblemType {
    BAD_KEY("escrow-bad-key", "Invalid public key", 400),
    DUPLICATE_TRUSTEE("escrow-duplicate-trustee", "Trustee already registered", 409),
    UNKNOWN_TRUSTEE("escrow-unknown-trustee", "Unknown trustee", 400),
    BAD_CEREMONY("escrow-bad-ceremony", "Invalid ceremony parameters", 400),
    NO_SUCH_CEREMONY("escrow-no-such-ceremony", "No such ceremony", 404),
    WRONG_ROUND("escrow-wrong-round", "Not accepting messages for this round", 409),
    CONFLICTING_MESSAGE("escrow-conflicting-message", "A different message is already stored", 409),
    INVALID_MESSAGE("escrow-invalid-message", "Message does not verify", 400),
    NO_SUCH_EPOCH("escrow-no-such-epoch", "No such epoch", 404);

    private final String slug;
    private final String title;
    private final int status;

    EscrowProblem(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
