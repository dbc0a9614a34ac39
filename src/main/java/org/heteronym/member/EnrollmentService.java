package org.heteronym.member;

import org.heteronym.crypto.Sha256;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.credential.CredentialRefusal;
import org.heteronym.credential.CredentialVerification;
import org.heteronym.credential.VerifiedCredential;
import org.heteronym.persistence.AdvisoryLocks;

/**
 * Enrollment, recovery and re-verification: evidence in, a sealed member out. The verified credential exists only in
 * memory during {@link #accept}; what is stored is sealed (identity), keyed (duplicate tag) or encrypted (status
 * handle). A refusal at any step stores nothing beyond having used the challenge.
 */
@ApplicationScoped
public class EnrollmentService {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final ChallengeService challenges;
    private final CredentialVerification verification;
    private final IdentitySealer sealer;
    private final MemberSecrets secrets;
    private final Duration pendingLifetime;

    EnrollmentService(ChallengeService challenges, CredentialVerification verification, IdentitySealer sealer,
                      MemberSecrets secrets,
                      @ConfigProperty(name = "heteronym.member.enrollment-lifetime") Duration pendingLifetime) {
        this.challenges = challenges;
        this.verification = verification;
        this.sealer = sealer;
        this.secrets = secrets;
        this.pendingLifetime = pendingLifetime;
    }

    /** Fails with {@link EnrollmentRefusal} if members cannot be enrolled now (no trustee-set epoch). */
    public Uni<Void> ready() {
        return sealer.requireEpoch();
    }

    /**
     * Verifies the evidence against the challenge it answers (consuming the challenge), seals it, and either refreshes
     * the signed-in member it belongs to or records a pending enrollment for the passkey step.
     *
     * @param signedInMember the member id of the current session, if any
     */
    public Uni<EnrollmentStep> accept(Evidence evidence, Optional<String> signedInMember) {
        try {
            evidence.requireOneKind();
        } catch (EnrollmentRefusal e) {
            return Uni.createFrom().failure(e);
        }
        return sealer.requireEpoch()
                .chain(() -> challenges.consume(evidence.challenge()))
                .chain(challenge -> verify(evidence, challenge))
                .onFailure(CredentialRefusal.class).transform(e -> EnrollmentRefusal.of((CredentialRefusal) e))
                .chain(this::seal)
                .chain(sealed -> Panache.withTransaction(() -> memberWithTag(sealed.duplicateTag())
                        .chain(existing -> {
                            if (existing != null && signedInMember.filter(existing.id::equals).isPresent()) {
                                existing.refresh(sealed);
                                return Uni.createFrom().item(new EnrollmentStep.Reverified(existing.id));
                            }
                            return pend(sealed, existing);
                        })));
    }

    /** The pending enrollment a browser token names, if it has not expired. */
    @WithSession
    public Uni<PendingEnrollment> pending(String token) {
        return PendingEnrollment.<PendingEnrollment>findById(hash(token)).map(pending -> {
            if (pending == null || pending.expiresAt.isBefore(Instant.now())) {
                throw EnrollmentRefusal.sessionExpired();
            }
            return pending;
        });
    }

    /**
     * Ends an enrollment with the passkey the browser registered: creates the member (or refreshes the existing one
     * with the same licence, adding the passkey: recovery) in one transaction that also consumes the pending row.
     *
     * @return the member id to sign in as
     */
    public Uni<String> complete(String token, WebAuthnCredentialRecord passkey) {
        byte[] tokenHash = hash(token);
        return Panache.withTransaction(() -> PendingEnrollment.<PendingEnrollment>findById(tokenHash)
                .chain(pending -> PendingEnrollment.delete("tokenHash = ?1 and expiresAt > ?2", tokenHash, Instant.now())
                        .chain(deleted -> {
                            if (pending == null || deleted != 1) {
                                throw EnrollmentRefusal.sessionExpired();
                            }
                            SealedEvidence sealed = pending.evidence;
                            return memberWithTag(sealed.duplicateTag())
                                    .chain(existing -> upsert(existing, pending.memberId, sealed));
                        })
                        .call(member -> Passkey.of(member.id, passkey).persist())
                        .map(member -> member.id)));
    }

    private Uni<VerifiedCredential> verify(Evidence evidence, Challenge challenge) {
        if (evidence.signature().isPresent()) {
            return verification.verifyCertificateSignature(evidence.signature().get(), challenge.signedBytes());
        }
        return verification.verifyAttestation(evidence.presentation().orElseThrow(), challenge.nonceBytes(),
                challenges.service());
    }

    private Uni<SealedEvidence> seal(VerifiedCredential credential) {
        return sealer.seal(credential).map(identity -> {
            byte[] tag = secrets.duplicateTag(credential);
            byte[] handle = secrets.sealHandle(credential.statusHandle().encode(), tag);
            return new SealedEvidence(credential.profession().name(), credential.authority(),
                    credential.kind().name(), tag, identity.epochId(), identity.envelope(), handle);
        });
    }

    private Uni<EnrollmentStep> pend(SealedEvidence sealed, Member existing) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        String memberId = existing != null ? existing.id : MemberIds.random(random);
        PendingEnrollment pending = PendingEnrollment.of(hash(B64URL.encodeToString(token)), memberId, existing != null, sealed,
                Instant.now().plus(pendingLifetime));
        return pending.persist().replaceWith(new EnrollmentStep.Pending(B64URL.encodeToString(token),
                sealed.profession(), sealed.authority(), existing != null));
    }

    private static Uni<Member> upsert(Member existing, String proposedId, SealedEvidence sealed) {
        if (existing != null) {
            existing.refresh(sealed);
            return Uni.createFrom().item(existing);
        }
        Member member = new Member();
        member.id = proposedId;
        member.refresh(sealed);
        return member.persist();
    }

    /**
     * The member holding a licence, if any; the lock on the tag makes two concurrent enrollments with one licence end
     * in one member.
     */
    private static Uni<Member> memberWithTag(byte[] duplicateTag) {
        return AdvisoryLocks.lockForTransaction(duplicateTag)
                .chain(locked -> Member.<Member>find("evidence.duplicateTag", duplicateTag).firstResult());
    }

    static byte[] hash(String token) {
        return Sha256.of(token);
    }
}
