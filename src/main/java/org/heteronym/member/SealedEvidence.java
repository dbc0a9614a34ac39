package org.heteronym.member;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What enrollment keeps of verified evidence, on the member row and, until the passkey exists, on the pending
 * enrollment: the profession, who vouched (a trust anchor's or authority's id), the duplicate tag, the identity sealed
 * under an epoch, and the encrypted status handle. No field names the person.
 */
@Embeddable
public record SealedEvidence(
        @Column(nullable = false) String profession,
        @Column(nullable = false) String authority,
        @Column(name = "evidence_kind", nullable = false) String evidenceKind,
        @Column(name = "duplicate_tag", nullable = false) byte[] duplicateTag,
        @Column(name = "epoch_id", nullable = false) String epochId,
        @Column(nullable = false) byte[] envelope,
        @Column(name = "status_handle", nullable = false) byte[] statusHandle) {
}
