package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Verifies a {@link DecryptionShare} against the envelope, the expected {@link ShareContext} and the epoch's
 * keys, and only then returns a {@link VerifiedShare}. Per chunk j it recomputes T1 = z1·G − c·Y_i,
 * T2 = z2·G − c·E1, T3 = z1·A_j + z2·R − c·E2 (all must differ from the identity) and accepts iff the
 * challenge recomputed over them equals c; this is equivalent to the three verification equations
 * z1·G = T1 + c·Y_i, z2·G = T2 + c·E1, z1·A_j + z2·R = T3 + c·E2.
 *
 * <h2>Security guarantees</h2>
 * See {@link ShareProver}. Before any proof is checked, the context must name this envelope (by envelopeHash),
 * this epoch, and the share's trustee index; the trustee key is taken from the {@link EpochKey}, never from the
 * share.
 *
 * <h2>WARNING</h2>
 * The context passed here must be the one the verifier derived from the log; passing the context a trustee
 * claims would defeat the binding.
 */
public final class ShareVerifier {
    private ShareVerifier() {}

    public static VerifiedShare verify(DecryptionShare share, Envelope envelope, ShareContext context,
            EpochKey epoch) throws InvalidProofException {
        if (!context.epochId().equals(epoch.epochId()) || !envelope.epochId().equals(epoch.epochId())) {
            throw new InvalidProofException("context, envelope and epoch key belong to different epochs");
        }
        if (!context.envelopeHash().equals(envelope.envelopeHash())) {
            throw new InvalidProofException("envelope is not the one named by the context");
        }
        if (share.trusteeIndex() != context.trusteeIndex() || context.trusteeIndex() > epoch.trusteeCount()) {
            throw new InvalidProofException("share is not from the trustee the context names");
        }
        if (share.chunks().size() != envelope.chunkCount()) {
            throw new InvalidProofException("share has a chunk count different from the envelope's");
        }
        Point yi = epoch.trusteeKey(context.trusteeIndex());
        List<Point> e1 = new ArrayList<>(envelope.chunkCount());
        List<Point> e2 = new ArrayList<>(envelope.chunkCount());
        for (int j = 0; j < envelope.chunkCount(); j++) {
            ChunkShare s = share.chunks().get(j);
            if (!proofHolds(yi, envelope.a(j), context, j, s)) {
                throw new InvalidProofException("proof for chunk " + j + " does not verify");
            }
            e1.add(s.e1());
            e2.add(s.e2());
        }
        return new VerifiedShare(context, e1, e2);
    }

    /** The proof check alone, without the binding pre-checks; exposed to tests of the challenge binding. */
    static boolean proofHolds(Point yi, Point a, ShareContext ctx, int j, ChunkShare s) {
        BigInteger negC = P256.negate(s.c().toBigInteger());
        BigInteger z1 = s.z1().toBigInteger();
        BigInteger z2 = s.z2().toBigInteger();
        ECPoint[] t = {
            P256.sumOfTwo(P256.G, z1, yi.raw(), negC),
            P256.sumOfTwo(P256.G, z2, s.e1().raw(), negC),
            P256.sumOf(new ECPoint[] {a.raw(), ctx.officerKey().raw(), s.e2().raw()},
                    new BigInteger[] {z1, z2, negC})
        };
        for (ECPoint p : t) {
            if (p.isInfinity()) {
                return false;
            }
        }
        P256.CURVE.normalizeAll(t);
        return ShareChallenge.compute(ctx, yi, a, s.e1(), s.e2(), t[0], t[1], t[2], j).equals(s.c());
    }
}
