package org.heteronym.member;

import org.heteronym.credential.CredentialRefusal;
import org.heteronym.credential.RefusalReason;
import org.heteronym.web.ApiException;
import org.heteronym.web.ProblemType;

/**
 * Enrollment or sign-in cannot go on. The detail ({@link #getMessage()}) says why in words a doctor understands; pages
 * show it, JSON endpoints answer it as problem+json. It never carries an identity. Nothing was created.
 */
public final class EnrollmentRefusal extends ApiException {

    EnrollmentRefusal(ProblemType type, String detail) {
        super(type, detail);
    }

    static EnrollmentRefusal of(RefusalReason reason) {
        return new EnrollmentRefusal(reason == RefusalReason.STATUS_UNAVAILABLE
                ? MemberProblem.STATUS_UNAVAILABLE : MemberProblem.EVIDENCE_REFUSED, reason.message());
    }

    static EnrollmentRefusal of(CredentialRefusal refusal) {
        return of(refusal.reason());
    }

    static EnrollmentRefusal notReady() {
        return new EnrollmentRefusal(MemberProblem.NOT_READY,
                "The service cannot enroll members yet: no trustee set has been established. Please try again later.");
    }

    static EnrollmentRefusal unsealable() {
        return new EnrollmentRefusal(MemberProblem.EVIDENCE_REFUSED, "The name or licence number in this credential "
                + "is longer than the service can seal. Please contact the operator.");
    }

    static EnrollmentRefusal oneKindOfEvidence() {
        return new EnrollmentRefusal(MemberProblem.EVIDENCE_REFUSED,
                "Upload a signature file or paste an attestation (one of the two).");
    }

    public static EnrollmentRefusal sessionExpired() {
        return new EnrollmentRefusal(MemberProblem.ENROLLMENT_EXPIRED,
                "This enrollment has expired or was already completed. Please start again.");
    }

    public static EnrollmentRefusal passkeyRejected() {
        return new EnrollmentRefusal(MemberProblem.PASSKEY_REJECTED,
                "Your device's passkey could not be verified. Please try again.");
    }

    /** The page or answer status. */
    public int status() {
        return type().status();
    }

    public String userMessage() {
        return getMessage();
    }
}
