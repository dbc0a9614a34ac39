package org.heteronym.credential;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heteronym.log.EntryKind;
import org.heteronym.persistence.UniqueViolations;
import org.heteronym.log.LogAppender;

/**
 * The operator registers and retires the licensing authorities whose attestations the service accepts; each change
 * commits with its log entry, then {@link CredentialVerification} reloads. At most one active authority per issuer,
 * because attestations name their authority by {@code iss} alone.
 */
@ApplicationScoped
public class LicensingAuthorityRegistry {

    private final LogAppender log;
    private final CredentialVerification verification;

    LicensingAuthorityRegistry(LogAppender log, CredentialVerification verification) {
        this.log = log;
        this.verification = verification;
    }

    public Uni<Registered<LicensingAuthority>> register(LicensingAuthoritySpec spec) {
        return Uni.createFrom().item(spec::validate)
                .flatMap(authority -> Panache.withTransaction(() -> insert(authority)))
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> new CredentialAdminRefusal(
                        CredentialProblem.DUPLICATE, "another registration of this id or issuer came first"))
                .call(verification::refreshAfterChange);
    }

    public Uni<List<Registered<LicensingAuthority>>> list() {
        return Panache.withSession(() -> LicensingAuthorityRow.<LicensingAuthorityRow>listAll(Sort.by("id")))
                .map(rows -> rows.stream().map(RegistryJson::authority).toList());
    }

    /** Stops trusting the authority; its row and log entries stay, and its id is never given to another one. */
    public Uni<Registered<LicensingAuthority>> retire(String id) {
        return Panache.withTransaction(() -> LicensingAuthorityRow.<LicensingAuthorityRow>findById(id,
                                LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(row -> {
                            RegistryRow.retire(row, id, "licensing authority", CredentialProblem.NO_SUCH_AUTHORITY);
                            return log.append(RegistryWrites.entry(EntryKind.LICENSING_AUTHORITY_RETIRED, Map.of(
                                    "authority", id, "date", row.retiredOn.toString()))).replaceWith(row);
                        }))
                .map(RegistryJson::authority)
                .call(verification::refreshAfterChange);
    }

    private Uni<Registered<LicensingAuthority>> insert(LicensingAuthority authority) {
        return LicensingAuthorityRow.<LicensingAuthorityRow>find("id = ?1 or (issuer = ?2 and retiredOn is null)",
                authority.id(), authority.issuer()).list().flatMap(clashes -> {
            if (clashes.stream().anyMatch(clash -> clash.id.equals(authority.id()))) {
                throw new CredentialAdminRefusal(CredentialProblem.DUPLICATE, "a licensing authority "
                        + authority.id() + " exists or existed; ids are never reused");
            }
            if (!clashes.isEmpty()) {
                throw new CredentialAdminRefusal(CredentialProblem.DUPLICATE, "the active licensing authority "
                        + clashes.getFirst().id + " already has this issuer");
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LicensingAuthorityRow row = RegistryJson.row(authority, today);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("authority", authority.id());
            fields.putAll(RegistryJson.authorityFields(authority));
            fields.put("date", today.toString());
            var entry = RegistryWrites.entry(EntryKind.LICENSING_AUTHORITY_REGISTERED, fields);
            return row.persist().call(() -> log.append(entry)).map(ignored -> RegistryJson.authority(row));
        });
    }
}
