package org.heteronym.cli.trustee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.heteronym.cli.InProcessCli;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EnvelopeOpener;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.crypto.escrow.VerifiedShare;
import org.heteronym.crypto.escrow.dkg.CeremonyOutcome;
import org.heteronym.crypto.escrow.dkg.CeremonyParameters;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code heteronym trustee ceremony} end to end, in-process, against {@link FakeCoordinator}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrusteeCeremonyTest {

    static final String CEREMONY = "epoch-7";

    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();
    final List<StaticKeyPair> keys = new ArrayList<>();
    final List<Path> keyFiles = new ArrayList<>();
    Path passphraseFile;
    FakeCoordinator coordinator;
    Duration savedPoll;

    @BeforeEach
    void setUp() throws Exception {
        savedPoll = TrusteeCeremonyCommand.pollInterval;
        TrusteeCeremonyCommand.pollInterval = Duration.ofMillis(50);
        passphraseFile = dir.resolve("passphrase");
        Files.writeString(passphraseFile, "a long enough passphrase\n");
        for (int i = 1; i <= 4; i++) {
            StaticKeyPair key = StaticKeyPair.generate(random);
            keys.add(key);
            Path file = dir.resolve("trustee" + i + ".key");
            TrusteeKeyFile.create(key, TrusteeKeyFileTest.FAST).writeNew(file,
                    "a long enough passphrase".toCharArray());
            keyFiles.add(file);
        }
        // Trustees 1..3 take part; the fourth key is an outsider.
        CeremonyParameters params = new CeremonyParameters("heteronym/escrow-epoch/7".getBytes(StandardCharsets.UTF_8),
                2, keys.subList(0, 3).stream().map(StaticKeyPair::publicKey).toList());
        coordinator = new FakeCoordinator(CEREMONY, params);
    }

    @AfterEach
    void tearDown() {
        coordinator.close();
        TrusteeCeremonyCommand.pollInterval = savedPoll;
    }

    InProcessCli.Result ceremony(int trustee, String... more) {
        List<String> args = new ArrayList<>(List.of("trustee", "ceremony", "--service", coordinator.url(), "--key",
                keyFiles.get(trustee - 1).toString(), "--ceremony", CEREMONY, "--passphrase-file",
                passphraseFile.toString(), "--timeout", "20"));
        args.addAll(List.of(more));
        return InProcessCli.run(args.toArray(String[]::new));
    }

    List<InProcessCli.Result> allThree(String... more) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<InProcessCli.Result>> futures = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int trustee = i;
                futures.add(pool.submit(() -> ceremony(trustee, more)));
            }
            List<InProcessCli.Result> results = new ArrayList<>();
            for (Future<InProcessCli.Result> f : futures) {
                results.add(f.get(40, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertNoStackTrace(InProcessCli.Result r) {
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), r.toString());
    }

    @Test
    void threeTrusteesCreateAnEpochWhoseSharesOpenAnEnvelope() throws Exception {
        String context = coordinator.params.context().toHex();
        List<InProcessCli.Result> results = allThree("--expect-threshold", "2", "--expect-context", context);
        CeremonyOutcome outcome = coordinator.outcome();
        for (InProcessCli.Result r : results) {
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("", r.err(), r.toString());
            assertTrue(r.out().contains("threshold t = 2, participants n = 3"), r.toString());
            assertTrue(r.out().contains("context: " + context), r.toString());
            assertTrue(r.out().contains("epoch id: " + outcome.transcriptHash().toHex()), r.toString());
            assertTrue(r.out().contains("joint key: "
                    + Base64.getEncoder().encodeToString(outcome.jointKey().encode())), r.toString());
        }

        // Every key file holds the epoch; the shares open an envelope sealed under the epoch key.
        EpochKey epoch = outcome.epochKey();
        IdentityRecord record = new IdentityRecord("Medical Council", "MC-12345", "Ada Example", Optional.empty(),
                "Physician", Hash32.sha256("evidence".getBytes(StandardCharsets.UTF_8)), LocalDate.of(2026, 1, 2));
        Envelope envelope = Envelopes.seal(record, IdentityRecord.DEFAULT_CHUNK_COUNT, epoch, random);
        OfficerKeyPair officer = OfficerKeyPair.generate(random);
        ShareContext context0 = new ShareContext(7, Hash32.sha256(new byte[] {1}), 3, envelope.envelopeHash(), 10,
                Hash32.sha256(new byte[] {2}), epoch.epochId(), 1, officer.publicKey());
        List<VerifiedShare> shares = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            TrusteeKeyFile file = TrusteeKeyFile.read(keyFiles.get(i - 1), "a long enough passphrase".toCharArray());
            EpochShare share = file.share(epoch.epochId()).orElseThrow();
            assertEquals(i, share.index());
            assertEquals(1, file.shares().size());
            ShareContext ctx = context0.forTrustee(share.index());
            DecryptionShare d = TrusteeShares.createShare(share, envelope, ctx, random);
            shares.add(ShareVerifier.verify(d, envelope, ctx, epoch));
        }
        assertEquals(record, EnvelopeOpener.open(envelope, shares.subList(1, 3), officer, epoch).record());
        assertEquals(record, EnvelopeOpener.open(envelope, shares, officer, epoch).record());

        InProcessCli.Result show = InProcessCli.run("trustee", "show", "--key", keyFiles.get(0).toString(),
                "--passphrase-file", passphraseFile.toString());
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("epoch " + epoch.epochId().toHex() + " trustee index 1"), show.toString());
    }

    @Test
    void aTamperedRelayMakesEveryTrusteeFail() throws Exception {
        coordinator.tamperRound1Of = 2;
        List<InProcessCli.Result> results = allThree();
        for (int i = 0; i < 3; i++) {
            InProcessCli.Result r = results.get(i);
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("FAILED: ceremony aborted: "), r.toString());
            assertNoStackTrace(r);
            if (i == 1) {
                assertTrue(r.err().contains("OWN_MESSAGE_ALTERED by the coordinator"), r.toString());
            } else {
                assertTrue(r.err().contains("BAD_SIGNATURE by participant 2"), r.toString());
            }
            TrusteeKeyFile file = TrusteeKeyFile.read(keyFiles.get(i), "a long enough passphrase".toCharArray());
            assertTrue(file.shares().isEmpty(), "no share stored");
        }
    }

    @Test
    void aTrusteeOutsideTheCeremonyIsToldSo() {
        InProcessCli.Result r = ceremony(4);
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: this key file's public key "), r.toString());
        assertTrue(r.err().contains("is not a participant of ceremony " + CEREMONY), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void wrongExpectationsFailBeforeAnythingIsSent() {
        InProcessCli.Result r = ceremony(1, "--expect-threshold", "3");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("FAILED: the ceremony's threshold is 2, expected 3"), r.toString());
        r = ceremony(1, "--expect-context", "00".repeat(32));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("FAILED: the ceremony's context is "), r.toString());
        assertTrue(coordinator.round(0).get("received").asInt() == 0);
    }

    @Test
    void waitingForAbsentTrusteesIsBoundedByTheTimeout() {
        long start = System.nanoTime();
        InProcessCli.Result r = InProcessCli.run("trustee", "ceremony", "--service", coordinator.url(), "--key",
                keyFiles.get(0).toString(), "--ceremony", CEREMONY, "--passphrase-file", passphraseFile.toString(),
                "--timeout", "1");
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("timed out waiting for round 1 (1 of 3 messages received)"), r.toString());
        assertTrue(elapsed < 10_000, "took " + elapsed + " ms");
    }

    @Test
    void anUnreachableServiceIsAnError() {
        InProcessCli.Result r = InProcessCli.run("trustee", "ceremony", "--service", "http://127.0.0.1:1", "--key",
                keyFiles.get(0).toString(), "--ceremony", CEREMONY, "--passphrase-file", passphraseFile.toString(),
                "--timeout", "5");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: cannot connect to the service"), r.toString());
        assertNoStackTrace(r);
    }
}
