package org.heteronym.member;

import org.heteronym.web.ProblemType;

/** The member feature's refusals (docs/api-errors.md); pages show the same detail text. */
public final class MemberProblem {

    public static final ProblemType EVIDENCE_REFUSED =
            new ProblemType("member-evidence-refused", "Evidence refused", 422);
    public static final ProblemType STATUS_UNAVAILABLE =
            new ProblemType("member-status-unavailable", "Licence status unavailable", 503);
    public static final ProblemType NOT_READY = new ProblemType("member-not-ready", "Enrollment unavailable", 503);
    public static final ProblemType ENROLLMENT_EXPIRED =
            new ProblemType("member-enrollment-expired", "Enrollment expired", 410);
    public static final ProblemType PASSKEY_REJECTED =
            new ProblemType("member-passkey-rejected", "Passkey not accepted", 400);

    private MemberProblem() {
    }
}
