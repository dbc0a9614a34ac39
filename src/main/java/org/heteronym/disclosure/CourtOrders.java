package org.heteronym.disclosure;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.heteronym.credential.X509RevocationChecker;
import org.heteronym.crypto.order.CourtOrderException;
import org.heteronym.crypto.order.CourtOrderSignature;
import org.heteronym.crypto.order.VerifiedCourtOrder;

/**
 * Checks a filed order (docs/disclosure.md §2): the CMS signature and path against the active court anchors, then
 * revocation of the path over the network, on a worker thread, answering on the caller's context.
 */
@ApplicationScoped
public class CourtOrders {

    private final CourtOrderRevocation revocation = new CourtOrderRevocation(new X509RevocationChecker());

    /** The anchor the order chains to, or a refusal naming the check that failed. */
    Uni<CourtAnchor> verify(Filing filing, List<CourtAnchor> active, Instant filedAt) {
        List<org.heteronym.crypto.order.CourtAnchor> anchors = active.stream()
                .map(a -> new org.heteronym.crypto.order.CourtAnchor(a.id.toString(), a.certificates()))
                .toList();
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<CourtAnchor> checked = Uni.createFrom().item(() -> {
                try {
                    VerifiedCourtOrder order = CourtOrderSignature.verify(filing.orderSignature(),
                            filing.orderSha256(), anchors, filing.orderDate(), List.of(filedAt));
                    revocation.check(order, filedAt);
                    return active.stream().filter(a -> a.id.toString().equals(order.anchorId())).findFirst()
                            .orElseThrow();
                } catch (CourtOrderException e) {
                    throw new DisclosureRefusal(DisclosureProblem.ORDER_INVALID, e.getMessage());
                }
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            return caller == null ? checked : checked.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
