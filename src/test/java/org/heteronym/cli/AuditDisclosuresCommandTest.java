package org.heteronym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.heteronym.cli.DisclosureFinding.Rule;
import org.heteronym.crypto.note.Checkpoint;
import org.heteronym.crypto.note.CheckpointVerifier;
import org.heteronym.crypto.note.Ed25519PrivateKey;
import org.heteronym.crypto.note.NoteSigner;
import org.heteronym.crypto.note.NoteVerifier;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code heteronym audit disclosures} in-process against a synthetic disclosure log ({@link DisclosureLog}) served
 * by {@link FakeLogServer}, and the formatting of its output.
 */
class AuditDisclosuresCommandTest {

    final NoteSigner signer = NoteSigner.ed25519("heteronym.test/log", Ed25519PrivateKey.generate());
    final DisclosureLog log = DisclosureLog.standard(signer.keyName(), signer.verifierKey());
    FakeLogServer server;

    /** The synthetic log's orders carry no real CMS: each test says how signatures are checked. */
    @org.junit.jupiter.api.BeforeEach
    void noOrderVerifier() {
        AuditDisclosuresCommand.orderSignatures = OrderSignatureCheck.UNAVAILABLE;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        AuditDisclosuresCommand.orderSignatures = new CourtOrderCheck();
    }

    InProcessCli.Result audit() throws Exception {
        server = new FakeLogServer(new FakeLog(signer, log.entries));
        return InProcessCli.run("audit", "disclosures", "--log", server.url(), "--vkey", signer.verifierKey());
    }

    /** A request with a valid release: entries 6 to 12. */
    void releasedRequest() {
        long a = log.filed("req-a", 4, "gagged");
        long s1 = log.share(a, 1);
        long s2 = log.share(a, 2);
        long s4 = log.share(a, 4);
        log.released(a, List.of(1, 2, 4), List.of(s1, s2, s4));
    }

    @Test
    void cleanLogExitsZeroWithOneLineSayingWhatWentUnchecked() throws Exception {
        releasedRequest();
        InProcessCli.Result result = audit();
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.err(), result.toString());
        assertEquals(1, result.out().lines().count(), result.toString());
        assertTrue(result.out().startsWith("disclosures verified: 12 entries up to root "), result.toString());
        assertTrue(result.out().contains("1 request (1 released), 3 shares and 0 refusals verified, "
                + "0 transparency reports matching; the court-order signatures of 1 request were NOT checked"),
                result.toString());
    }

    @Test
    void withAnOrderVerifierWiredTheSignaturesAreChecked() throws Exception {
        AuditDisclosuresCommand.orderSignatures = DisclosureLog.ORDERS;
        releasedRequest();
        InProcessCli.Result result = audit();
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("; 1 court-order signature verified"), result.toString());
    }

    @Test
    void findingsExitOneAndAreListedOneALine() throws Exception {
        long a = log.filed("req-a", 4, "gagged");
        long s1 = log.share(a, 1);
        Map<String, Object> late = log.shareFields(a, 2);
        late.put("checkpoint_size", log.size() + 3);
        long bad = log.append(late);
        long release = log.released(a, List.of(1, 2), List.of(s1, bad));
        InProcessCli.Result result = audit();
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out(), result.toString());
        List<String> lines = result.err().lines().toList();
        assertEquals("FAILED: 3 findings against docs/disclosure.md §7:", lines.get(0), result.toString());
        assertTrue(lines.get(1).startsWith("  entry " + bad + ": rule 2 (shares): checkpoint_size "), result.toString());
        assertTrue(lines.get(2).startsWith("  entry " + release + ": rule 3 (releases): lists 2 shares"),
                result.toString());
        assertTrue(lines.get(3).startsWith("  entry " + release + ": rule 3 (releases): trustee 2 has no valid"),
                result.toString());
        assertEquals(4, lines.size(), result.toString());
        assertFalse(result.err().contains("\tat "), result.toString());
    }

    @Test
    void aLogThatDoesNotReplayFailsAsTheReplayDoesBeforeAnyFinding() throws Exception {
        releasedRequest();
        FakeLog served = new FakeLog(signer, log.entries);
        served.servedEntries.set(7, log.entries.get(8));
        server = new FakeLogServer(served);
        InProcessCli.Result result = InProcessCli.run("audit", "disclosures", "--log", server.url(),
                "--vkey", signer.verifierKey());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("FAILED: entry 7: its hash "), result.toString());
        assertFalse(result.err().contains("rule "), result.toString());
    }

    @Test
    void reportAndSummaryFormats() throws Exception {
        assertEquals("1 finding against docs/disclosure.md §7:\n  entry 9: rule 5 (transparency reports): wrong",
                AuditDisclosuresCommand.report(List.of(new DisclosureFinding(9, Rule.REPORT, "wrong"))));
        Checkpoint body = new Checkpoint(signer.keyName(), 1, new byte[32]);
        VerifiedCheckpoint checkpoint = CheckpointVerifier.verify(signer.sign(body.body()),
                NoteVerifier.fromVkey(signer.verifierKey()), signer.keyName());
        assertEquals("disclosures verified: 40 entries up to root AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; "
                + "2 requests (1 released), 1 share and 2 refusals verified, 1 transparency report matching; "
                + "2 court-order signatures verified",
                AuditDisclosuresCommand.summary(new DisclosureAudit.Summary(40, 2, 1, 1, 2, 1, 2, 0), checkpoint));
    }
}
