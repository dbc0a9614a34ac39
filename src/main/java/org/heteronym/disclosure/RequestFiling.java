package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.escrow.Pseudonym;
import org.heteronym.escrow.PseudonymKey;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;
import org.heteronym.log.LogReads;
import org.heteronym.persistence.UniqueViolations;

/**
 * Files a request: every check first (officer, fields, order signature and revocation, order reuse, target and its
 * logged envelope), then one transaction that stores the request and appends its entries. A refused filing writes
 * nothing.
 */
@ApplicationScoped
public class RequestFiling {

    private final OfficerRegistry officers;
    private final CourtAnchorRegistry anchors;
    private final CourtOrders orders;
    private final LogReads logReads;
    private final LogAppender log;
    private final int noticeDays;
    private final int reviewDays;

    RequestFiling(OfficerRegistry officers, CourtAnchorRegistry anchors, CourtOrders orders, LogReads logReads,
                  LogAppender log,
                  @ConfigProperty(name = "heteronym.disclosure.notice-days", defaultValue = "7") int noticeDays,
                  @ConfigProperty(name = "heteronym.disclosure.review-days", defaultValue = "30") int reviewDays) {
        this.officers = officers;
        this.anchors = anchors;
        this.orders = orders;
        this.logReads = logReads;
        this.log = log;
        this.noticeDays = noticeDays;
        this.reviewDays = reviewDays;
    }

    public Uni<DisclosureRequest> file(String officerSubject, FilingForm form) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Filing filing = Filing.check(form, today);
        return Panache.withSession(() -> officers.bySubject(officerSubject))
                .flatMap(officer -> anchors.active()
                        .flatMap(active -> orders.verify(filing, active, Instant.now()))
                        .flatMap(anchor -> target(filing).flatMap(target -> store(officer, anchor, filing, target, today))))
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> orderUsed());
    }

    private record Target(Pseudonym pseudonym, long envelopeIndex) {
    }

    private Uni<Target> target(Filing filing) {
        return Panache.withSession(() -> DisclosureRequest.count("orderSha256", (Object) filing.orderSha256())
                .flatMap(used -> {
                    if (used > 0) {
                        throw orderUsed();
                    }
                    return Pseudonym.<Pseudonym>findById(new PseudonymKey(filing.forum(), filing.pseudonym()));
                }))
                .flatMap(pseudonym -> {
                    if (pseudonym == null) {
                        throw new DisclosureRefusal(DisclosureProblem.UNKNOWN_PSEUDONYM,
                                "forum " + filing.forum() + " has no member with that pseudonym");
                    }
                    return logReads.indexOfLeaf(pseudonym.logLeafHash).map(index -> new Target(pseudonym,
                            index.orElseThrow(() -> new DisclosureRefusal(DisclosureProblem.ENVELOPE_NOT_LOGGED,
                                    "the pseudonym's envelope is not integrated into the log yet; retry in a second"))));
                });
    }

    private Uni<DisclosureRequest> store(LegalOfficer officer, CourtAnchor anchor, Filing filing, Target target,
                                         LocalDate today) {
        DisclosureRequest request = new DisclosureRequest();
        request.id = UUID.randomUUID();
        request.officerId = officer.id;
        request.anchorId = anchor.id;
        request.orderDocument = filing.order();
        request.orderSha256 = filing.orderSha256();
        request.orderSignature = filing.orderSignature();
        request.court = filing.court();
        request.caseReference = filing.caseReference();
        request.orderDate = filing.orderDate();
        request.orderExpires = filing.orderExpires();
        request.forumId = filing.forum();
        request.pseudonym = filing.pseudonym();
        request.posts = DisclosureTarget.canonicalPosts(filing.posts());
        request.reasons = filing.reasons();
        request.envelopeIndex = target.envelopeIndex();
        request.epochId = target.pseudonym().epochId;
        request.gagUntil = filing.gagUntil();
        request.reviewFrom = filing.gagUntil() == null ? today.plusDays(noticeDays) : today;
        request.reviewUntil = today.plusDays(reviewDays);
        request.filedOn = today;
        request.state = RequestState.NOTICE.wireName();
        LogEntry filed = LogEntry.of(EntryKind.DISCLOSURE_FILED, filedFields(request, officer, target));
        return Panache.withTransaction(() -> log.append(filed).flatMap(append -> {
            request.filedPendingId = append.pendingId();
            return request.persist();
        }).flatMap(ignored -> RequestTransitions.afterFiling(log, request, today)).replaceWith(request));
    }

    private static Map<String, Object> filedFields(DisclosureRequest r, LegalOfficer officer, Target target) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("request", r.id.toString());
        f.put("officer", officer.id.toString());
        f.put("officer_key", Base64.getEncoder().encodeToString(officer.publicKey));
        f.put("anchor", r.anchorId.toString());
        f.put("court", r.court);
        f.put("case", r.caseReference);
        f.put("order_date", r.orderDate.toString());
        f.put("order_expires", r.orderExpires.toString());
        f.put("order_sha256", HexFormat.of().formatHex(r.orderSha256));
        f.put("order_signature", Base64.getEncoder().encodeToString(r.orderSignature));
        f.put("envelope_index", r.envelopeIndex);
        f.put("envelope", Base64.getEncoder().encodeToString(target.pseudonym().envelope));
        f.put("epoch", r.epochId);
        f.put("target_sha256", DisclosureTarget.digest(r.forumId, r.pseudonym, r.posts, r.reasons).toHex());
        f.put("notice", r.gagUntil == null ? "now" : "gagged");
        if (r.gagUntil != null) {
            f.put("gag_until", r.gagUntil.toString());
        }
        f.put("review_from", r.reviewFrom.toString());
        f.put("review_until", r.reviewUntil.toString());
        f.put("date", r.filedOn.toString());
        return f;
    }

    private static DisclosureRefusal orderUsed() {
        return new DisclosureRefusal(DisclosureProblem.ORDER_USED,
                "a request was already filed with this order; an order serves one request");
    }
}
