package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.heteronym.escrow.Epoch;
import org.heteronym.escrow.Pseudonym;
import org.heteronym.escrow.PseudonymKey;
import org.heteronym.log.LogReads;

/**
 * The request as its officer and its trustees see it: the order's metadata, the target, objections, and every
 * submission with the log index of its entry, so that the tools can check each against the public log.
 */
@ApplicationScoped
public class RequestDetails {

    private final LogReads log;

    RequestDetails(LogReads log) {
        this.log = log;
    }

    public Uni<DisclosureRequest> find(UUID id) {
        return Panache.withSession(() -> DisclosureRequest.<DisclosureRequest>findById(id)).map(request -> {
            if (request == null) {
                throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND, "no disclosure request " + id);
            }
            return request;
        });
    }

    public Uni<List<DisclosureRequest>> ofOfficer(UUID officerId) {
        return Panache.withSession(() -> DisclosureRequest.list("officerId = ?1 order by filedOn desc, id", officerId));
    }

    public Uni<List<DisclosureRequest>> open() {
        return Panache.withSession(() -> DisclosureRequest.list(
                "state in ('notice', 'review') order by filedOn, id"));
    }

    public static Map<String, Object> summary(DisclosureRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id.toString());
        m.put("state", r.state);
        m.put("court", r.court);
        m.put("case_reference", r.caseReference);
        m.put("order_date", r.orderDate.toString());
        m.put("order_expires", r.orderExpires.toString());
        m.put("forum", r.forumId);
        m.put("filed_on", r.filedOn.toString());
        m.put("review_from", r.reviewFrom.toString());
        m.put("review_until", r.reviewUntil.toString());
        return m;
    }

    /** Everything about one request; {@code withNonce} adds the binding nonce that trustees check the target with. */
    public Uni<Map<String, Object>> details(DisclosureRequest r, boolean withNonce) {
        Map<String, Object> m = summary(r);
        m.put("pseudonym", r.pseudonym);
        m.put("posts", r.posts);
        m.put("reasons", r.reasons);
        m.put("notice", r.gagUntil == null ? "now" : "gagged");
        if (r.gagUntil != null) {
            m.put("gag_until", r.gagUntil.toString());
        }
        m.put("order_sha256", HexFormat.of().formatHex(r.orderSha256));
        m.put("envelope_index", r.envelopeIndex);
        m.put("epoch", r.epochId);
        return log.indexOfPending(r.filedPendingId)
                .invoke(index -> index.ifPresent(i -> m.put("request_index", i)))
                .flatMap(index -> index.isEmpty() ? Uni.createFrom().voidItem() : log.firstCheckpointCovering(index.get())
                        .invoke(checkpoint -> checkpoint.ifPresent(c -> m.put("checkpoint_size", c.size())))
                        .replaceWithVoid())
                .flatMap(ignored -> Panache.withSession(() -> LegalOfficer.<LegalOfficer>findById(r.officerId)
                        .invoke(officer -> m.put("officer", Map.of("id", officer.id.toString(), "name", officer.name,
                                "public_key", Base64.getEncoder().encodeToString(officer.publicKey))))
                        .flatMap(o -> Epoch.<Epoch>findById(r.epochId))
                        .invoke(epoch -> m.put("threshold", epoch.threshold))
                        .flatMap(e -> withNonce ? Pseudonym.<Pseudonym>findById(new PseudonymKey(r.forumId, r.pseudonym))
                                .invoke(p -> m.put("binding_nonce", Base64.getEncoder().encodeToString(p.bindingNonce)))
                                .replaceWithVoid() : Uni.createFrom().voidItem())
                        .flatMap(v -> Objection.<Objection>list("requestId = ?1 order by receivedOn, id", r.id))
                        .invoke(objections -> m.put("objections", objections.stream().map(o -> Map.of(
                                "source", o.source, "text", o.text, "received_on", o.receivedOn.toString())).toList()))
                        .flatMap(o -> TrusteeRefusal.<TrusteeRefusal>list("key.requestId = ?1 order by key.trusteeIndex", r.id))
                        .invoke(refusals -> m.put("refusals", refusals.stream().map(f -> Map.of(
                                "trustee", f.key.trusteeIndex(), "reason", f.reason)).toList()))
                        .flatMap(f -> SubmittedShare.<SubmittedShare>list("key.requestId = ?1 order by key.trusteeIndex", r.id))))
                .flatMap(shares -> Multi.createFrom().iterable(shares)
                        .onItem().transformToUniAndConcatenate(s -> log.indexOfPending(s.pendingId).map(index -> share(s, index)))
                        .collect().asList())
                .map(shares -> {
                    m.put("shares", shares);
                    return m;
                });
    }

    private static Map<String, Object> share(SubmittedShare s, Optional<Long> index) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trustee", s.key.trusteeIndex());
        m.put("checkpoint_size", s.checkpointSize);
        m.put("share", Base64.getEncoder().encodeToString(s.share));
        index.ifPresent(i -> m.put("log_index", i));
        return m;
    }
}
