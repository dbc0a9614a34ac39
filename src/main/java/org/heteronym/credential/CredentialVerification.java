package org.heteronym.credential;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** PLACEHOLDER until the credential registry lands: refuses everything as from an unknown issuer. */
@ApplicationScoped
public class CredentialVerification {

    public Uni<VerifiedCredential> verifyCertificateSignature(byte[] cmsSignedData, byte[] challenge) {
        return Uni.createFrom().failure(new CredentialRefusal(RefusalReason.UNKNOWN_ISSUER, "no anchors"));
    }

    public Uni<VerifiedCredential> verifyAttestation(String presentation, byte[] challenge, String audience) {
        return Uni.createFrom().failure(new CredentialRefusal(RefusalReason.UNKNOWN_ISSUER, "no authorities"));
    }
}
