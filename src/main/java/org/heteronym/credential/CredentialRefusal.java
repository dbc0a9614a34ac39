package org.heteronym.credential;

/** Evidence refused; {@link #reason()} says why in plain words, the message adds detail for operators' logs. */
public final class CredentialRefusal extends Exception {

    private final RefusalReason reason;

    public CredentialRefusal(RefusalReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
