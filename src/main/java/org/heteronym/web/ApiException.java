package org.heteronym.web;

/**
 * A refusal that the caller can act on. Each feature throws its own subclass; {@link ProblemMappers} turns every
 * one of them into problem+json in one place. The detail is shown to the caller, so it must never carry an
 * identity, a licence number, a member id or a secret.
 */
public abstract class ApiException extends RuntimeException {

    private final ProblemType type;

    protected ApiException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem() {
        return Problem.of(type, getMessage());
    }
}
