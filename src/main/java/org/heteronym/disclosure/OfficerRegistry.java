package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/**
 * The operator registers legal officers: the staff-token subject they log in with and the officer key their shares
 * are encrypted to. The log shows the officer's id, name and key, never the staff subject.
 */
@ApplicationScoped
public class OfficerRegistry {

    private static final int MAX_TEXT = 200;

    private final LogAppender log;

    OfficerRegistry(LogAppender log) {
        this.log = log;
    }

    public Uni<LegalOfficer> register(String subject, String name, String publicKeyBase64) {
        require(subject, "subject");
        require(name, "name");
        byte[] key = decodeKey(publicKeyBase64);
        return Panache.withTransaction(() -> LegalOfficer.<LegalOfficer>find("subject = ?1 or publicKey = ?2", subject, key)
                .firstResult().flatMap(existing -> {
                    if (existing != null) {
                        throw new DisclosureRefusal(DisclosureProblem.DUPLICATE,
                                "an officer with this subject or key is registered (keys and subjects are never reused)");
                    }
                    LegalOfficer officer = new LegalOfficer();
                    officer.id = UUID.randomUUID();
                    officer.subject = subject;
                    officer.name = name;
                    officer.publicKey = key;
                    officer.registeredOn = LocalDate.now(ZoneOffset.UTC);
                    return officer.persist().call(() -> log.append(LogEntry.of(EntryKind.OFFICER_REGISTERED, Map.of(
                            "officer", officer.id.toString(),
                            "name", name,
                            "public_key", Base64.getEncoder().encodeToString(key),
                            "date", officer.registeredOn.toString())))).replaceWith(officer);
                }));
    }

    public Uni<List<LegalOfficer>> list() {
        return Panache.withSession(() -> LegalOfficer.listAll(Sort.by("name")));
    }

    /** The active officer a staff token's subject names, or a 403 refusal. */
    public Uni<LegalOfficer> bySubject(String subject) {
        return LegalOfficer.<LegalOfficer>find("subject", subject).firstResult().map(officer -> {
            if (officer == null || !officer.active()) {
                throw new DisclosureRefusal(DisclosureProblem.OFFICER_NOT_REGISTERED,
                        "your staff account is not registered as a legal officer with a key; ask the operator");
            }
            return officer;
        });
    }

    public Uni<LegalOfficer> retire(UUID id) {
        return Panache.withTransaction(() -> LegalOfficer.<LegalOfficer>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(officer -> {
                    if (officer == null) {
                        throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND, "no officer " + id);
                    }
                    if (!officer.active()) {
                        return Uni.createFrom().item(officer);
                    }
                    officer.retiredOn = LocalDate.now(ZoneOffset.UTC);
                    return log.append(LogEntry.of(EntryKind.OFFICER_RETIRED, Map.of(
                            "officer", id.toString(), "date", officer.retiredOn.toString()))).replaceWith(officer);
                }));
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new DisclosureRefusal(DisclosureProblem.BAD_REQUEST, field + " must be 1 to " + MAX_TEXT + " characters");
        }
    }

    private static byte[] decodeKey(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64 == null ? "" : base64);
            Point.decode(key);
            return key;
        } catch (IllegalArgumentException | MalformedEncodingException e) {
            throw new DisclosureRefusal(DisclosureProblem.BAD_KEY,
                    "public_key must be the base64 of a 33-byte compressed P-256 point (heteronym officer keygen prints it)");
        }
    }
}
