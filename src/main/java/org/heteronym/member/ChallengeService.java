package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.credential.RefusalReason;

/** Issues challenges and consumes each at most once, before it expires. */
@ApplicationScoped
public class ChallengeService {

    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;
    private final String service;

    ChallengeService(@ConfigProperty(name = "heteronym.member.challenge-lifetime") Duration lifetime,
                     @ConfigProperty(name = "heteronym.public-url") String service) {
        this.lifetime = lifetime;
        this.service = service;
    }

    @WithTransaction
    public Uni<Challenge> issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        CredentialChallenge row = new CredentialChallenge();
        row.value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        row.expiresAt = Instant.now().plus(lifetime);
        return row.persist().replaceWith(new Challenge(row.value, service));
    }

    /**
     * Deletes the challenge if it exists and has not expired; the single delete makes two concurrent uses of one
     * challenge impossible. Fails with {@link EnrollmentRefusal} CHALLENGE_EXPIRED otherwise.
     */
    @WithTransaction
    public Uni<Challenge> consume(String value) {
        if (value == null || !Challenge.VALUE.matcher(value).matches()) {
            return Uni.createFrom().failure(EnrollmentRefusal.of(RefusalReason.CHALLENGE_EXPIRED));
        }
        return CredentialChallenge.delete("value = ?1 and expiresAt > ?2", value, Instant.now()).map(deleted -> {
            if (deleted != 1) {
                throw EnrollmentRefusal.of(RefusalReason.CHALLENGE_EXPIRED);
            }
            return new Challenge(value, service);
        });
    }

    public String service() {
        return service;
    }
}
