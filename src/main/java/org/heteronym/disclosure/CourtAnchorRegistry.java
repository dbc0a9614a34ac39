package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.heteronym.credential.CaCertificates;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/** The operator registers and retires court anchors; each change commits with its log entry. */
@ApplicationScoped
public class CourtAnchorRegistry {

    private static final int MAX_NAME = 200;
    private static final int MAX_CERTIFICATES = 4;

    private final LogAppender log;

    CourtAnchorRegistry(LogAppender log) {
        this.log = log;
    }

    public Uni<CourtAnchor> register(String name, List<String> pemCertificates) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new DisclosureRefusal(DisclosureProblem.BAD_ANCHOR, "name must be 1 to " + MAX_NAME + " characters");
        }
        if (pemCertificates == null || pemCertificates.isEmpty() || pemCertificates.size() > MAX_CERTIFICATES) {
            throw new DisclosureRefusal(DisclosureProblem.BAD_ANCHOR,
                    "ca_certificates must hold 1 to " + MAX_CERTIFICATES + " PEM certificates");
        }
        List<X509Certificate> certs = CaCertificates.parseAll(pemCertificates, Instant.now());
        return Panache.withTransaction(() -> CourtAnchor.<CourtAnchor>find("name", name).firstResult().flatMap(same -> {
            if (same != null) {
                throw new DisclosureRefusal(DisclosureProblem.DUPLICATE, "a court anchor named " + name + " exists");
            }
            CourtAnchor anchor = new CourtAnchor();
            anchor.id = UUID.randomUUID();
            anchor.name = name;
            anchor.caCertificates = certs.stream().map(c -> Base64.getEncoder().encodeToString(CaCertificates.der(c)))
                    .collect(Collectors.joining(","));
            anchor.registeredOn = LocalDate.now(ZoneOffset.UTC);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("anchor", anchor.id.toString());
            fields.put("name", name);
            fields.put("ca_certificates", List.of(anchor.caCertificates.split(",")));
            fields.put("sha256", certs.stream().map(CaCertificates::sha256).toList());
            fields.put("date", anchor.registeredOn.toString());
            return anchor.persist().call(() -> log.append(LogEntry.of(EntryKind.COURT_ANCHOR_REGISTERED, fields)))
                    .replaceWith(anchor);
        }));
    }

    public Uni<List<CourtAnchor>> list() {
        return Panache.withSession(() -> CourtAnchor.listAll(Sort.by("name")));
    }

    public Uni<List<CourtAnchor>> active() {
        return Panache.withSession(() -> CourtAnchor.list("retiredOn is null"));
    }

    public Uni<CourtAnchor> retire(UUID id) {
        return Panache.withTransaction(() -> CourtAnchor.<CourtAnchor>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(anchor -> {
                    if (anchor == null) {
                        throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND, "no court anchor " + id);
                    }
                    if (!anchor.active()) {
                        return Uni.createFrom().item(anchor);
                    }
                    anchor.retiredOn = LocalDate.now(ZoneOffset.UTC);
                    return log.append(LogEntry.of(EntryKind.COURT_ANCHOR_RETIRED, Map.of(
                            "anchor", id.toString(), "date", anchor.retiredOn.toString()))).replaceWith(anchor);
                }));
    }
}
