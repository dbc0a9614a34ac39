package org.heteronym.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.function.IntFunction;
import java.util.HashSet;
import java.util.Set;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.PseudonymBinding;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.testing.Concurrently;
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

    /** Every pseudonym's variant 0 is the same handle, as if the forum were full of collisions. */
    private static final IntFunction<String> HANDLES = variant -> "calm-heron-" + (1000 + variant);

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

        List<Pseudonym> raced = Concurrently.times(8, () -> envelopes.ensure(forumA, pseudonymA, HANDLES, member));
        Pseudonym a = raced.getFirst();
        for (Pseudonym p : raced) {
            assertArrayEquals(a.envelope, p.envelope, "every racer sees the one row");
        }
        Pseudonym again = Concurrently.await(() -> envelopes.ensure(forumA, pseudonymA, HANDLES, member));
        assertArrayEquals(a.envelope, again.envelope, "a later login finds the row");
        Pseudonym b = Concurrently.await(() -> envelopes.ensure(forumB, pseudonymB, HANDLES, member));

        assertFalse(Arrays.equals(a.envelope, b.envelope));
        assertFalse(Arrays.equals(a.envelope, member));
        assertEquals(identity, epoch.open(Envelope.decode(a.envelope), 1, 2));
        assertEquals(identity, epoch.open(Envelope.decode(b.envelope), 2, 3));

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
        assertThrows(EscrowRefusal.class, () -> Concurrently.await(() -> envelopes.ensure(forum, "p", HANDLES, unknownEpoch)));
        long rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Pseudonym.count("key.forumId", forum)));
        assertEquals(0, rows);
    }

    @Test
    void eachPseudonymOfAForumShowsAHandleNoOtherShowsEvenWhenTheyRace() throws Throwable {
        byte[] member = sealedMember();
        String forum = "forum-h-" + UUID.randomUUID();
        String other = "forum-o-" + UUID.randomUUID();
        Pseudonym first = Concurrently.await(() -> envelopes.ensure(forum, "p0" + UUID.randomUUID(), HANDLES, member));
        assertEquals(0, first.handleVariant);
        assertEquals("calm-heron-1000", first.handle);

        // six more pseudonyms whose handles collide with every earlier one, first logins all at once
        List<Pseudonym> raced = Concurrently.times(6, () -> envelopes.ensure(forum, "p" + UUID.randomUUID(),
                HANDLES, member));
        Set<String> handles = new HashSet<>();
        handles.add(first.handle);
        for (Pseudonym p : raced) {
            assertEquals(HANDLES.apply(p.handleVariant), p.handle);
            assertTrue(handles.add(p.handle), "no two pseudonyms of one forum share a handle: " + p.handle);
        }
        assertEquals(Set.of(1, 2, 3, 4, 5, 6),
                raced.stream().map(p -> p.handleVariant).collect(java.util.stream.Collectors.toSet()));
        Pseudonym elsewhere = Concurrently.await(() -> envelopes.ensure(other, "p0" + UUID.randomUUID(), HANDLES,
                member));
        assertEquals(0, elsewhere.handleVariant, "another forum's handles do not count");
    }

    private byte[] sealedMember() throws Exception {
        EpochKey key = TestEpoch.current().trustees().getFirst().outcome().epochKey();
        return Envelopes.seal(new IdentityRecord("fr-test", "810001111", "Test Member", Optional.empty(),
                "physician", Hash32.sha256(new byte[] {1}), LocalDate.of(2026, 11, 22)), 8, key, random).encode();
    }
}
