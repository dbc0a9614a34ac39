package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One request to open one pseudonym's envelope (docs/disclosure.md). */
@Entity
@Table(name = "disclosure_request")
public class DisclosureRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "officer_id", nullable = false)
    public UUID officerId;
    @Column(name = "anchor_id", nullable = false)
    public UUID anchorId;
    @Column(name = "order_document", nullable = false)
    public byte[] orderDocument;
    @Column(name = "order_sha256", nullable = false)
    public byte[] orderSha256;
    @Column(name = "order_signature", nullable = false)
    public byte[] orderSignature;
    @Column(nullable = false)
    public String court;
    @Column(name = "case_reference", nullable = false)
    public String caseReference;
    @Column(name = "order_date", nullable = false)
    public LocalDate orderDate;
    @Column(name = "order_expires", nullable = false)
    public LocalDate orderExpires;
    @Column(name = "forum_id", nullable = false)
    public String forumId;
    @Column(nullable = false)
    public String pseudonym;
    /** Canonical JSON array of the posts. */
    @Column(nullable = false)
    public String posts;
    @Column(nullable = false)
    public String reasons;
    @Column(name = "envelope_index", nullable = false)
    public long envelopeIndex;
    @Column(name = "epoch_id", nullable = false)
    public String epochId;
    @Column(name = "gag_until")
    public LocalDate gagUntil;
    @Column(name = "review_from", nullable = false)
    public LocalDate reviewFrom;
    @Column(name = "review_until", nullable = false)
    public LocalDate reviewUntil;
    @Column(nullable = false)
    public String state;
    @Column(name = "filed_pending_id", nullable = false)
    public long filedPendingId;
    @Column(name = "notified_on")
    public LocalDate notifiedOn;
    @Column(name = "notice_seen_on")
    public LocalDate noticeSeenOn;
    @Column(name = "filed_on", nullable = false)
    public LocalDate filedOn;
    @Column(name = "closed_on")
    public LocalDate closedOn;

    public RequestState state() {
        return RequestState.fromWire(state);
    }

    public void moveTo(RequestState next, LocalDate today) {
        state = next.wireName();
        if (!next.open()) {
            closedOn = today;
        }
    }

    public boolean gagged(LocalDate today) {
        return gagUntil != null && today.isBefore(gagUntil);
    }
}
