package org.heteronym.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OpeningException;
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
            IdentityRecord record = epoch.open(envelope, 2, 3);
            assertEquals("Rosalie Verdier", record.fullName());
            assertEquals(licence, record.licenceNumber());
            assertEquals(fixture.anchorId, record.licensingAuthority());
            assertEquals("physician", record.profession());
            assertEquals(LocalDate.now(ZoneOffset.UTC), record.enrollmentDate());

            assertThrows(OpeningException.class, () -> epoch.open(envelope, 2));
        }
    }

}
