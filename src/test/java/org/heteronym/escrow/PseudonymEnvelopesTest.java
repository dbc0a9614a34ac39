package org.heteronym.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EnvelopeOpener;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.PseudonymBinding;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.crypto.escrow.VerifiedShare;
import org.heteronym.crypto.escrow.dkg.DkgResult;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.testing.LogClient;
import org.heteronym.testing.LogSearch;
import org.heteronym.testing.TestEpoch;
import org.junit.jupiter.api.Test;

/**
 * First logins create exactly one pseudonym row, envelope and log entry per (forum, pseudonym), even when they race;
 * the envelopes of one member at two forums are different ciphertexts of the same identity.
 */
@QuarkusTest
class PseudonymEnvelopesTest {

    private final SecureRandom random = new SecureRandom();

    @Inject
    PseudonymEnvelopes envelopes;

    @Test
    void concurrentFirstLoginsMakeOneRowAndOneLogEntryAndEachForumGetsItsOwnCiphertext() throws Throwable {
        TestEpoch epoch = TestEpoch.current();
        EpochKey key = epoch.trustees().getFirst().outcome().epochKey();
        IdentityRecord identity = new IdentityRecord("fr-test", "810009999", "Émile Zola-Test", Optional.empty(),
                "physician", Hash32.sha256(new byte[] {7}), LocalDate.of(2026, 11, 22));
        byte[] member = Envelopes.seal(identity, IdentityRecord.DEFAULT_CHUNK_COUNT, key, random).encode();
        String forumA = "forum-a-" + UUID.randomUUID();
        String forumB = "forum-b-" + UUID.randomUUID();
        String pseudonymA = "pA" + UUID.randomUUID();
        String pseudonymB = "pB" + UUID.randomUUID();
        LogSearch log = LogSearch.forTestProfile();
        long before = log.size();

        List<Pseudonym> raced = race(8, () -> envelopes.ensure(forumA, pseudonymA, member));
        Pseudonym a = raced.getFirst();
        for (Pseudonym p : raced) {
            assertArrayEquals(a.envelope, p.envelope, "every racer sees the one row");
        }
        Pseudonym again = await(() -> envelopes.ensure(forumA, pseudonymA, member));
        assertArrayEquals(a.envelope, again.envelope, "a later login finds the row");
        Pseudonym b = await(() -> envelopes.ensure(forumB, pseudonymB, member));

        assertFalse(Arrays.equals(a.envelope, b.envelope));
        assertFalse(Arrays.equals(a.envelope, member));
        assertEquals(identity, open(Envelope.decode(a.envelope), epoch));
        assertEquals(identity, open(Envelope.decode(b.envelope), epoch));

        // shuffled entries may trade places with the marker inside its batch: read to the end of the signed tree
        log.entriesSince(before);
        LogClient client = LogClient.forTestProfile();
        List<String> entries = new ArrayList<>();
        for (long i = before, size = client.checkpoint().size(); i < size; i++) {
            String entry = new String(client.entry(i), java.nio.charset.StandardCharsets.UTF_8);
            if (entry.contains("\"kind\":\"pseudonym.envelope\"")) {
                entries.add(entry);
            }
        }
        List<String> mine = new ArrayList<>();
        for (String entry : entries) {
            byte[] leaf = MerkleHash.leafHash(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (Arrays.equals(leaf, a.logLeafHash) || Arrays.equals(leaf, b.logLeafHash)) {
                mine.add(entry);
            }
            assertFalse(entry.contains(forumA) || entry.contains(pseudonymA) || entry.contains(forumB),
                    "the log names neither forum nor pseudonym");
        }
        assertEquals(2, mine.size(), "one entry per pseudonym, none for the racers that lost");
        Hash32 hashA = Envelope.decode(a.envelope).envelopeHash();
        JsonPath entryA = JsonPath.from(mine.stream().filter(e -> e.contains(hashA.toHex())).findFirst().orElseThrow());
        assertEquals(PseudonymBinding.commit(forumA, pseudonymA, hashA,
                Hash32.fromHex(epoch.epochId()), a.bindingNonce).toHex(), entryA.getString("binding"));
        assertEquals(epoch.epochId(), entryA.getString("epoch"));
    }

    @Test
    void aFailedFirstLoginLeavesNothing() throws Throwable {
        String forum = "forum-" + UUID.randomUUID();
        // sealed under a key of an epoch the service never established
        EpochKey stranger = TestEpoch.current().trustees().getFirst().outcome().epochKey();
        byte[] unknownEpoch = Envelopes.seal(new IdentityRecord("a", "b", "c", Optional.empty(), "physician",
                Hash32.sha256(new byte[0]), LocalDate.of(2026, 1, 1)), 8, stranger, random).encode();
        // envelope = version || epoch id (32 bytes) || L || points: name another epoch
        System.arraycopy(Hash32.sha256(new byte[] {1}).toBytes(), 0, unknownEpoch, 1, 32);
        assertThrows(EscrowRefusal.class, () -> await(() -> envelopes.ensure(forum, "p", unknownEpoch)));
        long rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Pseudonym.count("key.forumId", forum)));
        assertEquals(0, rows);
    }

    private static IdentityRecord open(Envelope envelope, TestEpoch epoch) throws Exception {
        EpochKey key = epoch.trustees().getFirst().outcome().epochKey();
        OfficerKeyPair officer = OfficerKeyPair.generate(new SecureRandom());
        ShareContext context = new ShareContext(1, Hash32.sha256(new byte[] {1}), 0, envelope.envelopeHash(), 2,
                Hash32.sha256(new byte[] {2}), Hash32.fromHex(epoch.epochId()), 1, officer.publicKey());
        List<VerifiedShare> shares = new ArrayList<>();
        for (DkgResult trustee : epoch.trustees().subList(0, 2)) {
            ShareContext addressed = context.forTrustee(trustee.trusteeKey().index());
            shares.add(ShareVerifier.verify(ShareProver.createShare(trustee.trusteeKey(), envelope, addressed,
                    new SecureRandom()), envelope, addressed, key));
        }
        return EnvelopeOpener.open(envelope, shares, officer, key).record();
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static List<Pseudonym> race(int n, java.util.function.Supplier<io.smallrye.mutiny.Uni<Pseudonym>> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Pseudonym>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        return await(work);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<Pseudonym> results = new ArrayList<>();
            for (Future<Pseudonym> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
