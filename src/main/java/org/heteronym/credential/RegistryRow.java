package org.heteronym.credential;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import org.heteronym.web.ProblemType;

/** What a trust anchor's and a licensing authority's rows share: an id never reused, and the two dates. */
@MappedSuperclass
public abstract class RegistryRow extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;
    @Column(name = "retired_on")
    public LocalDate retiredOn;

    /**
     * Marks {@code row} (locked by the caller) retired today, refusing a missing or already retired one.
     *
     * @param noun    "trust anchor" or "licensing authority", for the refusal's detail
     * @param missing the problem when there is no such row
     */
    static <R extends RegistryRow> R retire(R row, String id, String noun, ProblemType missing) {
        if (row == null) {
            throw new CredentialAdminRefusal(missing, "no " + noun + " " + RegistryRules.printable(id));
        }
        if (row.retiredOn != null) {
            throw new CredentialAdminRefusal(CredentialProblem.ALREADY_RETIRED,
                    noun + " " + id + " was retired on " + row.retiredOn);
        }
        row.retiredOn = RegistryWrites.today(row.registeredOn);
        return row;
    }
}
