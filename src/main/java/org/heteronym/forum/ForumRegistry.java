package org.heteronym.forum;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heteronym.persistence.UniqueViolations;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/**
 * The operator registers forums, rotates their client secrets and retires them. Each change commits with its log
 * entry in one transaction, so the public record shows which forums could log members in, with which redirect URIs
 * and policy, on which day. Nothing is edited in place and nothing deleted; a client id is never reused, because a
 * forum's pseudonyms derive from it (docs/forums.md).
 */
@ApplicationScoped
public class ForumRegistry {


    private final LogAppender log;
    private final ForumClients clients;
    private final SecureRandom random = new SecureRandom();

    ForumRegistry(LogAppender log, ForumClients clients) {
        this.log = log;
        this.clients = clients;
    }

    /** Registers the forum; for {@code client_secret_basic} the answer carries the generated secret, once. */
    public Uni<Registration> register(ForumSpec spec) {
        return Uni.createFrom().item(spec::validate)
                .flatMap(definition -> Panache.withTransaction(() -> insert(definition)))
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> duplicate(spec.clientId()));
    }

    public Uni<List<Forum>> list() {
        return Panache.withSession(() -> ForumRow.<ForumRow>listAll(Sort.by("id")))
                .map(rows -> rows.stream().map(ForumRecords::forum).toList());
    }

    public Uni<Forum> get(String id) {
        return Panache.withSession(() -> ForumRow.<ForumRow>findById(id)).map(row -> ForumRecords.forum(found(row, id)));
    }

    /** Stops the forum logging anyone in; its row and log entries stay, and its id is never given to another. */
    public Uni<Forum> retire(String id) {
        return Panache.withTransaction(() -> locked(id).flatMap(row -> {
            row.retiredOn = today(row.registeredOn);
            return log.append(entry(EntryKind.FORUM_RETIRED, Map.of("forum", id, "date", row.retiredOn.toString())))
                    .replaceWith(row);
        })).map(ForumRecords::forum).invoke(forum -> clients.forget(id));
    }

    /**
     * Replaces a {@code client_secret_basic} forum's secret at once: the old one stops working when this commits, so
     * the forum's administrator should be ready to enter the new one. The log entry says only that it happened.
     */
    public Uni<Registration> rotateSecret(String id) {
        return Panache.withTransaction(() -> locked(id).flatMap(row -> {
            if (!ClientAuthentication.CLIENT_SECRET_BASIC.equals(row.authMethod)) {
                throw new ForumRefusal(ForumProblem.NO_SECRET, "forum " + id + " authenticates with " + row.authMethod
                        + " and has no client secret to rotate");
            }
            IssuedSecret issued = SecretDigest.issue(id, random);
            row.secretDigest = issued.digest().bytes();
            row.secretIssuedOn = today(row.registeredOn);
            return log.append(entry(EntryKind.FORUM_SECRET_ROTATED,
                            Map.of("forum", id, "date", row.secretIssuedOn.toString())))
                    .replaceWith(() -> new Registration(ForumRecords.forum(row), Optional.of(issued.secret())));
        })).invoke(registration -> clients.forget(id));
    }

    private Uni<Registration> insert(ForumDefinition definition) {
        return ForumRow.<ForumRow>findById(definition.clientId()).flatMap(existing -> {
            if (existing != null) {
                throw duplicate(definition.clientId());
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("forum", definition.clientId());
            fields.putAll(ForumRecords.publicFields(definition));
            fields.put("date", today.toString());
            LogEntry logEntry = entry(EntryKind.FORUM_REGISTERED, fields);
            Optional<IssuedSecret> secret = definition.authentication() instanceof ClientAuthentication.ClientSecretBasic
                    ? Optional.of(SecretDigest.issue(definition.clientId(), random)) : Optional.empty();
            ForumRow row = ForumRecords.row(definition, secret, today);
            return row.persist().call(() -> log.append(logEntry))
                    .map(ignored -> new Registration(ForumRecords.forum(row), secret.map(IssuedSecret::secret)));
        });
    }

    /** The row of an active forum, locked for update, or the refusal. */
    private static Uni<ForumRow> locked(String id) {
        return ForumRow.<ForumRow>findById(id, LockModeType.PESSIMISTIC_WRITE).map(row -> {
            found(row, id);
            if (row.retiredOn != null) {
                throw new ForumRefusal(ForumProblem.ALREADY_RETIRED, "forum " + id + " was retired on " + row.retiredOn);
            }
            return row;
        });
    }

    private static ForumRow found(ForumRow row, String id) {
        if (row == null) {
            throw new ForumRefusal(ForumProblem.NO_SUCH_FORUM, "no forum " + ForumRules.printable(id));
        }
        return row;
    }

    /** The log entry, or a refusal when the definition is too large for one (64 KiB). */
    private static LogEntry entry(EntryKind kind, Map<String, ?> fields) {
        try {
            return LogEntry.of(kind, fields);
        } catch (IllegalArgumentException e) {
            throw new ForumRefusal(ForumProblem.TOO_LARGE,
                    "the definition does not fit in one log entry of " + LogEntry.MAX_BYTES + " bytes");
        }
    }

    /** Today (UTC), or the registration day if the clock went back since. */
    private static LocalDate today(LocalDate registeredOn) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.isBefore(registeredOn) ? registeredOn : today;
    }

    private static ForumRefusal duplicate(String id) {
        return new ForumRefusal(ForumProblem.DUPLICATE, "a forum " + ForumRules.printable(id)
                + " exists or existed; client ids are never reused, since pseudonyms derive from them");
    }
}
