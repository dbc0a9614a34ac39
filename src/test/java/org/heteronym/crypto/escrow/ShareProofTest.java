package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShareProofTest {
    private static final int L = IdentityRecord.DEFAULT_CHUNK_COUNT;
    private final TestDrbg random = new TestDrbg("share-proof");
    private final TrustedDealer.Dealt dealt = TrustedDealer.split(3, 5, random);
    private final Envelope env = Envelopes.seal(Fixtures.record(), L, dealt.epoch(), random);
    private final OfficerKeyPair officer = OfficerKeyPair.generate(random);
    private final ShareContext ctx1 = Fixtures.context(env, 1, officer.publicKey());
    private final DecryptionShare share1 = ShareProver.createShare(dealt.trustee(1), env, ctx1, random);

    @Test
    void honestShareVerifiesAndRoundTrips() throws Exception {
        assertEquals(6 + 162 * L, share1.encode().length);
        VerifiedShare v = ShareVerifier.verify(DecryptionShare.decode(share1.encode()), env, ctx1, dealt.epoch());
        assertEquals(1, v.trusteeIndex());
        assertEquals(ctx1, v.context());
    }

    @Test
    void shareMadeForOneRequestFailsForAnother() {
        ShareContext requestB = new ShareContext(43, Hash32.sha256("request-43".getBytes()), 7, env.envelopeHash(),
                100, ctx1.checkpointRoot(), env.epochId(), 1, officer.publicKey());
        assertThrows(InvalidProofException.class, () -> ShareVerifier.verify(share1, env, requestB, dealt.epoch()));
    }

    @Test
    void shareVerifiedAgainstAnotherTrusteeKeyFails() {
        Point y2 = dealt.epoch().trusteeKey(2);
        for (int j = 0; j < L; j++) {
            assertTrue(ShareVerifier.proofHolds(dealt.epoch().trusteeKey(1), env.a(j), ctx1, j, share1.chunks().get(j)));
            assertFalse(ShareVerifier.proofHolds(y2, env.a(j), ctx1, j, share1.chunks().get(j)));
        }
        DecryptionShare relabelled = new DecryptionShare(2, share1.chunks());
        assertThrows(InvalidProofException.class,
                () -> ShareVerifier.verify(relabelled, env, ctx1.forTrustee(2), dealt.epoch()));
    }

    static Stream<Arguments> otherContexts() {
        Hash32 other = Hash32.sha256("something else".getBytes());
        return Stream.of(
                Arguments.of("other request index", (UnaryOperator<ShareContext>) c -> new ShareContext(
                        c.requestIndex() + 1, c.requestEntryHash(), c.envelopeIndex(), c.envelopeHash(),
                        c.checkpointSize(), c.checkpointRoot(), c.epochId(), c.trusteeIndex(), c.officerKey())),
                Arguments.of("other request entry hash", (UnaryOperator<ShareContext>) c -> new ShareContext(
                        c.requestIndex(), other, c.envelopeIndex(), c.envelopeHash(),
                        c.checkpointSize(), c.checkpointRoot(), c.epochId(), c.trusteeIndex(), c.officerKey())),
                Arguments.of("other envelope index", (UnaryOperator<ShareContext>) c -> new ShareContext(
                        c.requestIndex(), c.requestEntryHash(), c.envelopeIndex() + 1, c.envelopeHash(),
                        c.checkpointSize(), c.checkpointRoot(), c.epochId(), c.trusteeIndex(), c.officerKey())),
                Arguments.of("other envelope hash", (UnaryOperator<ShareContext>) c -> new ShareContext(
                        c.requestIndex(), c.requestEntryHash(), c.envelopeIndex(), other,
                        c.checkpointSize(), c.checkpointRoot(), c.epochId(), c.trusteeIndex(), c.officerKey())),
                Arguments.of("other checkpoint size", (UnaryOperator<ShareContext>) c -> new ShareContext(
                        c.requestIndex(), c.requestEntryHash(), c.envelopeIndex(), c.envelopeHash(),
                        c.checkpointSize() + 1, c.checkpointRoot(), c.epochId(), c.trusteeIndex(), c.officerKey())),
                Arguments.of("other checkpoint root", (UnaryOperator<ShareContext>) c -> new ShareContext(
                        c.requestIndex(), c.requestEntryHash(), c.envelopeIndex(), c.envelopeHash(),
                        c.checkpointSize(), other, c.epochId(), c.trusteeIndex(), c.officerKey())),
                Arguments.of("other epoch", (UnaryOperator<ShareContext>) c -> new ShareContext(
                        c.requestIndex(), c.requestEntryHash(), c.envelopeIndex(), c.envelopeHash(),
                        c.checkpointSize(), c.checkpointRoot(), other, c.trusteeIndex(), c.officerKey())),
                Arguments.of("other trustee index", (UnaryOperator<ShareContext>) c -> c.forTrustee(2)),
                Arguments.of("other officer key R", (UnaryOperator<ShareContext>) c -> new ShareContext(
                        c.requestIndex(), c.requestEntryHash(), c.envelopeIndex(), c.envelopeHash(),
                        c.checkpointSize(), c.checkpointRoot(), c.epochId(), c.trusteeIndex(),
                        c.officerKey().add(Point.generator()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherContexts")
    void shareMadeForOneContextFailsUnderAnother(String what, UnaryOperator<ShareContext> change) {
        ShareContext other = change.apply(ctx1);
        assertNotEquals(ctx1, other);
        // The challenge binds the field: the bare proof check fails, whatever the pre-checks would say.
        Point y1 = dealt.epoch().trusteeKey(1);
        for (int j = 0; j < L; j++) {
            assertFalse(ShareVerifier.proofHolds(y1, env.a(j), other, j, share1.chunks().get(j)), what);
        }
        assertThrows(InvalidProofException.class, () -> ShareVerifier.verify(share1, env, other, dealt.epoch()));
    }

    @Test
    void shareForOneChunkIndexFailsForAnother() {
        Point y1 = dealt.epoch().trusteeKey(1);
        assertFalse(ShareVerifier.proofHolds(y1, env.a(0), ctx1, 1, share1.chunks().get(0)));
        List<ChunkShare> swapped = new ArrayList<>(share1.chunks());
        swapped.set(0, share1.chunks().get(1));
        swapped.set(1, share1.chunks().get(0));
        assertThrows(InvalidProofException.class,
                () -> ShareVerifier.verify(new DecryptionShare(1, swapped), env, ctx1, dealt.epoch()));
    }

    @Test
    void shareForOneEnvelopeFailsForAnother() {
        Envelope env2 = Envelopes.seal(Fixtures.otherRecord(), L, dealt.epoch(), random);
        ShareContext ctx2 = Fixtures.context(env2, 1, officer.publicKey());
        assertThrows(InvalidProofException.class, () -> ShareVerifier.verify(share1, env2, ctx2, dealt.epoch()));
        Envelope fresh = Envelopes.rerandomise(env, dealt.epoch(), random);
        ShareContext ctx3 = Fixtures.context(fresh, 1, officer.publicKey());
        assertThrows(InvalidProofException.class, () -> ShareVerifier.verify(share1, fresh, ctx3, dealt.epoch()));
    }

    static Stream<Arguments> tamperings() {
        Scalar one = Scalar.of(1);
        Point g = Point.generator();
        return Stream.of(
                Arguments.of("E1", (UnaryOperator<ChunkShare>) s -> new ChunkShare(s.e1().add(g), s.e2(), s.c(), s.z1(), s.z2())),
                Arguments.of("E2", (UnaryOperator<ChunkShare>) s -> new ChunkShare(s.e1(), s.e2().add(g), s.c(), s.z1(), s.z2())),
                Arguments.of("c", (UnaryOperator<ChunkShare>) s -> new ChunkShare(s.e1(), s.e2(), s.c().add(one), s.z1(), s.z2())),
                Arguments.of("z1", (UnaryOperator<ChunkShare>) s -> new ChunkShare(s.e1(), s.e2(), s.c(), s.z1().add(one), s.z2())),
                Arguments.of("z2", (UnaryOperator<ChunkShare>) s -> new ChunkShare(s.e1(), s.e2(), s.c(), s.z1(), s.z2().add(one))));
    }

    @ParameterizedTest(name = "tampered {0}")
    @MethodSource("tamperings")
    void tamperedProofFieldIsRejected(String field, UnaryOperator<ChunkShare> tamper) {
        for (int j : new int[] {0, L - 1}) {
            List<ChunkShare> chunks = new ArrayList<>(share1.chunks());
            chunks.set(j, tamper.apply(chunks.get(j)));
            DecryptionShare bad = new DecryptionShare(1, chunks);
            assertThrows(InvalidProofException.class, () -> ShareVerifier.verify(bad, env, ctx1, dealt.epoch()), field);
        }
    }

    @Test
    void shareEncodingWithPointOffTheCurveIsRejected() {
        byte[] enc = share1.encode();
        System.arraycopy(EnvelopeTest.offCurveEncoding(), 0, enc, 6 + 33, 33); // E2 of chunk 0
        assertThrows(MalformedEncodingException.class, () -> DecryptionShare.decode(enc));
    }

    @Test
    void shareEncodingWithThePointAtInfinityIsRejected() {
        byte[] enc = share1.encode();
        java.util.Arrays.fill(enc, 6, 6 + 33, (byte) 0); // E1 of chunk 0
        assertThrows(MalformedEncodingException.class, () -> DecryptionShare.decode(enc));
    }

    @Test
    void shareEncodingWithZeroProofScalarsIsRejected() {
        for (int off : new int[] {66, 98, 130}) { // c, z1, z2 of chunk 0
            byte[] enc = share1.encode();
            java.util.Arrays.fill(enc, 6 + off, 6 + off + 32, (byte) 0);
            assertThrows(MalformedEncodingException.class, () -> DecryptionShare.decode(enc));
        }
    }

    @Test
    void shareEncodingWithWrongHeaderIsRejected() {
        byte[] enc = share1.encode();
        byte[] v = enc.clone();
        v[0] = 2;
        byte[] idx = enc.clone();
        idx[4] = 0; // trustee index 0
        byte[] len = enc.clone();
        len[5] = 7;
        for (byte[] bad : new byte[][] {v, idx, len, java.util.Arrays.copyOf(enc, enc.length - 1)}) {
            assertThrows(MalformedEncodingException.class, () -> DecryptionShare.decode(bad));
        }
    }

    @Test
    void shareFromATrusteeOutsideTheEpochIsRejected() {
        TrustedDealer.Dealt bigger = TrustedDealer.split(3, 6, random);
        ShareContext ctx6 = ctx1.forTrustee(6);
        assertThrows(IllegalArgumentException.class, () -> ShareProver.createShare(bigger.trustee(6), env, ctx1, random));
        DecryptionShare s6 = ShareProver.createShare(bigger.trustee(6), env, ctx6, random);
        assertThrows(InvalidProofException.class, () -> ShareVerifier.verify(s6, env, ctx6, dealt.epoch()));
    }

    @Test
    void proverRefusesAnEnvelopeTheContextDoesNotName() {
        Envelope env2 = Envelopes.seal(Fixtures.otherRecord(), L, dealt.epoch(), random);
        assertThrows(IllegalArgumentException.class, () -> ShareProver.createShare(dealt.trustee(1), env2, ctx1, random));
    }

    @Test
    void proverRejectsZeroRandomness() {
        assertThrows(IllegalArgumentException.class, () -> ShareProver.proveChunk(dealt.trustee(1).secret(),
                dealt.trustee(1).publicKey(), env.a(0), ctx1, 0, Scalar.of(0), Scalar.of(1), Scalar.of(2)));
    }

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

    private List<VerifiedShare> verifiedShares(int... indices) throws Exception {
        List<VerifiedShare> out = new ArrayList<>();
        for (int i : indices) {
            ShareContext ctx = ctx1.forTrustee(i);
            out.add(ShareVerifier.verify(ShareProver.createShare(dealt.trustee(i), env, ctx, random), env, ctx,
                    dealt.epoch()));
        }
        return out;
    }
}
