package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EnvelopeOpener;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.crypto.escrow.TestDrbg;
import org.heteronym.crypto.escrow.VerifiedShare;
import org.junit.jupiter.api.Test;

/** A trustee that lost its share recovers it from its static key and the logged transcript. */
class ShareRecoveryTest {
    @Test
    void everyTrusteeRecoversAWorkingShareFromItsStaticKeyAndTheTranscript() throws Exception {
        InProcessCeremony c = new InProcessCeremony(2, 3, "recovery");
        List<DkgResult> original = c.run();
        DkgTranscript logged = DkgTranscript.decode(original.get(0).transcript().encode());
        List<DkgResult> recovered = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            DkgResult r = ShareRecovery.recover(c.keys.get(i - 1), logged);
            assertEquals(original.get(i - 1).outcome(), r.outcome());
            assertEquals(i, r.trusteeKey().index());
            assertEquals(original.get(i - 1).trusteeKey().publicKey(), r.trusteeKey().publicKey());
            recovered.add(r);
        }
        TestDrbg random = new TestDrbg("recovery-open");
        IdentityRecord record = new IdentityRecord("GMC", "1234567", "Dr. R. Covery", Optional.empty(), "Surgeon",
                Hash32.sha256(new byte[] {9}), LocalDate.of(2026, 2, 2));
        Envelope env = Envelopes.seal(record, 8, recovered.get(0).epochKey(), random);
        OfficerKeyPair officer = OfficerKeyPair.generate(random);
        List<VerifiedShare> shares = new ArrayList<>();
        for (int i : new int[] {1, 3}) {
            ShareContext ctx = new ShareContext(5, Hash32.sha256("req".getBytes(StandardCharsets.US_ASCII)), 4,
                    env.envelopeHash(), 6, Hash32.sha256("root".getBytes(StandardCharsets.US_ASCII)), env.epochId(), i,
                    officer.publicKey());
            shares.add(ShareVerifier.verify(ShareProver.createShare(recovered.get(i - 1).trusteeKey(), env, ctx,
                    random), env, ctx, original.get(1).epochKey()));
        }
        assertEquals(record, EnvelopeOpener.open(env, shares, officer, original.get(2).epochKey()).record());
    }

    @Test
    void recoveryRefusesAnUnsignedTranscriptAndAForeignKey() throws Exception {
        InProcessCeremony c = new InProcessCeremony(2, 3, "recovery-refusals");
        DkgTranscript t = c.run().get(0).transcript();
        List<byte[]> r2 = new ArrayList<>(t.round2Messages());
        byte[] bad = r2.get(0).clone();
        bad[10] ^= 1;
        r2.set(0, bad);
        assertThrows(DkgAbortException.class,
                () -> ShareRecovery.recover(c.keys.get(1), new DkgTranscript(t.parameters(), t.round1Messages(), r2)));
        assertThrows(IllegalArgumentException.class,
                () -> ShareRecovery.recover(StaticKeyPair.generate(new TestDrbg("stranger")), t));
    }
}
