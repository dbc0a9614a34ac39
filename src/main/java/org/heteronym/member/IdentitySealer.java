package org.heteronym.member;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.credential.VerifiedCredential;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.escrow.EpochRegistry;

/**
 * Seals a verified credential into an identity envelope under the current trustee-set epoch. After this the
 * service cannot read the identity back: only t trustees together can.
 */
@ApplicationScoped
class IdentitySealer {

    /** The sealed identity as stored on a member row. */
    record SealedIdentity(String epochId, byte[] envelope) {
    }

    private final SecureRandom random = new SecureRandom();
    private final EpochRegistry epochs;
    private final int chunkCount;

    IdentitySealer(EpochRegistry epochs, @ConfigProperty(name = "heteronym.escrow.chunk-count") int chunkCount) {
        this.epochs = epochs;
        this.chunkCount = chunkCount;
    }

    Uni<SealedIdentity> seal(VerifiedCredential credential) {
        return epochs.current().map(current -> {
            var epoch = current.orElseThrow(EnrollmentRefusal::notReady);
            Envelope envelope;
            try {
                envelope = Envelopes.seal(record(credential), chunkCount, epochs.key(epoch), random);
            } catch (IllegalArgumentException e) {
                // RecordTooLargeException included: a name or number longer than the fixed-size record allows
                throw EnrollmentRefusal.unsealable();
            }
            return new SealedIdentity(epoch.id, envelope.encode());
        });
    }

    /** Fails with {@link EnrollmentRefusal#notReady()} when no epoch exists, so a page can say so before any upload. */
    Uni<Void> requireEpoch() {
        return epochs.current().map(current -> current.orElseThrow(EnrollmentRefusal::notReady)).replaceWithVoid();
    }

    private static IdentityRecord record(VerifiedCredential credential) {
        return new IdentityRecord(nfc(credential.authority()), nfc(credential.licenceNumber()),
                nfc(credential.fullName()), credential.dateOfBirth(), credential.profession().label(),
                Hash32.of(credential.evidenceDigest()), LocalDate.now(ZoneOffset.UTC));
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
