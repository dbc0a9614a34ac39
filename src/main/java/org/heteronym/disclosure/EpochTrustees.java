package org.heteronym.disclosure;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.heteronym.escrow.Ceremony;
import org.heteronym.escrow.CeremonyCoordinator;
import org.heteronym.escrow.CeremonyParticipant;
import org.heteronym.escrow.Epoch;

/** Which registered trustee holds which share index of an epoch: the order of its ceremony's participants. */
@ApplicationScoped
public class EpochTrustees {

    /** Index i of {@code trustee} in the epoch, or a 403 refusal. Must run in a session. */
    public Uni<Integer> indexOf(String epochId, UUID trustee) {
        return Epoch.<Epoch>findById(epochId)
                .flatMap(epoch -> Ceremony.<Ceremony>findById(epoch.ceremonyId))
                .map(ceremony -> CeremonyCoordinator.participants(ceremony).stream()
                        .filter(p -> p.trustee().equals(trustee))
                        .map(CeremonyParticipant::index)
                        .findFirst()
                        .orElseThrow(() -> new DisclosureRefusal(DisclosureProblem.NOT_A_TRUSTEE,
                                "you hold no share of the epoch this envelope is sealed under")));
    }

    public Uni<Boolean> isTrustee(String epochId, UUID trustee) {
        return indexOf(epochId, trustee).replaceWith(true)
                .onFailure(DisclosureRefusal.class).recoverWithItem(false);
    }
}
