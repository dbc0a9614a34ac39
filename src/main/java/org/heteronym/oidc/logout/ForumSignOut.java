package org.heteronym.oidc.logout;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.escrow.Pseudonym;
import org.heteronym.escrow.PseudonymKey;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumRegistry;
import org.heteronym.forum.Pseudonyms;
import org.heteronym.member.SuspensionListener;
import org.heteronym.oidc.TokenRevocations;

/**
 * A suspended member is signed out of every forum they use: at each active forum where they have a pseudonym, the
 * pseudonym's access tokens are revoked and, if the forum registered a back-channel logout URI, a logout token is
 * queued for it ({@link LogoutDeliveries}). All of it joins the suspension's transaction. Nothing says why.
 */
@ApplicationScoped
public class ForumSignOut implements SuspensionListener {

    private final SecureRandom random = new SecureRandom();
    private final ForumRegistry forums;
    private final Pseudonyms pseudonyms;
    private final TokenRevocations revocations;
    private final Duration firstDelayMax;
    private final Duration giveUpAfter;

    ForumSignOut(ForumRegistry forums, Pseudonyms pseudonyms, TokenRevocations revocations,
                 @ConfigProperty(name = "heteronym.oidc.logout.first-delay-max") Duration firstDelayMax,
                 @ConfigProperty(name = "heteronym.oidc.logout.give-up-after") Duration giveUpAfter) {
        this.forums = forums;
        this.pseudonyms = pseudonyms;
        this.revocations = revocations;
        this.firstDelayMax = firstDelayMax;
        this.giveUpAfter = giveUpAfter;
    }

    @Override
    public Uni<Void> suspended(String memberId) {
        return forums.list().chain(all -> Multi.createFrom().iterable(all).filter(Forum::active).onItem()
                .transformToUniAndConcatenate(forum -> signOut(forum, pseudonyms.pseudonym(memberId,
                        forum.clientId()).subject()))
                .collect().last()).replaceWithVoid();
    }

    private Uni<Void> signOut(Forum forum, String pseudonym) {
        return Pseudonym.<Pseudonym>findById(new PseudonymKey(forum.clientId(), pseudonym)).chain(row -> {
            if (row == null) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> revoked = revocations.revokeSubject(forum.clientId(), pseudonym);
            if (forum.definition().backchannelLogoutUri().isEmpty()) {
                return revoked;
            }
            return revoked.chain(() -> queue(forum.clientId(), pseudonym));
        });
    }

    private Uni<Void> queue(String clientId, String pseudonym) {
        Instant now = Instant.now();
        LogoutDelivery delivery = new LogoutDelivery();
        delivery.id = UUID.randomUUID();
        delivery.clientId = clientId;
        delivery.pseudonym = pseudonym;
        // jitter, so that one member's rows at several forums do not carry one timestamp
        delivery.nextAttemptAt = now.plusMillis(firstDelayMax.isZero() ? 0
                : (long) (random.nextDouble() * firstDelayMax.toMillis()));
        delivery.giveUpAt = delivery.nextAttemptAt.plus(giveUpAfter);
        return delivery.persist().replaceWithVoid();
    }
}
