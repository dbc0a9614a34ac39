package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.Sha256;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.InvalidProofException;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.SchnorrProof;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.escrow.EpochRegistry;
import org.heteronym.escrow.Pseudonym;
import org.heteronym.escrow.PseudonymKey;
import org.heteronym.escrow.Trustee;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/**
 * A trustee's decision on a request under review: a decryption share, verified against the context the service
 * derives from the log before it is stored and logged, or a signed refusal. The t-th valid share releases the
 * request; more than n − t refusals refuse it. A submission that does not verify is refused and logged as rejected,
 * so that a trustee's failed attempts are as public as its successful ones.
 */
@ApplicationScoped
public class TrusteeSubmissions {

    public static final int MAX_REASON = 4_000;

    private final EpochTrustees trustees;
    private final EpochRegistry epochs;
    private final ShareContexts contexts;
    private final LogAppender log;

    TrusteeSubmissions(EpochTrustees trustees, EpochRegistry epochs, ShareContexts contexts, LogAppender log) {
        this.trustees = trustees;
        this.epochs = epochs;
        this.contexts = contexts;
        this.log = log;
    }

    /** True if stored now, false if this very share was already stored. */
    public Uni<Boolean> share(Trustee trustee, UUID requestId, long checkpointSize, String shareBase64) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> underReview(requestId).flatMap(request -> trustees
                .indexOf(request.epochId, trustee.id).flatMap(index -> SubmittedShare
                        .<SubmittedShare>findById(new SubmittedShare.Key(request.id, index)).flatMap(existing -> {
                            byte[] bytes = decodeBase64(shareBase64, request, index, today);
                            if (existing != null) {
                                if (Arrays.equals(existing.share, bytes)) {
                                    return Uni.createFrom().item(false);
                                }
                                throw new DisclosureRefusal(DisclosureProblem.WRONG_STATE,
                                        "you already submitted a different share for this request");
                            }
                            return verified(request, index, checkpointSize, bytes, today)
                                    .flatMap(ignored -> store(request, index, checkpointSize, bytes, today))
                                    .replaceWith(true);
                        }))))
                .onFailure(Rejected.class).call(e -> log.appendStandalone(((Rejected) e).entry))
                .onFailure(Rejected.class).transform(e -> new DisclosureRefusal(DisclosureProblem.INVALID_SHARE,
                        e.getMessage()));
    }

    public Uni<Void> refuse(Trustee trustee, UUID requestId, String reason, String signatureBase64) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new DisclosureRefusal(DisclosureProblem.INVALID_REFUSAL, "reason must be 1 to " + MAX_REASON + " characters");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> underReview(requestId).flatMap(request -> trustees
                .indexOf(request.epochId, trustee.id).flatMap(index -> TrusteeRefusal
                        .<TrusteeRefusal>findById(new SubmittedShare.Key(request.id, index)).flatMap(existing -> {
                            if (existing != null) {
                                throw new DisclosureRefusal(DisclosureProblem.WRONG_STATE, "you already refused this request");
                            }
                            return SubmittedShare.count("key.requestId = ?1 and key.trusteeIndex = ?2", request.id, index);
                        }).flatMap(shared -> {
                            if (shared > 0) {
                                throw new DisclosureRefusal(DisclosureProblem.WRONG_STATE,
                                        "you already submitted a share for this request");
                            }
                            return contexts.requestEntry(request).flatMap(entry -> epochs.key(request.epochId)
                                    .flatMap(epoch -> storeRefusal(request, entry, epoch, index, reason,
                                            signatureBase64, today)));
                        }))));
    }

    private Uni<Void> storeRefusal(DisclosureRequest request, ShareContexts.RequestEntry entry, EpochKey epoch,
                                   int index, String reason, String signatureBase64, LocalDate today) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64 == null ? "" : signatureBase64);
            DisclosureStatements.verifyRefusal(epoch.trusteeKey(index), entry.index(), entry.entryHash(), index,
                    DisclosureStatements.reasonDigest(reason), SchnorrProof.decode(signature));
        } catch (IllegalArgumentException | MalformedEncodingException | InvalidProofException e) {
            throw new DisclosureRefusal(DisclosureProblem.INVALID_REFUSAL,
                    "the refusal's signature does not verify under your epoch key Y_" + index);
        }
        TrusteeRefusal refusal = new TrusteeRefusal();
        refusal.key = new SubmittedShare.Key(request.id, index);
        refusal.reason = reason;
        refusal.signature = signature;
        refusal.submittedOn = today;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request_index", entry.index());
        fields.put("trustee", index);
        fields.put("reason_sha256", DisclosureStatements.reasonDigest(reason).toHex());
        fields.put("signature", Base64.getEncoder().encodeToString(signature));
        return refusal.persist()
                .call(() -> log.append(RequestTransitions.entry(EntryKind.DISCLOSURE_REFUSAL, request, today, fields)))
                .flatMap(ignored -> TrusteeRefusal.count("key.requestId", request.id))
                .flatMap(refusals -> refusals > epoch.trusteeCount() - epoch.threshold()
                        ? RequestTransitions.close(log, request, RequestState.REFUSED, EntryKind.DISCLOSURE_REFUSED,
                                "too-many-refusals", today)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> verified(DisclosureRequest request, int index, long checkpointSize, byte[] bytes,
                               LocalDate today) {
        return contexts.requestEntry(request).flatMap(entry -> Pseudonym
                .<Pseudonym>findById(new PseudonymKey(request.forumId, request.pseudonym))
                .flatMap(pseudonym -> LegalOfficer.<LegalOfficer>findById(request.officerId)
                        .flatMap(officer -> {
                            Envelope envelope = storedEnvelope(pseudonym);
                            ShareContext context;
                            try {
                                context = contexts.context(request, entry, envelope, checkpointSize, index,
                                        officer.publicKey);
                            } catch (DisclosureRefusal e) {
                                throw rejected(request, index, bytes, e.getMessage(), today);
                            }
                            return epochs.key(request.epochId).map(epoch -> {
                                        try {
                                            ShareVerifier.verify(DecryptionShare.decode(bytes), envelope, context, epoch);
                                            return null;
                                        } catch (MalformedEncodingException | InvalidProofException e) {
                                            throw rejected(request, index, bytes, e.getMessage(), today);
                                        }
                                    });
                        })));
    }

    private Uni<Void> store(DisclosureRequest request, int index, long checkpointSize, byte[] bytes, LocalDate today) {
        SubmittedShare share = new SubmittedShare();
        share.key = new SubmittedShare.Key(request.id, index);
        share.checkpointSize = checkpointSize;
        share.share = bytes;
        share.submittedOn = today;
        return contexts.requestEntry(request).flatMap(entry -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("request_index", entry.index());
            fields.put("trustee", index);
            fields.put("checkpoint_size", checkpointSize);
            fields.put("share", Base64.getEncoder().encodeToString(bytes));
            return log.append(RequestTransitions.entry(EntryKind.DISCLOSURE_SHARE, request, today, fields))
                    .flatMap(append -> {
                        share.pendingId = append.pendingId();
                        return share.persist();
                    })
                    .flatMap(ignored -> SubmittedShare.<SubmittedShare>list(
                            "key.requestId = ?1 order by key.trusteeIndex", request.id))
                    .flatMap(all -> epochs.key(request.epochId).flatMap(epoch -> all.size() < epoch.threshold()
                            ? Uni.createFrom().voidItem()
                            : release(request, entry, all.subList(0, epoch.threshold()), today)));
        });
    }

    private Uni<Void> release(DisclosureRequest request, ShareContexts.RequestEntry entry, List<SubmittedShare> used,
                              LocalDate today) {
        request.moveTo(RequestState.RELEASED, today);
        return log.append(RequestTransitions.entry(EntryKind.DISCLOSURE_RELEASED, request, today, Map.of(
                "request_index", entry.index(),
                "trustees", used.stream().map(s -> s.key.trusteeIndex()).toList()))).replaceWithVoid();
    }

    private Uni<DisclosureRequest> underReview(UUID requestId) {
        return RequestTransitions.locked(requestId).map(request -> {
            if (request.state() != RequestState.REVIEW) {
                throw RequestTransitions.wrongState(request, "reviewed now");
            }
            return request;
        });
    }

    private byte[] decodeBase64(String value, DisclosureRequest request, int index, LocalDate today) {
        try {
            return Base64.getDecoder().decode(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw rejected(request, index, new byte[0], "share is not base64", today);
        }
    }

    private static Envelope storedEnvelope(Pseudonym pseudonym) {
        try {
            return Envelope.decode(pseudonym.envelope);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("stored envelope does not decode", e);
        }
    }

    private static Rejected rejected(DisclosureRequest request, int index, byte[] submission, String reason,
                                     LocalDate today) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trustee", index);
        fields.put("reason", reason);
        fields.put("submission_sha256", HexFormat.of().formatHex(Sha256.of(submission)));
        return new Rejected(reason,
                RequestTransitions.entry(EntryKind.DISCLOSURE_SHARE_REJECTED, request, today, fields));
    }

    /** A submission that failed verification: the transaction rolls back, then its rejection is logged alone. */
    private static final class Rejected extends RuntimeException {
        private final LogEntry entry;

        Rejected(String reason, LogEntry entry) {
            super("the share does not verify: " + reason, null, false, false);
            this.entry = entry;
        }
    }
}
