package org.heteronym.escrow;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A pseudonym row's key: the forum and the pseudonym it knows the member by. */
@Embeddable
public record PseudonymKey(@Column(name = "forum_id") String forumId, @Column(name = "pseudonym") String pseudonym) {
}
