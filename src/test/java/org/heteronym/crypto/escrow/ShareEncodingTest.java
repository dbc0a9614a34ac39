package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Strict share decoding and prover-side refusals. */
class ShareEncodingTest extends ShareScenario {
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
}
