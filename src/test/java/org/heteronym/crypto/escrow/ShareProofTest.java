package org.heteronym.crypto.escrow;

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

/** Soundness and context binding of decryption-share proofs. */
class ShareProofTest extends ShareScenario {
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
}
