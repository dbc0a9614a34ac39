package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/**
 * The state changes of docs/disclosure.md §3 that are not a trustee's submission: opening the review, notices,
 * expiry and withdrawal. Each change and its log entry commit together, under a row lock on the request, so that a
 * scheduler round on two replicas, or a withdrawal racing an expiry, changes a request once.
 */
@ApplicationScoped
public class RequestTransitions {

    private final LogAppender log;

    RequestTransitions(LogAppender log) {
        this.log = log;
    }

    /** Right after filing, in its transaction: the notice (unless gagged) and, when no notice period runs, the review. */
    static Uni<Void> afterFiling(LogAppender log, DisclosureRequest request, LocalDate today) {
        Uni<Void> notice = request.gagUntil == null ? notify(log, request, today) : Uni.createFrom().voidItem();
        return notice.flatMap(ignored -> request.reviewFrom.isAfter(today) ? Uni.createFrom().voidItem()
                : openReview(log, request, today));
    }

    public Uni<DisclosureRequest> withdraw(UUID officerId, UUID requestId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> locked(requestId).flatMap(request -> {
            if (!request.officerId.equals(officerId)) {
                throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND, "no request " + requestId + " of yours");
            }
            if (!request.state().open()) {
                throw wrongState(request, "withdrawn");
            }
            return close(log, request, RequestState.WITHDRAWN, EntryKind.DISCLOSURE_WITHDRAWN, "withdrawn-by-officer",
                    today).replaceWith(request);
        }));
    }

    /** One scheduler round: reviews that open, gags that lapse, requests that expire. Returns how many changed. */
    public Uni<Integer> runDue(LocalDate today) {
        return Panache.withSession(() -> DisclosureRequest.<DisclosureRequest>list(
                        "state in ('notice', 'review') or (gagUntil is not null and notifiedOn is null)"))
                .map(requests -> requests.stream().map(r -> r.id).toList())
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(
                                () -> locked(id).flatMap(request -> due(request, today))))
                        .collect().asList())
                .map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> due(DisclosureRequest request, LocalDate today) {
        Uni<Boolean> notice = request.gagUntil != null && request.notifiedOn == null && !request.gagged(today)
                ? notify(log, request, today).replaceWith(true) : Uni.createFrom().item(false);
        return notice.flatMap(noticed -> {
            if (!request.state().open()) {
                return Uni.createFrom().item(noticed);
            }
            if (today.isAfter(request.orderExpires)) {
                return close(log, request, RequestState.EXPIRED, EntryKind.DISCLOSURE_EXPIRED, "order-expired", today)
                        .replaceWith(true);
            }
            if (today.isAfter(request.reviewUntil)) {
                return close(log, request, RequestState.EXPIRED, EntryKind.DISCLOSURE_EXPIRED, "review-deadline", today)
                        .replaceWith(true);
            }
            if (request.state() == RequestState.NOTICE && !request.reviewFrom.isAfter(today)) {
                return openReview(log, request, today).replaceWith(true);
            }
            return Uni.createFrom().item(noticed);
        });
    }

    static Uni<Void> close(LogAppender log, DisclosureRequest request, RequestState state, EntryKind kind,
                           String reason, LocalDate today) {
        request.moveTo(state, today);
        return log.append(entry(kind, request, today, Map.of("reason", reason))).replaceWithVoid();
    }

    private static Uni<Void> openReview(LogAppender log, DisclosureRequest request, LocalDate today) {
        request.moveTo(RequestState.REVIEW, today);
        return log.append(entry(EntryKind.DISCLOSURE_REVIEW_OPENED, request, today, Map.of())).replaceWithVoid();
    }

    private static Uni<Void> notify(LogAppender log, DisclosureRequest request, LocalDate today) {
        request.notifiedOn = today;
        return log.append(entry(EntryKind.DISCLOSURE_NOTICE, request, today, Map.of())).replaceWithVoid();
    }

    static LogEntry entry(EntryKind kind, DisclosureRequest request, LocalDate today, Map<String, ?> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request", request.id.toString());
        fields.putAll(extra);
        fields.put("date", today.toString());
        return LogEntry.of(kind, fields);
    }

    static Uni<DisclosureRequest> locked(UUID id) {
        return DisclosureRequest.<DisclosureRequest>findById(id, LockModeType.PESSIMISTIC_WRITE).map(request -> {
            if (request == null) {
                throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND, "no disclosure request " + id);
            }
            return request;
        });
    }

    static DisclosureRefusal wrongState(DisclosureRequest request, String what) {
        return new DisclosureRefusal(DisclosureProblem.WRONG_STATE,
                "the request is " + request.state + " and cannot be " + what);
    }
}
