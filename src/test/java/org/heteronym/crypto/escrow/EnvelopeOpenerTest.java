package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opener only combines consistent, verified, sufficient shares for the logged envelope. */
class EnvelopeOpenerTest extends ShareScenario {
    @Test
    void verifiedSharesOpenTheEnvelope() throws Exception {
        assertDoesNotThrow(() -> EnvelopeOpener.open(env, verifiedShares(1, 2, 3), officer, dealt.epoch()));
    }

    @Test
    void duplicateTrusteeIndicesAreRejectedWhenCombining() throws Exception {
        List<VerifiedShare> shares = verifiedShares(1, 2, 2);
        OpeningException e = assertThrows(OpeningException.class,
                () -> EnvelopeOpener.open(env, shares, officer, dealt.epoch()));
        assertTrue(e.getMessage().contains("duplicate"));
        assertThrows(OpeningException.class, () -> EnvelopeOpener.recover(env, shares, officer.secret()));
    }

    @Test
    void anotherOfficersPrivateKeyCannotOpen() throws Exception {
        List<VerifiedShare> shares = verifiedShares(1, 2, 3);
        OfficerKeyPair intruder = OfficerKeyPair.generate(random);
        assertThrows(OpeningException.class, () -> EnvelopeOpener.open(env, shares, intruder, dealt.epoch()));
        // Even without the key check, decrypting with the wrong ρ yields garbage.
        assertThrows(OpeningException.class, () -> EnvelopeOpener.recover(env, shares, intruder.secret()));
    }

    @Test
    void sharesForDifferentRequestsCannotBeCombined() throws Exception {
        List<VerifiedShare> shares = verifiedShares(1, 2);
        ShareContext requestB = new ShareContext(43, Hash32.sha256("request-43".getBytes()), 7, env.envelopeHash(),
                100, ctx1.checkpointRoot(), env.epochId(), 3, officer.publicKey());
        shares.add(ShareVerifier.verify(ShareProver.createShare(dealt.trustee(3), env, requestB, random), env,
                requestB, dealt.epoch()));
        assertThrows(OpeningException.class, () -> EnvelopeOpener.open(env, shares, officer, dealt.epoch()));
    }

    @Test
    void openerRejectsAnEnvelopeWhoseHashIsNotTheLoggedOne() throws Exception {
        List<VerifiedShare> shares = verifiedShares(1, 2, 3);
        byte[] enc = env.encode();
        byte[] swapped = enc.clone();
        System.arraycopy(enc, 34, swapped, 34 + 66, 66);
        System.arraycopy(enc, 34 + 66, swapped, 34, 66);
        Envelope reordered = Envelope.decode(swapped);
        OpeningException e = assertThrows(OpeningException.class,
                () -> EnvelopeOpener.open(reordered, shares, officer, dealt.epoch()));
        assertTrue(e.getMessage().contains("hash"));
    }

    @Test
    void reorderedEnvelopeLoggedUnderItsOwnHashOpensToNoValidRecord() throws Exception {
        // Even if a reordered envelope were logged and honestly decrypted, the first chunk no longer starts
        // with the record version, so opening fails record validation instead of yielding a wrong identity.
        byte[] enc = env.encode();
        byte[] swapped = enc.clone();
        System.arraycopy(enc, 34, swapped, 34 + 66, 66);
        System.arraycopy(enc, 34 + 66, swapped, 34, 66);
        Envelope reordered = Envelope.decode(swapped);
        List<VerifiedShare> shares = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ShareContext ctx = Fixtures.context(reordered, i, officer.publicKey());
            shares.add(ShareVerifier.verify(ShareProver.createShare(dealt.trustee(i), reordered, ctx, random),
                    reordered, ctx, dealt.epoch()));
        }
        OpeningException e = assertThrows(OpeningException.class,
                () -> EnvelopeOpener.open(reordered, shares, officer, dealt.epoch()));
        assertTrue(e.getMessage().contains("identity record"));
    }

    @Test
    void fewerThanThresholdSharesAreRefused() throws Exception {
        List<VerifiedShare> shares = verifiedShares(4, 5);
        OpeningException e = assertThrows(OpeningException.class,
                () -> EnvelopeOpener.open(env, shares, officer, dealt.epoch()));
        assertTrue(e.getMessage().contains("need 3"));
    }

    @Test
    void openedIdentityNamesTheDisclosureAndTrustees() throws Exception {
        OpenedIdentity opened = EnvelopeOpener.open(env, verifiedShares(5, 2, 4, 1), officer, dealt.epoch());
        assertEquals(Fixtures.record(), opened.record());
        assertEquals(List.of(1, 2, 4), opened.trusteeIndices());
        assertEquals(42, opened.context().requestIndex());
    }
}
