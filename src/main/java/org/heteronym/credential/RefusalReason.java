package org.heteronym.credential;

/** Why evidence was refused, in words a doctor understands (credentials.md, "Bad input"). */
public enum RefusalReason {
    MALFORMED("The file is not a valid signature or attestation."),
    TOO_LARGE("The file is larger than the service accepts."),
    WRONG_CHALLENGE("The signature does not cover the challenge this page gave you. Sign the current challenge."),
    CHALLENGE_EXPIRED("The challenge has expired or was already used. Ask for a new one."),
    BAD_SIGNATURE("The signature does not verify."),
    UNKNOWN_ISSUER("The certificate or attestation was not issued by an authority this service trusts."),
    EXPIRED("The certificate or attestation has expired."),
    NOT_YET_VALID("The certificate or attestation is not valid yet."),
    REVOKED("The licence or certificate has been revoked or suspended."),
    WRONG_KEY_USAGE("The certificate is not meant for signing."),
    WRONG_HOLDER("The attestation was issued to another key than the one that presented it."),
    NO_PROFESSION("The credential does not state a profession this service accepts."),
    STATUS_UNAVAILABLE("The revocation status could not be checked right now. Try again later."),
    UNTRUSTED_STATUS_LIST("The attestation names a status service that its authority has not registered with this service.");

    private final String message;

    RefusalReason(String message) {
        this.message = message;
    }

    /** Shown to the member as is. */
    public String message() {
        return message;
    }
}
