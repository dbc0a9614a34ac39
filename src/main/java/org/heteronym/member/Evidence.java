package org.heteronym.member;

import java.util.Optional;

/**
 * What a person submits to enroll: the challenge they answered and exactly one of a CMS signature (the uploaded
 * {@code .p7s}) or an attestation presentation (SD-JWT VC with key binding).
 */
public record Evidence(String challenge, Optional<byte[]> signature, Optional<String> presentation) {

    /** @throws EnrollmentRefusal unless exactly one kind of evidence is present */
    void requireOneKind() {
        if (signature.isPresent() == presentation.isPresent()) {
            throw EnrollmentRefusal.oneKindOfEvidence();
        }
    }
}
