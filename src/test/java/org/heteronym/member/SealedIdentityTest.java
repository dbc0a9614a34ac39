package org.heteronym.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EnvelopeOpener;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.OpeningException;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.crypto.escrow.VerifiedShare;
import org.heteronym.crypto.escrow.dkg.DkgResult;
import org.heteronym.testing.TestEpoch;
import org.junit.jupiter.api.Test;

/**
 * What enrollment seals is the member's real identity under the current trustee set: two of three trustees,
 * together, open the stored envelope to the name and licence number of the certificate; one alone cannot.
 */
@QuarkusTest
class SealedIdentityTest {

    @Test
    void theStoredEnvelopeOpensWithTwoTrusteesToTheCertificatesIdentity() throws Throwable {
        try (MemberFixture fixture = MemberFixture.start()) {
            TestEpoch epoch = TestEpoch.establish(2, 3); // the newest epoch is the one enrollment seals under
            String licence = MemberFixture.freshLicence();
            fixture.enrolled(fixture.pki.physician("Rosalie Verdier", licence));

            Member member = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> Member.<Member>find("evidence.epochId", epoch.epochId()).singleResult()));
            Envelope envelope = Envelope.decode(member.evidence.envelope());
            EpochKey key = epoch.trustees().getFirst().outcome().epochKey();
            OfficerKeyPair officer = OfficerKeyPair.generate(new SecureRandom());
            ShareContext context = new ShareContext(1, Hash32.sha256(new byte[] {1}), 0, envelope.envelopeHash(), 2,
                    Hash32.sha256(new byte[] {2}), Hash32.fromHex(epoch.epochId()), 1, officer.publicKey());

            List<VerifiedShare> shares = new ArrayList<>();
            for (DkgResult trustee : epoch.trustees().subList(1, 3)) {
                ShareContext addressed = context.forTrustee(trustee.trusteeKey().index());
                shares.add(ShareVerifier.verify(ShareProver.createShare(trustee.trusteeKey(), envelope, addressed,
                        new SecureRandom()), envelope, addressed, key));
            }
            IdentityRecord record = EnvelopeOpener.open(envelope, shares, officer, key).record();
            assertEquals("Rosalie Verdier", record.fullName());
            assertEquals(licence, record.licenceNumber());
            assertEquals(fixture.anchorId, record.licensingAuthority());
            assertEquals("physician", record.profession());
            assertEquals(LocalDate.now(ZoneOffset.UTC), record.enrollmentDate());

            assertThrows(OpeningException.class, () -> EnvelopeOpener.open(envelope, shares.subList(0, 1), officer, key));
        }
    }

}
