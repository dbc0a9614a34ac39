package org.heteronym.credential;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heteronym.log.EntryKind;
import org.heteronym.persistence.UniqueViolations;
import org.heteronym.log.LogAppender;

/**
 * The operator registers and retires the CAs whose health-professional certificates the service accepts. Each change
 * commits with its log entry in one transaction, then {@link CredentialVerification} reloads, so the answer to the
 * operator comes after this replica verifies with the new set.
 */
@ApplicationScoped
public class TrustAnchorRegistry {

    private final LogAppender log;
    private final CredentialVerification verification;

    TrustAnchorRegistry(LogAppender log, CredentialVerification verification) {
        this.log = log;
        this.verification = verification;
    }

    public Uni<Registered<X509TrustAnchor>> register(TrustAnchorSpec spec) {
        return Uni.createFrom().item(() -> spec.validate(Instant.now()))
                .flatMap(anchor -> Panache.withTransaction(() -> insert(anchor)))
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> duplicateId(spec.id()))
                .call(verification::refreshAfterChange);
    }

    public Uni<List<Registered<X509TrustAnchor>>> list() {
        return Panache.withSession(() -> TrustAnchorRow.<TrustAnchorRow>listAll(Sort.by("id")))
                .map(rows -> rows.stream().map(RegistryJson::anchor).toList());
    }

    /** Stops trusting the anchor; its row and log entries stay, and its id is never given to another anchor. */
    public Uni<Registered<X509TrustAnchor>> retire(String id) {
        return Panache.withTransaction(() -> TrustAnchorRow.<TrustAnchorRow>findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(row -> {
                            RegistryRow.retire(row, id, "trust anchor", CredentialProblem.NO_SUCH_ANCHOR);
                            return log.append(RegistryWrites.entry(EntryKind.TRUST_ANCHOR_RETIRED, Map.of(
                                    "anchor", id, "date", row.retiredOn.toString()))).replaceWith(row);
                        }))
                .map(RegistryJson::anchor)
                .call(verification::refreshAfterChange);
    }

    private Uni<Registered<X509TrustAnchor>> insert(X509TrustAnchor anchor) {
        return TrustAnchorRow.<TrustAnchorRow>findById(anchor.id()).flatMap(existing -> {
            if (existing != null) {
                throw duplicateId(anchor.id());
            }
            return TrustAnchorRow.<TrustAnchorRow>list("retiredOn is null");
        }).flatMap(active -> {
            // two active anchors holding one CA would make the credential's authority depend on lookup order
            Set<String> fingerprints = new HashSet<>();
            active.forEach(row -> RegistryJson.anchor(row).definition().caCertificates()
                    .forEach(c -> fingerprints.add(CaCertificates.sha256(c))));
            for (var cert : anchor.caCertificates()) {
                if (fingerprints.contains(CaCertificates.sha256(cert))) {
                    throw new CredentialAdminRefusal(CredentialProblem.DUPLICATE, "CA certificate "
                            + CaCertificates.sha256(cert) + " already belongs to an active trust anchor");
                }
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            TrustAnchorRow row = RegistryJson.row(anchor, today);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("anchor", anchor.id());
            fields.putAll(RegistryJson.anchorFields(anchor));
            fields.put("date", today.toString());
            var entry = RegistryWrites.entry(EntryKind.TRUST_ANCHOR_REGISTERED, fields);
            return row.persist().call(() -> log.append(entry)).map(ignored -> RegistryJson.anchor(row));
        });
    }

    private static CredentialAdminRefusal duplicateId(String id) {
        return new CredentialAdminRefusal(CredentialProblem.DUPLICATE,
                "a trust anchor " + id + " exists or existed; ids are never reused");
    }
}
