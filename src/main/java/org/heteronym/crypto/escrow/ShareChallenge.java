package org.heteronym.crypto.escrow;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The Fiat–Shamir challenge of the decryption-share proof, shared by prover and verifier so that both hash
 * exactly the same transcript:
 * c = HashToScalar(transcript(tag; bytes(context), Y_i, A_j, R, E1, E2, T1, T2, T3, uint(i), uint(j)), DST).
 */
final class ShareChallenge {
    static final String PROTOCOL_TAG = "heteronym/v1/share-proof";
    static final String DST = "heteronym-v1-share-proof-challenge";

    private ShareChallenge() {}

    static byte[] transcript(ShareContext ctx, Point yi, Point a, Point e1, Point e2,
            ECPoint t1, ECPoint t2, ECPoint t3, int chunkIndex) {
        return Transcript.start(PROTOCOL_TAG)
                .bytes(ctx.encode())
                .point(yi)
                .point(a)
                .point(ctx.officerKey())
                .point(e1)
                .point(e2)
                .point(t1)
                .point(t2)
                .point(t3)
                .uint(ctx.trusteeIndex())
                .uint(chunkIndex)
                .toByteArray();
    }

    static Scalar compute(ShareContext ctx, Point yi, Point a, Point e1, Point e2,
            ECPoint t1, ECPoint t2, ECPoint t3, int chunkIndex) {
        return HashToScalar.hash(transcript(ctx, yi, a, e1, e2, t1, t2, t3, chunkIndex), DST);
    }
}
