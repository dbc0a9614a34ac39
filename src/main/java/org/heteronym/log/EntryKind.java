package org.heteronym.log;

/** Every kind of log entry, by its wire name; docs/log.md gives each one's fields. */
public enum EntryKind {
    GENESIS("log.genesis"),
    OPERATOR_STATEMENT("operator.statement"),
    TRUSTEE_REGISTERED("trustee.registered"),
    CEREMONY_OPENED("ceremony.opened"),
    CEREMONY_ABORTED("ceremony.aborted"),
    TRUSTEE_SET_ESTABLISHED("trustee-set.established"),
    PSEUDONYM_ENVELOPE("pseudonym.envelope"),
    TRUST_ANCHOR_REGISTERED("trust-anchor.registered"),
    TRUST_ANCHOR_RETIRED("trust-anchor.retired"),
    LICENSING_AUTHORITY_REGISTERED("licensing-authority.registered"),
    LICENSING_AUTHORITY_RETIRED("licensing-authority.retired"),
    FORUM_REGISTERED("forum.registered"),
    FORUM_SECRET_ROTATED("forum.secret-rotated"),
    FORUM_RETIRED("forum.retired"),
    COURT_ANCHOR_REGISTERED("court-anchor.registered"),
    COURT_ANCHOR_RETIRED("court-anchor.retired"),
    OFFICER_REGISTERED("officer.registered"),
    OFFICER_RETIRED("officer.retired"),
    DISCLOSURE_FILED("disclosure.filed"),
    DISCLOSURE_REVIEW_OPENED("disclosure.review-opened"),
    DISCLOSURE_OBJECTION("disclosure.objection"),
    DISCLOSURE_NOTICE("disclosure.notice"),
    DISCLOSURE_SHARE("disclosure.share"),
    DISCLOSURE_SHARE_REJECTED("disclosure.share-rejected"),
    DISCLOSURE_REFUSAL("disclosure.refusal"),
    DISCLOSURE_RELEASED("disclosure.released"),
    DISCLOSURE_REFUSED("disclosure.refused"),
    DISCLOSURE_EXPIRED("disclosure.expired"),
    DISCLOSURE_WITHDRAWN("disclosure.withdrawn"),
    TRANSPARENCY_REPORT("transparency.report");

    private final String wireName;

    EntryKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
