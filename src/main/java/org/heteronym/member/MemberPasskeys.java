package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.quarkus.security.webauthn.WebAuthnUserProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Where Quarkus WebAuthn finds passkeys. The WebAuthn "username" is the member id. New passkeys are stored by
 * {@link EnrollmentService#complete}, in the transaction that creates or refreshes the member, never through
 * {@link #store}.
 */
@ApplicationScoped
public class MemberPasskeys implements WebAuthnUserProvider {

    /** The role of a signed-in member; staff roles come only from staff tokens. */
    public static final String MEMBER_ROLE = "member";

    @Override
    @WithSession
    public Uni<List<WebAuthnCredentialRecord>> findByUsername(String memberId) {
        return Passkey.<Passkey>list("memberId", memberId)
                .map(passkeys -> passkeys.stream().map(Passkey::toRecord).toList());
    }

    @Override
    @WithSession
    public Uni<WebAuthnCredentialRecord> findByCredentialId(String credentialId) {
        return Passkey.<Passkey>findById(credentialId).map(passkey -> {
            if (passkey == null) {
                throw new IllegalArgumentException("unknown passkey");
            }
            return passkey.toRecord();
        });
    }

    /** Records the authenticator's signature counter after a sign-in (a counter that goes back signals a clone). */
    @Override
    @WithTransaction
    public Uni<Void> update(String credentialId, long counter) {
        return Passkey.update("signCount = ?1 where credentialId = ?2", counter, credentialId).replaceWithVoid();
    }

    @Override
    public Uni<Void> store(WebAuthnCredentialRecord record) {
        return Uni.createFrom().failure(new UnsupportedOperationException("passkeys are stored by enrollment"));
    }

    @Override
    public Set<String> getRoles(String memberId) {
        return Set.of(MEMBER_ROLE);
    }
}
