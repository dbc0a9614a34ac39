package org.heteronym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.heteronym.cli.DisclosureFinding.Rule;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.junit.jupiter.api.Test;

/**
 * The disclosure audit over synthetic logs made with the real crypto ({@link DisclosureLog}): a log that follows
 * docs/disclosure.md passes; each planted defect is reported once, at its entry, under the rule it breaks.
 */
class DisclosureAuditTest {

    final DisclosureLog log = DisclosureLog.standard();
    static final long ENVELOPE_A = 4;
    static final long ENVELOPE_B = 5;
    /** Where the first filing of a test lands, after the six entries of {@link DisclosureLog#standard()}. */
    static final long FIRST_REQUEST = 6;

    /** A request filed with notice, noticed and taken to review: shares can be logged next. */
    long requestInReview(String id) {
        long request = log.filed(id, ENVELOPE_A, "now");
        log.append(log.step("disclosure.notice", request));
        log.append(log.step("disclosure.review-opened", request));
        return request;
    }

    /**
     * A request in review and a valid share entry for it by {@code trustee}, with {@code field} replaced by what
     * {@code value} gives for the share's own index; returns that index.
     */
    long spoiledShare(int trustee, String field, LongFunction<Object> value) {
        long a = requestInReview("req-a");
        Map<String, Object> share = log.shareFields(a, trustee);
        share.put(field, value.apply(log.size()));
        return log.append(share);
    }

    static void assertClean(DisclosureAudit audit) {
        assertEquals(List.of(), audit.findings());
    }

    /** Exactly one finding, at {@code index}, under {@code rule}, saying {@code fragment}. */
    static void assertOnly(DisclosureAudit audit, long index, Rule rule, String fragment) {
        List<DisclosureFinding> findings = audit.findings();
        assertEquals(1, findings.size(), findings.toString());
        DisclosureFinding finding = findings.get(0);
        assertEquals(index, finding.index(), finding.toString());
        assertEquals(rule, finding.rule(), finding.toString());
        assertTrue(finding.message().contains(fragment), "expected '" + fragment + "' in " + finding);
    }

    // ------------------------------------------------------------------------------------ a correct log

    @Test
    void aLogThatFollowsTheSpecificationPasses() {
        long a = requestInReview("req-a");                                      // 6, notice 7, review 8
        log.append(log.step("disclosure.objection", a, "source", "member",
                "text_sha256", "00".repeat(32)));
        long s1 = log.share(a, 1);
        log.append(log.step("disclosure.share-rejected", a, "trustee", 2, "reason", "proof does not verify",
                "submission_sha256", "11".repeat(32)));
        long s3 = log.share(a, 3);
        long s5 = log.share(a, 5);
        log.released(a, List.of(1, 3, 5), List.of(s1, s3, s5));

        long b = log.filed("req-b", ENVELOPE_B, "gagged");                       // gagged: straight to review
        log.refusal(b, 1);
        log.refusal(b, 2);
        log.refusal(b, 4);                                                       // n - t = 2: three refuse
        log.append(log.step("disclosure.refused", b, "reason", "trustees refused"));
        log.append(log.step("disclosure.notice", b, "date", "2027-03-01"));    // when the gag ends

        long c = log.filed("req-c", ENVELOPE_A, "now");
        log.append(log.step("disclosure.withdrawn", c, "reason", "no longer needed"));
        long d = log.filed("req-d", ENVELOPE_B, "now");
        log.append(log.step("disclosure.expired", d, "reason", "review-deadline", "date", "2027-01-01"));

        Map<String, Object> counts = Map.of("filed", 4, "released", 1, "refused", 1, "expired", 0, "withdrawn", 1);
        log.append(DisclosureLog.fields("transparency.report", "period", "2026-12", "totals", counts,
                "by_anchor", Map.of(DisclosureLog.ANCHOR, counts), "through_index", log.size() - 1,
                "date", "2027-01-02"));
        log.append(DisclosureLog.fields("officer.retired", "officer", DisclosureLog.OFFICER, "date", "2027-02-01"));
        log.append(DisclosureLog.fields("court-anchor.retired", "anchor", DisclosureLog.ANCHOR, "date", "2027-02-01"));

        DisclosureAudit audit = log.audit();
        assertClean(audit);
        assertEquals(new DisclosureAudit.Summary(log.size(), 4, 1, 3, 3, 1, 4, 0), audit.summary());
    }

    @Test
    void withoutACmsVerifierTheOrdersAreCountedAsUnchecked() {
        log.filed("req-a", ENVELOPE_A, "now");
        DisclosureAudit audit = DisclosureAudit.of(log.entries, log::root, OrderSignatureCheck.UNAVAILABLE);
        assertClean(audit);
        assertEquals(1, audit.summary().ordersUnchecked());
        assertEquals(0, audit.summary().ordersChecked());
    }

    @Test
    void entriesMustComeInOrder() {
        DisclosureAudit audit = new DisclosureAudit(log::root, DisclosureLog.ORDERS);
        audit.entry(0, log.entries.get(0));
        assertThrows(IllegalArgumentException.class, () -> audit.entry(2, log.entries.get(2)));
    }

    // ------------------------------------------------------------------------------- rule 1: filings

    @Test
    void requestByAnUnregisteredOfficer() {
        Map<String, Object> filed = log.filedFields("req-a", ENVELOPE_A, "now");
        filed.put("officer", "officer-2");
        long index = log.append(filed);
        assertOnly(log.audit(), index, Rule.FILING, "officer officer-2 is not registered");
    }

    @Test
    void requestWithAnotherKeyThanTheOfficers() {
        Map<String, Object> filed = log.filedFields("req-a", ENVELOPE_A, "now");
        filed.put("officer_key", DisclosureLog.b64(OfficerKeyPair.generate(log.random).publicKey().encode()));
        long index = log.append(filed);
        assertOnly(log.audit(), index, Rule.FILING, "officer_key is not the key registered");
    }

    @Test
    void requestByARetiredOfficerOrUnderARetiredAnchor() {
        log.append(DisclosureLog.fields("officer.retired", "officer", DisclosureLog.OFFICER, "date", "2026-11-20"));
        long index = log.filed("req-a", ENVELOPE_A, "now");
        assertOnly(log.audit(), index, Rule.FILING, "was retired before the request");

        DisclosureLog other = DisclosureLog.standard();
        other.append(DisclosureLog.fields("court-anchor.retired", "anchor", DisclosureLog.ANCHOR,
                "date", "2026-11-20"));
        long second = other.filed("req-a", ENVELOPE_A, "now");
        assertOnly(other.audit(), second, Rule.FILING, "court anchor anchor-1 was retired before the request");
    }

    @Test
    void requestWhoseEnvelopeHashDoesNotMatchTheEnvelopeEntry() {
        Map<String, Object> filed = log.filedFields("req-a", ENVELOPE_A, "now");
        filed.put("envelope", DisclosureLog.b64(log.envelopes.get(ENVELOPE_B).encode()));
        long index = log.append(filed);
        assertOnly(log.audit(), index, Rule.FILING, "does not hash to the envelope_hash of entry 4");
    }

    @Test
    void requestNamingAnEntryThatIsNoEnvelope() {
        Map<String, Object> filed = log.filedFields("req-a", ENVELOPE_A, "now");
        filed.put("envelope_index", 2);
        long index = log.append(filed);
        assertOnly(log.audit(), index, Rule.FILING, "entry 2 (envelope_index) is not a pseudonym.envelope entry");
    }

    @Test
    void orderSignatureThatDoesNotVerify() {
        Map<String, Object> filed = log.filedFields("req-a", ENVELOPE_A, "now");
        filed.put("order_signature", DisclosureLog.b64(new byte[] {1, 2, 3}));
        long index = log.append(filed);
        assertOnly(log.audit(), index, Rule.FILING, "the order signature does not verify");
    }

    @Test
    void orderDigestUsedTwice() {
        Map<String, Object> first = log.filedFields("req-a", ENVELOPE_A, "now");
        log.append(first);
        Map<String, Object> second = log.filedFields("req-b", ENVELOPE_B, "now");
        second.put("order_sha256", first.get("order_sha256"));
        long index = log.append(second);
        assertOnly(log.audit(), index, Rule.FILING, "order_sha256 was already used by the request filed at entry 6");
    }

    @Test
    void orderAlreadyExpiredAtFiling() {
        Map<String, Object> filed = log.filedFields("req-a", ENVELOPE_A, "now");
        filed.put("order_expires", "2026-12-01");
        long index = log.append(filed);
        assertOnly(log.audit(), index, Rule.FILING, "order_expires 2026-12-01 is not after the filing date");
    }

    @Test
    void requestForAnEpochTheLogNeverEstablished() {
        DisclosureLog noEpoch = new DisclosureLog();
        noEpoch.append(DisclosureLog.fields("log.genesis"));
        noEpoch.append(noEpoch.officerFields(DisclosureLog.OFFICER, noEpoch.officer.publicKey()));
        noEpoch.append(noEpoch.anchorFields(DisclosureLog.ANCHOR));
        long envelope = noEpoch.envelope();
        long index = noEpoch.filed("req-a", envelope, "now");
        assertOnly(noEpoch.audit(), index, Rule.FILING, "was not established");
    }

    @Test
    void officerRetiredWithoutRegistrationOrTwice() {
        long index = log.append(DisclosureLog.fields("officer.retired", "officer", "officer-9", "date", "2026-12-01"));
        assertOnly(log.audit(), index, Rule.FILING, "never registered");
    }

    @Test
    void anchorWhoseFingerprintIsNotItsCertificates() {
        Map<String, Object> anchor = log.anchorFields("anchor-2");
        anchor.put("sha256", List.of("00".repeat(32)));
        long index = log.append(anchor);
        assertOnly(log.audit(), index, Rule.FILING, "is not the fingerprint of ca_certificates[0]");
    }

    // -------------------------------------------------------------------------------- rule 2: shares

    @Test
    void shareCopiedFromRequestAIntoRequestB() {
        long a = requestInReview("req-a");
        DecryptionShare forA = log.proveShare(a, 1, log.officer.publicKey());
        long b = requestInReview("req-b");
        long index = log.append(log.shareFields(b, 1, forA));
        assertOnly(log.audit(), index, Rule.SHARE, "does not verify for the context derived from the log");
    }

    @Test
    void shareWhoseProofIsForAnotherOfficerKey() {
        long a = requestInReview("req-a");
        DecryptionShare share = log.proveShare(a, 2, OfficerKeyPair.generate(log.random).publicKey());
        long index = log.append(log.shareFields(a, 2, share));
        assertOnly(log.audit(), index, Rule.SHARE, "does not verify");
    }

    @Test
    void shareForAnotherCheckpointThanTheOneItNames() {
        long index = spoiledShare(2, "checkpoint_size", own -> own - 1);
        assertOnly(log.audit(), index, Rule.SHARE, "does not verify");
    }

    @Test
    void shareUnderAnotherTrusteeIndex() {
        long index = spoiledShare(2, "trustee", own -> 3);
        assertOnly(log.audit(), index, Rule.SHARE, "does not verify");
    }

    @Test
    void shareWhoseCheckpointSizeExceedsItsOwnIndex() {
        long index = spoiledShare(1, "checkpoint_size", own -> own + 1);
        assertOnly(log.audit(), index, Rule.SHARE, "at most the share's own index " + index);
    }

    @Test
    void shareWhoseCheckpointDoesNotCoverTheRequest() {
        long index = spoiledShare(1, "checkpoint_size", own -> FIRST_REQUEST);
        assertOnly(log.audit(), index, Rule.SHARE, "must be larger than the request index " + FIRST_REQUEST);
    }

    @Test
    void shareAfterTheOrderExpired() {
        long index = spoiledShare(1, "date", own -> "2027-02-01");
        assertOnly(log.audit(), index, Rule.SHARE, "after the order's expiry 2027-01-31");
    }

    @Test
    void shareAfterWithdrawal() {
        long a = requestInReview("req-a");
        log.append(log.step("disclosure.withdrawn", a, "reason", "no longer needed"));
        long index = log.share(a, 1);
        assertOnly(log.audit(), index, Rule.SHARE, "in state withdrawn when the share was logged");
    }

    @Test
    void shareDuringNotice() {
        long a = log.filed("req-a", ENVELOPE_A, "now");
        long index = log.share(a, 1);
        assertOnly(log.audit(), index, Rule.SHARE, "in state notice");
    }

    @Test
    void shareByATrusteeOutsideTheEpoch() {
        long index = spoiledShare(1, "trustee", own -> 6);
        assertOnly(log.audit(), index, Rule.SHARE, "trustee 6 is not a trustee of the epoch");
    }

    @Test
    void shareNamingTheRequestByAnotherId() {
        long index = spoiledShare(1, "request", own -> "req-z");
        assertOnly(log.audit(), index, Rule.SHARE,
                "names request req-z, but entry " + FIRST_REQUEST + " filed request req-a");
    }

    // ------------------------------------------------------------------------------ rule 3: releases

    @Test
    void releaseWithOneShareTooFew() {
        long a = requestInReview("req-a");
        long s1 = log.share(a, 1);
        long s3 = log.share(a, 3);
        long index = log.released(a, List.of(1, 3), List.of(s1, s3));
        assertOnly(log.audit(), index, Rule.RELEASE, "lists 2 shares; a release lists exactly the threshold of 3");
    }

    @Test
    void twoSharesOfOneTrusteeCountedTwice() {
        long a = requestInReview("req-a");
        long s1 = log.share(a, 1);
        long again = log.share(a, 1); // valid in itself: a trustee may submit again
        long s3 = log.share(a, 3);
        long index = log.released(a, List.of(1, 1, 3), List.of(s1, again, s3));
        assertOnly(log.audit(), index, Rule.RELEASE, "are not distinct and ascending");

        DisclosureLog other = DisclosureLog.standard();
        long b = other.filed("req-b", ENVELOPE_A, "gagged");
        long t1 = other.share(b, 1);
        long t1again = other.share(b, 1);
        long t3 = other.share(b, 3);
        long second = other.released(b, List.of(1, 2, 3), List.of(t1, t1again, t3));
        assertOnly(other.audit(), second, Rule.RELEASE, "trustee 2 has no valid earlier share entry");
    }

    @Test
    void releaseListingAShareThatDidNotVerify() {
        long a = requestInReview("req-a");
        long s1 = log.share(a, 1);
        long bad = log.append(log.shareFields(a, 2, log.proveShare(a, 2,
                OfficerKeyPair.generate(log.random).publicKey())));
        long s3 = log.share(a, 3);
        long index = log.released(a, List.of(1, 2, 3), List.of(s1, bad, s3));
        List<DisclosureFinding> findings = log.audit().findings();
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(bad, findings.get(0).index());
        assertEquals(index, findings.get(1).index());
        assertEquals(Rule.RELEASE, findings.get(1).rule());
        assertTrue(findings.get(1).message().contains("trustee 2 has no valid earlier share entry"),
                findings.toString());
    }

    @Test
    void releasedTwice() {
        long a = requestInReview("req-a");
        long s1 = log.share(a, 1);
        long s2 = log.share(a, 2);
        long s3 = log.share(a, 3);
        log.released(a, List.of(1, 2, 3), List.of(s1, s2, s3));
        long index = log.released(a, List.of(1, 2, 3), List.of(s1, s2, s3));
        assertOnly(log.audit(), index, Rule.RELEASE, "already released");
    }

    @Test
    void transitionsNamedByRequestIdAloneAreReadAsTheServiceWritesThem() {
        long a = log.filed("req-a", ENVELOPE_A, "now");
        Map<String, Object> notice = log.step("disclosure.notice", a);
        notice.remove("request_index");
        log.append(notice);
        Map<String, Object> review = log.step("disclosure.review-opened", a);
        review.remove("request_index");
        log.append(review);
        long s1 = log.share(a, 1);
        long s2 = log.share(a, 2);
        long s3 = log.share(a, 3);
        log.released(a, List.of(1, 2, 3), List.of(s1, s2, s3));
        assertEquals(List.of(), log.audit().findings());

        DisclosureLog other = DisclosureLog.standard();
        Map<String, Object> stray = other.step("disclosure.withdrawn", other.filed("req-b", ENVELOPE_A, "now"),
                "reason", "withdrawn-by-officer");
        stray.remove("request_index");
        stray.put("request", "req-unknown");
        long index = other.append(stray);
        assertOnly(other.audit(), index, Rule.TRANSITION, "which no earlier disclosure.filed entry filed");
    }

    @Test
    void releasedAfterWithdrawal() {
        long a = requestInReview("req-a");
        long s1 = log.share(a, 1);
        long s2 = log.share(a, 2);
        long s3 = log.share(a, 3);
        log.append(log.step("disclosure.withdrawn", a, "reason", "no longer needed"));
        long index = log.released(a, List.of(1, 2, 3), List.of(s1, s2, s3));
        assertOnly(log.audit(), index, Rule.RELEASE, "already withdrawn; a closed request is never released");
    }

    @Test
    void releaseListingAnotherRequestsShare() {
        long a = requestInReview("req-a");
        long b = requestInReview("req-b");
        long s1 = log.share(a, 1);
        long s2 = log.share(a, 2);
        long foreign = log.share(b, 3);
        long index = log.released(a, List.of(1, 2, 3), List.of(s1, s2, foreign));
        assertOnly(log.audit(), index, Rule.RELEASE, "trustee 3 has no valid earlier share entry for this request");
    }

    // ------------------------------------------------------------------ rule 4: refusals, transitions

    @Test
    void refusalWithABadSignature() {
        long b = log.filed("req-b", ENVELOPE_B, "gagged");
        Map<String, Object> refusal = log.refusalFields(b, 2, "the order does not name this forum");
        refusal.put("trustee", 1); // signed by trustee 2, presented as trustee 1's
        long index = log.append(refusal);
        assertOnly(log.audit(), index, Rule.TRANSITION, "does not verify under trustee 1's key");
    }

    @Test
    void refusalWhoseReasonWasChanged() {
        long b = log.filed("req-b", ENVELOPE_B, "gagged");
        Map<String, Object> refusal = log.refusalFields(b, 2, "the order does not name this forum");
        refusal.put("reason_sha256", "22".repeat(32));
        long index = log.append(refusal);
        assertOnly(log.audit(), index, Rule.TRANSITION, "does not verify");
    }

    @Test
    void refusedWithoutEnoughRefusals() {
        long b = log.filed("req-b", ENVELOPE_B, "gagged");
        log.refusal(b, 1);
        log.refusal(b, 2);
        long index = log.append(log.step("disclosure.refused", b, "reason", "trustees refused"));
        assertOnly(log.audit(), index, Rule.TRANSITION, "refusing needs more than n - t, here 3");
    }

    @Test
    void reviewOpenedForAGaggedRequest() {
        long b = log.filed("req-b", ENVELOPE_B, "gagged");
        long index = log.append(log.step("disclosure.review-opened", b));
        assertOnly(log.audit(), index, Rule.TRANSITION, "only a request in notice moves to review");
    }

    @Test
    void reviewOpenedBeforeTheReviewDate() {
        long a = log.filed("req-a", ENVELOPE_A, "now");
        long index = log.append(log.step("disclosure.review-opened", a, "date", "2026-12-02"));
        assertOnly(log.audit(), index, Rule.TRANSITION, "before review_from 2026-12-08");
    }

    @Test
    void expiredBeforeTheOrderExpired() {
        long a = requestInReview("req-a");
        long index = log.append(log.step("disclosure.expired", a, "reason", "order-expired"));
        assertOnly(log.audit(), index, Rule.TRANSITION, "before 2027-01-31");
    }

    @Test
    void withdrawnTwice() {
        long a = requestInReview("req-a");
        log.append(log.step("disclosure.withdrawn", a, "reason", "no longer needed"));
        long index = log.append(log.step("disclosure.withdrawn", a, "reason", "no longer needed"));
        assertOnly(log.audit(), index, Rule.TRANSITION, "withdrawn while already withdrawn");
    }

    @Test
    void noticeBeforeTheGagEnds() {
        long b = log.filed("req-b", ENVELOPE_B, "gagged");
        long index = log.append(log.step("disclosure.notice", b));
        assertOnly(log.audit(), index, Rule.TRANSITION, "before the gag ends on 2027-03-01");
    }

    @Test
    void stepNamingAnEntryThatIsNoRequest() {
        Map<String, Object> step = log.step("disclosure.withdrawn", 3, "reason", "x");
        step.put("request", "req-x");
        long index = log.append(step);
        assertOnly(log.audit(), index, Rule.TRANSITION, "request_index 3 is not a disclosure.filed entry");
    }

    // ------------------------------------------------------------------------ rule 5: transparency

    @Test
    void transparencyReportWithAWrongCount() {
        long a = requestInReview("req-a");
        log.append(log.step("disclosure.withdrawn", a, "reason", "no longer needed"));
        log.filed("req-b", ENVELOPE_B, "gagged");
        Map<String, Object> counts = Map.of("filed", 2, "released", 0, "refused", 0, "expired", 0, "withdrawn", 0);
        long index = log.append(DisclosureLog.fields("transparency.report", "period", "2026-12", "totals", counts,
                "by_anchor", Map.of(DisclosureLog.ANCHOR, counts), "through_index", log.size() - 1,
                "date", "2027-01-02"));
        assertOnly(log.audit(), index, Rule.REPORT, "totals.withdrawn is 0, the entries give 1");
    }

    @Test
    void transparencyReportCountsOnlyUpToItsThroughIndexAndPeriod() {
        long a = log.filed("req-a", ENVELOPE_A, "now");
        long through = log.size() - 1;
        log.append(log.step("disclosure.withdrawn", a, "reason", "no longer needed"));
        Map<String, Object> january = log.filedFields("req-b", ENVELOPE_B, "now");
        january.put("date", "2027-01-05");
        january.put("review_from", "2027-01-12");
        january.put("review_until", "2027-01-30");
        log.append(january);
        Map<String, Object> counts = Map.of("filed", 1, "released", 0, "refused", 0, "expired", 0, "withdrawn", 0);
        log.append(DisclosureLog.fields("transparency.report", "period", "2026-12", "totals", counts,
                "by_anchor", Map.of(DisclosureLog.ANCHOR, counts), "through_index", through, "date", "2027-01-06"));
        assertClean(log.audit());
    }

    @Test
    void transparencyReportLeavingOutAnAnchor() {
        log.filed("req-a", ENVELOPE_A, "now");
        Map<String, Object> counts = Map.of("filed", 1, "released", 0, "refused", 0, "expired", 0, "withdrawn", 0);
        long index = log.append(DisclosureLog.fields("transparency.report", "period", "2026-12", "totals", counts,
                "by_anchor", Map.of(), "through_index", log.size() - 1, "date", "2027-01-02"));
        assertOnly(log.audit(), index, Rule.REPORT, "by_anchor.anchor-1 is missing, but the entries give filed 1");
    }

    @Test
    void malformedEntriesAreFindingsNotCrashes() {
        long index = spoiledShare(1, "share", own -> "not base64!");
        assertOnly(log.audit(), index, Rule.SHARE, "\"share\" is not standard base64");

        DisclosureLog other = DisclosureLog.standard();
        long second = other.append(DisclosureLog.fields("disclosure.filed", "request", "req-a"));
        assertOnly(other.audit(), second, Rule.FILING, "\"date\" is not a non-empty string");

        DisclosureLog third = DisclosureLog.standard();
        Map<String, Object> v2 = third.filedFields("req-a", ENVELOPE_A, "now");
        v2.put("v", 2);
        long third2 = third.append(v2);
        assertOnly(third.audit(), third2, Rule.FILING, "unsupported version v=2");
    }
}
