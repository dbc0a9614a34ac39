package org.heteronym.disclosure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.Sha256;
import org.heteronym.forum.Pseudonyms;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;

/**
 * Notices to members and their objections. The service keeps no link from member to pseudonyms: it recomputes the
 * member's pseudonym at each forum that has a notified request and compares, so a notice reaches exactly the member
 * the request names.
 */
@ApplicationScoped
public class Objections {

    public static final int MAX_TEXT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pseudonyms pseudonyms;
    private final LogAppender log;
    private final Pool pool;

    Objections(Pseudonyms pseudonyms, LogAppender log, Pool pool) {
        this.pseudonyms = pseudonyms;
        this.log = log;
        this.pool = pool;
    }

    /**
     * The notified requests naming this member, newest first; showing them marks them seen, so that sign-in stops
     * leading the member to this page first.
     */
    public Uni<List<DisclosureNotice>> noticesFor(String memberId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> DisclosureRequest.<DisclosureRequest>list(
                        "notifiedOn is not null order by filedOn desc, id")
                .map(requests -> requests.stream()
                        .filter(r -> pseudonyms.pseudonym(memberId, r.forumId).subject().equals(r.pseudonym))
                        .peek(r -> {
                            if (r.noticeSeenOn == null) {
                                r.noticeSeenOn = today;
                            }
                        })
                        .map(Objections::notice)
                        .toList()));
    }

    /**
     * True if a notified request names this member and the member has not seen it: checked at every sign-in (one
     * indexed query, normally answering no rows), so the member is told at their next login.
     */
    public Uni<Boolean> hasUnseenNotice(String memberId) {
        return pool.preparedQuery("select forum_id, pseudonym from disclosure_request"
                        + " where notified_on is not null and notice_seen_on is null").execute()
                .map(rows -> {
                    for (Row row : rows) {
                        if (pseudonyms.pseudonym(memberId, row.getString(0)).subject().equals(row.getString(1))) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    /** An objection from the member's own page. */
    public Uni<Void> fromMember(String memberId, UUID requestId, String text) {
        return Panache.withTransaction(() -> RequestTransitions.locked(requestId).flatMap(request -> {
            if (request.notifiedOn == null
                    || !pseudonyms.pseudonym(memberId, request.forumId).subject().equals(request.pseudonym)) {
                throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND, "no request about you with id " + requestId);
            }
            return record(request, "member", text);
        }));
    }

    /** Objections a forum relays for one of its pseudonyms: one per open request the member was notified of. */
    public Uni<Integer> fromForum(String forumId, String pseudonym, String text) {
        check(text);
        return Panache.withTransaction(() -> DisclosureRequest.<DisclosureRequest>list(
                        "forumId = ?1 and pseudonym = ?2 and notifiedOn is not null and state in ('notice', 'review')",
                        forumId, pseudonym)
                .flatMap(requests -> {
                    if (requests.isEmpty()) {
                        throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND,
                                "no open request of which this member was notified");
                    }
                    return Multi.createFrom().iterable(requests)
                            .onItem().transformToUniAndConcatenate(r -> record(r, "forum", text).replaceWith(r.id))
                            .collect().asList().map(List::size);
                }));
    }

    private Uni<Void> record(DisclosureRequest request, String source, String text) {
        check(text);
        if (!request.state().open()) {
            throw RequestTransitions.wrongState(request, "objected to");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Objection objection = new Objection();
        objection.id = UUID.randomUUID();
        objection.requestId = request.id;
        objection.source = source;
        objection.text = text;
        objection.receivedOn = today;
        return objection.persist().call(() -> log.append(RequestTransitions.entry(EntryKind.DISCLOSURE_OBJECTION,
                request, today, Map.of("source", source, "text_sha256", HexFormat.of().formatHex(Sha256.of(text))))))
                .replaceWithVoid();
    }

    private static void check(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new DisclosureRefusal(DisclosureProblem.BAD_REQUEST, "the objection must be 1 to " + MAX_TEXT + " characters");
        }
    }

    private static DisclosureNotice notice(DisclosureRequest r) {
        List<String> posts;
        try {
            posts = JSON.readValue(r.posts, new TypeReference<List<Map<String, String>>>() { }).stream()
                    .map(p -> p.get("url") + " (" + p.get("posted_at") + ")").toList();
        } catch (IOException e) {
            throw new IllegalStateException("stored posts are not JSON", e);
        }
        return new DisclosureNotice(r.id, r.forumId, r.court, r.caseReference, r.orderDate, posts, r.state,
                r.filedOn, r.state().open());
    }
}
