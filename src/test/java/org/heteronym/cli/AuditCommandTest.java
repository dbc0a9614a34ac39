package org.heteronym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.merkle.NodeId;
import org.heteronym.crypto.note.Checkpoint;
import org.heteronym.crypto.note.Ed25519PrivateKey;
import org.heteronym.crypto.note.NoteSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code heteronym audit ...} in-process against a log served by the JDK HTTP server on 127.0.0.1, healthy
 * and then misbehaving in each way the auditor must catch.
 */
class AuditCommandTest {

    static final String ORIGIN = "heteronym.test/log";

    @TempDir
    Path dir;

    NoteSigner signer;
    FakeLog log;
    FakeLogServer server;

    @BeforeEach
    void startLog() throws IOException {
        signer = NoteSigner.ed25519(ORIGIN, Ed25519PrivateKey.generate());
        log = FakeLog.withEntries(signer, 300, "a");
        server = new FakeLogServer(log);
    }

    @AfterEach
    void stopLog() {
        server.close();
    }

    InProcessCli.Result audit(String command, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", command, "--log", server.url(), "--vkey",
                signer.verifierKey()));
        args.addAll(List.of(more));
        return InProcessCli.run(args.toArray(String[]::new));
    }

    static void assertVerified(InProcessCli.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.err(), result.toString());
    }

    static void assertFailed(InProcessCli.Result result, String... expectedFragments) {
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("FAILED: "), result.toString());
        for (String fragment : expectedFragments) {
            assertTrue(result.err().contains(fragment), "missing '" + fragment + "' in\n" + result);
        }
        assertNoStackTrace(result);
    }

    static void assertNoStackTrace(InProcessCli.Result result) {
        assertFalse(result.err().contains("\tat "), result.toString());
        assertFalse(result.out().contains("\tat "), result.toString());
    }

    // ---------------------------------------------------------------- healthy log

    @Test
    void healthyLogPassesEverySubcommand() throws IOException {
        InProcessCli.Result checkpoint = audit("checkpoint");
        assertVerified(checkpoint);
        assertTrue(checkpoint.out().contains("origin: " + ORIGIN), checkpoint.toString());
        assertTrue(checkpoint.out().contains("size:   300"), checkpoint.toString());
        assertTrue(checkpoint.out().contains(FakeLog.b64(log.root)), checkpoint.toString());

        Path state = dir.resolve("state");
        InProcessCli.Result first = audit("consistency", "--state", state.toString());
        assertVerified(first);
        assertTrue(first.out().contains("trust on first use"), first.toString());
        assertEquals(log.checkpointNote, Files.readString(state));

        InProcessCli.Result again = audit("consistency", "--state", state.toString());
        assertVerified(again);
        assertTrue(again.out().contains("consistent"), again.toString());

        for (int index : new int[] {0, 1, 255, 256, 299}) {
            InProcessCli.Result inclusion = audit("inclusion", "--index", Integer.toString(index));
            assertVerified(inclusion);
            assertTrue(inclusion.out().contains(FakeLog.text(log.entries.get(index))), inclusion.toString());
        }

        InProcessCli.Result replay = audit("replay");
        assertVerified(replay);
        assertTrue(replay.out().contains("replay verified: 300 entries"), replay.toString());
    }

    @Test
    void growingLogIsConsistentAndStateAdvances() throws IOException {
        Path state = dir.resolve("state");
        server.log = log.prefix(1);
        assertVerified(audit("consistency", "--state", state.toString()));
        for (int size : new int[] {2, 3, 4, 7, 8, 9, 100, 256, 257, 300}) {
            FakeLog grown = log.prefix(size);
            server.log = grown;
            InProcessCli.Result result = audit("consistency", "--state", state.toString());
            assertVerified(result);
            assertTrue(result.out().contains("-> " + size + " is append-only"), result.toString());
            assertEquals(grown.checkpointNote, Files.readString(state));
        }
        assertVerified(audit("replay", "--state", state.toString()));
        assertVerified(audit("inclusion", "--index", "42", "--state", state.toString()));
    }

    @Test
    void replayOfTinyLogsPasses() {
        for (int size : new int[] {1, 2, 255, 256, 257}) {
            server.log = log.prefix(size);
            assertVerified(audit("replay"));
        }
    }

    @Test
    void vkeyCanBeReadFromAFile() throws IOException {
        Path vkey = dir.resolve("log.vkey");
        Files.writeString(vkey, signer.verifierKey() + "\n");
        InProcessCli.Result result = InProcessCli.run("audit", "checkpoint", "--log", server.url(),
                "--vkey-file", vkey.toString());
        assertVerified(result);
    }

    // ---------------------------------------------------------------- tampering

    @Test
    void changedEntryByteIsDetected() {
        byte[] tampered = log.entries.get(7).clone();
        tampered[tampered.length - 3] ^= 0x01;
        log.servedEntries.set(7, tampered);

        assertFailed(audit("replay"), "entry 7");
        assertFailed(audit("inclusion", "--index", "7"), "entry 7");
        // Other entries are still fine.
        assertVerified(audit("inclusion", "--index", "8"));
    }

    @Test
    void changedLevelZeroTileHashIsDetected() {
        byte[] hash = log.nodes.get(new NodeId(0, 5)).clone();
        hash[0] ^= 0x40;
        log.servedNodes.put(new NodeId(0, 5), hash);
        assertFailed(audit("replay"), "entry 5", "tile/0/000");
    }

    @Test
    void changedHigherLevelTileHashIsDetected() {
        // Tree node (8, 0) is hash 0 of tile/1/000.p/1: the root of the first 256 entries.
        byte[] hash = log.nodes.get(new NodeId(8, 0)).clone();
        hash[31] ^= 0x01;
        log.servedNodes.put(new NodeId(8, 0), hash);
        assertFailed(audit("replay"), "tile/1/000.p/1", "hash 0");
    }

    @Test
    void nonCanonicalOrMalformedEntriesAreReportedByIndex() {
        List<byte[]> entries = new ArrayList<>(log.entries.subList(0, 20));
        entries.set(12, "{\"v\":1, \"kind\":\"spaced\"}".getBytes(StandardCharsets.UTF_8));
        server.log = new FakeLog(signer, entries);
        assertFailed(audit("replay"), "entry 12", "canonical");

        entries = new ArrayList<>(log.entries.subList(0, 20));
        entries.set(3, FakeLog.canonical("{\"kind\":\"no.version\"}"));
        server.log = new FakeLog(signer, entries);
        assertFailed(audit("replay"), "entry 3", "\"v\"");

        entries = new ArrayList<>(log.entries.subList(0, 20));
        entries.set(0, FakeLog.canonical("{\"kind\":\"log.genesis\",\"v\":1,\"origin\":\"other.test/log\",\"vkey\":"
                + FakeLog.quote(signer.verifierKey()) + "}"));
        server.log = new FakeLog(signer, entries);
        assertFailed(audit("replay"), "entry 0", "origin");

        entries = new ArrayList<>(log.entries.subList(0, 20));
        entries.set(9, log.entries.get(0));
        server.log = new FakeLog(signer, entries);
        assertFailed(audit("replay"), "entry 9", "genesis");
    }

    @Test
    void wrongVkeyIsRejected() {
        NoteSigner other = NoteSigner.ed25519(ORIGIN, Ed25519PrivateKey.generate());
        InProcessCli.Result result = InProcessCli.run("audit", "checkpoint", "--log", server.url(),
                "--vkey", other.verifierKey());
        assertFailed(result, "does not verify under the trusted key");

        NoteSigner otherName = NoteSigner.ed25519("other.test/log", Ed25519PrivateKey.generate());
        assertFailed(InProcessCli.run("audit", "replay", "--log", server.url(), "--vkey", otherName.verifierKey()),
                "checkpoint");
    }

    @Test
    void checkpointSignedByAnotherKeyIsRejected() {
        NoteSigner impostor = NoteSigner.ed25519(ORIGIN, Ed25519PrivateKey.generate());
        log.checkpointNote = impostor.sign(new Checkpoint(ORIGIN, log.size(), log.root).body());
        assertFailed(audit("checkpoint"), "no signature by key " + ORIGIN);
        assertFailed(audit("inclusion", "--index", "1"), "checkpoint");
    }

    @Test
    void checkpointForAnotherOriginIsRejected() {
        log.checkpointNote = signer.sign(new Checkpoint("other.test/log", log.size(), log.root).body());
        assertFailed(audit("checkpoint"), "origin");
    }

    @Test
    void checkpointWithAWrongRootFailsReplayAndInclusion() {
        byte[] wrongRoot = MerkleHash.leafHash(new byte[] {1});
        log.checkpointNote = signer.sign(new Checkpoint(ORIGIN, log.size(), wrongRoot).body());
        assertVerified(audit("checkpoint"));
        assertFailed(audit("replay"), "replay to root");
        assertFailed(audit("inclusion", "--index", "3"), "not included");
    }

    // ---------------------------------------------------------------- fork and rollback

    @Test
    void forkWithTheSameSizeIsDetected() throws IOException {
        Path state = dir.resolve("state");
        assertVerified(audit("consistency", "--state", state.toString()));
        String recorded = Files.readString(state);

        server.log = FakeLog.withEntries(signer, 300, "b"); // same key, same size, different history
        InProcessCli.Result result = audit("consistency", "--state", state.toString());
        assertFailed(result, "FORK", "same size 300", "Evidence");
        assertEquals(recorded, Files.readString(state), "state must not advance on failure");
    }

    @Test
    void forkWithALargerSizeIsDetected() throws IOException {
        Path state = dir.resolve("state");
        server.log = log.prefix(100);
        assertVerified(audit("consistency", "--state", state.toString()));
        String recorded = Files.readString(state);

        List<byte[]> rewritten = new ArrayList<>(log.entries);
        rewritten.set(50, FakeLog.canonical("{\"kind\":\"test.rewritten\",\"v\":1}"));
        server.log = new FakeLog(signer, rewritten);
        InProcessCli.Result result = audit("consistency", "--state", state.toString());
        assertFailed(result, "FORK", "not an append-only extension", "size 100");
        assertEquals(recorded, Files.readString(state));

        // A different log altogether under the same key, larger than before.
        server.log = FakeLog.withEntries(signer, 400, "c");
        assertFailed(audit("consistency", "--state", state.toString()), "FORK");
        assertFailed(audit("replay", "--state", state.toString()), "FORK");
    }

    @Test
    void rollbackIsDetected() throws IOException {
        Path state = dir.resolve("state");
        assertVerified(audit("consistency", "--state", state.toString()));
        server.log = log.prefix(200);
        InProcessCli.Result result = audit("consistency", "--state", state.toString());
        assertFailed(result, "ROLLBACK", "200", "300");
        assertEquals(log.checkpointNote, Files.readString(state));
        assertFailed(audit("inclusion", "--index", "1", "--state", state.toString()), "ROLLBACK");
    }

    @Test
    void tamperedStateFileIsAnErrorNotAVerdict() throws IOException {
        Path state = dir.resolve("state");
        Files.writeString(state, log.checkpointNote.replace("\n300\n", "\n301\n"));
        InProcessCli.Result result = audit("consistency", "--state", state.toString());
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("error: state file"), result.toString());
    }

    @Test
    void tileOrBundleOfTheWrongLengthIsRejected() {
        FakeLog small = new FakeLog(signer, log.entries.subList(0, 20));
        server.log = small;
        byte[] tile = small.tile(org.heteronym.crypto.tlog.TilePath.hashTile(0, 0, 20));
        small.tileOverrides.put("tile/0/000.p/20", java.util.Arrays.copyOf(tile, tile.length - 32));
        assertFailed(audit("replay"), "tile tile/0/000.p/20", "608 bytes");

        small.tileOverrides.clear();
        byte[] bundle = small.tile(org.heteronym.crypto.tlog.TilePath.entryBundle(0, 20));
        small.tileOverrides.put("tile/entries/000.p/20", java.util.Arrays.copyOf(bundle, bundle.length + 1));
        assertFailed(audit("replay"), "entry bundle tile/entries/000.p/20", "after its 20 entries");
    }

    @Test
    void gzipEncodedResponsesAreAccepted() {
        server.gzip = true;
        assertVerified(audit("checkpoint"));
        assertVerified(audit("inclusion", "--index", "3"));
        assertVerified(audit("replay"));
    }

    @Test
    void oversizedResponseIsRefused() {
        log.checkpointNote = "x".repeat((1 << 20) + 10);
        InProcessCli.Result result = audit("checkpoint");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains("exceeds"), result.toString());
    }

    // ---------------------------------------------------------------- unavailable log, usage

    @Test
    void serverThatIsDownGivesExitTwo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        InProcessCli.Result result = InProcessCli.run("audit", "checkpoint", "--log",
                "http://127.0.0.1:" + port + "/log", "--vkey", signer.verifierKey(), "--timeout", "5");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("error: cannot fetch http://127.0.0.1:" + port + "/log/checkpoint"),
                result.toString());
        assertNoStackTrace(result);
    }

    @Test
    void stalledServerTimesOutWithExitTwo() throws IOException {
        // Accepts connections (via the kernel backlog) and never answers.
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            InProcessCli.Result result = InProcessCli.run("audit", "checkpoint", "--log",
                    "http://127.0.0.1:" + silent.getLocalPort() + "/log", "--vkey", signer.verifierKey(),
                    "--timeout", "1");
            assertEquals(2, result.exitCode(), result.toString());
            assertTrue(result.err().startsWith("error: timed out"), result.toString());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "took too long");
        }
    }

    @Test
    void missingTileIsAServerErrorWithTheProblemDetail() {
        log.hidden = tile -> tile.entryBundle();
        InProcessCli.Result result = audit("replay");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains("HTTP 404"), result.toString());
        assertTrue(result.err().contains("tile does not exist yet"), result.toString());
    }

    @Test
    void usageErrorsGiveExitTwo() {
        assertEquals(2, InProcessCli.run("audit", "checkpoint", "--log", server.url()).exitCode());
        assertEquals(2, InProcessCli.run("audit", "checkpoint", "--log", server.url(), "--vkey",
                signer.verifierKey(), "--vkey-file", "x").exitCode());
        assertEquals(2, InProcessCli.run("audit", "inclusion", "--log", server.url(), "--vkey",
                signer.verifierKey()).exitCode());
        assertEquals(2, InProcessCli.run("audit").exitCode());
        assertEquals(2, InProcessCli.run().exitCode());
        InProcessCli.Result badKey = InProcessCli.run("audit", "checkpoint", "--log", server.url(), "--vkey",
                "not-a-key");
        assertEquals(2, badKey.exitCode(), badKey.toString());
        assertTrue(badKey.err().contains("vkey"), badKey.toString());
        InProcessCli.Result outOfRange = audit("inclusion", "--index", "300");
        assertEquals(2, outOfRange.exitCode(), outOfRange.toString());
        InProcessCli.Result badUrl = InProcessCli.run("audit", "checkpoint", "--log", "ftp://x/log", "--vkey",
                signer.verifierKey());
        assertEquals(2, badUrl.exitCode(), badUrl.toString());
    }

    @Test
    void helpWorks() {
        InProcessCli.Result help = InProcessCli.run("audit", "--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("consistency"), help.toString());
        assertTrue(help.out().contains("replay"), help.toString());
    }
}
