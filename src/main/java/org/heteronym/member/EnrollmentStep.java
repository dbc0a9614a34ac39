package org.heteronym.member;

/** Where accepted evidence leads: to the passkey step, or (for the signed-in member's own licence) straight back. */
public sealed interface EnrollmentStep {

    /** Evidence sealed; the browser keeps {@code token} until it registers a passkey. */
    record Pending(String token, String profession, String authority, boolean returningMember) implements EnrollmentStep {
    }

    /** The signed-in member proved their licence again: seal refreshed, suspension lifted. */
    record Reverified(String memberId) implements EnrollmentStep {
    }
}
