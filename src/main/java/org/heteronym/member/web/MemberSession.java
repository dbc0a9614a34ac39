package org.heteronym.member.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.heteronym.member.EnrollmentRefusal;
import org.heteronym.member.MemberPasskeys;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/** The member signed in through a passkey session cookie; a staff bearer token is never a member session. */
public final class MemberSession {

    private static final Logger LOG = Logger.getLogger(MemberSession.class);

    private MemberSession() {
    }

    public static Uni<Optional<String>> memberId(CurrentIdentityAssociation identities) {
        return identities.getDeferredIdentity().map(identity -> identity.isAnonymous()
                || !identity.hasRole(MemberPasskeys.MEMBER_ROLE)
                || identity.getPrincipal() instanceof JsonWebToken
                ? Optional.<String>empty() : Optional.of(identity.getPrincipal().getName()));
    }

    /**
     * A WebAuthn registration or assertion that did not verify becomes a plain refusal: the member learns to retry,
     * the operator's log learns the kind of failure, and neither learns a member id.
     */
    static Uni<WebAuthnCredentialRecord> verified(Uni<WebAuthnCredentialRecord> ceremony) {
        return ceremony.onFailure(e -> !(e instanceof EnrollmentRefusal)).transform(e -> {
            LOG.infof("passkey ceremony refused: %s", e.getClass().getSimpleName());
            return EnrollmentRefusal.passkeyRejected();
        });
    }
}
