package org.heteronym.cli.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.heteronym.cli.disclosure.DisclosureCheckException;
import org.heteronym.cli.disclosure.DisclosureLogFixture;
import org.heteronym.cli.disclosure.LoggedEntries;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.ShareContext;
import org.junit.jupiter.api.Test;

/** Opening from log entries: t shares derived from the log open; anything less or anything else does not. */
class OfficerOpeningTest {

    private final DisclosureLogFixture f = new DisclosureLogFixture();

    private Opening.Result open(List<LoggedEntries.Share> shares, OfficerKeyPair officer) throws Exception {
        List<Opening.LoggedShare> logged = shares.stream().map(s -> new Opening.LoggedShare(s, f.checkpointRoot))
                .toList();
        return Opening.open(f.filed(), f.envelopeEntry(), logged, f.dealt.epoch(), officer);
    }

    @Test
    void tSharesOpenTheRightIdentity() throws Exception {
        Opening.Result result = open(f.shares(f.logContext(), 2, 4, 5), f.officer);
        assertEquals(f.identity, result.identity());
        assertEquals(List.of(2, 4, 5), result.trustees());
        assertEquals(List.of(12L, 13L, 14L), result.shareIndexes());
    }

    @Test
    void tMinusOneSharesDoNotOpen() throws Exception {
        var e = assertThrows(DisclosureCheckException.class, () -> open(f.shares(f.logContext(), 1, 3), f.officer));
        assertTrue(e.getMessage().contains("only 2 valid share"), e.getMessage());
    }

    @Test
    void anotherOfficersKeyDoesNotOpen() {
        var e = assertThrows(DisclosureCheckException.class,
                () -> open(f.shares(f.logContext(), 1, 2, 3), OfficerKeyPair.generate(f.random)));
        assertTrue(e.getMessage().contains("key file's public key"), e.getMessage());
    }

    @Test
    void aShareMadeForAnotherRequestsContextIsRefusedNamingItsTrustee() throws Exception {
        ShareContext own = f.logContext();
        ShareContext other = new ShareContext(own.requestIndex(), Hash32.sha256(new byte[] {9}), own.envelopeIndex(),
                own.envelopeHash(), own.checkpointSize(), own.checkpointRoot(), own.epochId(), 1, own.officerKey());
        List<LoggedEntries.Share> shares = new java.util.ArrayList<>(f.shares(own, 1, 2));
        shares.addAll(f.shares(other, 3));
        var e = assertThrows(DisclosureCheckException.class, () -> open(shares, f.officer));
        assertTrue(e.getMessage().contains("trustee 3") && e.getMessage().contains("does not verify"), e.getMessage());
    }
}
