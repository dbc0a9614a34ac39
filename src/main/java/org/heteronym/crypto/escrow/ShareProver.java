package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Trustee side: for each chunk j, D = x_i·A_j, encrypted to the officer as E1 = u·G, E2 = D + u·R, with a
 * proof of knowledge of (x_i, u) such that Y_i = x_i·G, E1 = u·G, E2 = x_i·A_j + u·R. Commitments
 * T1 = w1·G, T2 = w2·G, T3 = w1·A_j + w2·R; challenge c (see {@link ShareChallenge}); responses
 * z1 = w1 + c·x_i, z2 = w2 + c·u. The compact form (E1, E2, c, z1, z2) is sent.
 *
 * <h2>Security guarantees</h2>
 * In the random oracle model the proof is sound (a verifying share carries the correct D encrypted to R) and
 * zero-knowledge; under DDH, (E1, E2) hides D from everyone but the holder of ρ, so log readers and other
 * trustees learn nothing. The challenge binds the whole {@link ShareContext}, so a share is useless for any
 * other request, envelope, checkpoint, epoch, officer key, trustee index or chunk position.
 *
 * <h2>WARNING</h2>
 * The trustee must first check, outside this class, that the request is authorised (court order) and logged.
 * This class refuses an envelope whose hash or epoch differs from the context, but it cannot judge the request.
 * u, w1, w2 must be fresh per chunk and per share: reuse reveals x_i.
 */
public final class ShareProver {
    private ShareProver() {}

    public static DecryptionShare createShare(TrusteeKey key, Envelope envelope, ShareContext context,
            SecureRandom random) {
        if (context.trusteeIndex() != key.index()) {
            throw new IllegalArgumentException("context is addressed to another trustee");
        }
        if (!context.epochId().equals(envelope.epochId())) {
            throw new IllegalArgumentException("envelope belongs to another epoch than the context");
        }
        if (!context.envelopeHash().equals(envelope.envelopeHash())) {
            throw new IllegalArgumentException("envelope is not the one named by the context");
        }
        List<ChunkShare> chunks = new ArrayList<>(envelope.chunkCount());
        for (int j = 0; j < envelope.chunkCount(); j++) {
            Scalar u = Scalar.random(random);
            Scalar w1 = Scalar.random(random);
            Scalar w2 = Scalar.random(random);
            chunks.add(proveChunk(key.secret(), key.publicKey(), envelope.a(j), context, j, u, w1, w2));
        }
        return new DecryptionShare(key.index(), chunks);
    }

    /** Deterministic core with explicit randomness, exposed to the test-vector generator. */
    static ChunkShare proveChunk(Scalar x, Point yi, Point a, ShareContext ctx, int j, Scalar u, Scalar w1,
            Scalar w2) {
        if (x.isZero() || u.isZero() || w1.isZero() || w2.isZero()) {
            throw new IllegalArgumentException("secret and randomness must be non-zero");
        }
        ECPoint bigA = a.raw();
        ECPoint bigR = ctx.officerKey().raw();
        BigInteger xi = x.toBigInteger();
        BigInteger ui = u.toBigInteger();
        ECPoint[] pts = {
            P256.combMultiply(P256.G, ui),
            P256.sumOfTwo(bigA, xi, bigR, ui),
            P256.combMultiply(P256.G, w1.toBigInteger()),
            P256.combMultiply(P256.G, w2.toBigInteger()),
            P256.sumOfTwo(bigA, w1.toBigInteger(), bigR, w2.toBigInteger())
        };
        for (ECPoint p : pts) {
            if (p.isInfinity()) {
                throw new IllegalStateException("degenerate randomness (probability 2^-256)");
            }
        }
        P256.CURVE.normalizeAll(pts);
        Point e1 = new Point(pts[0]);
        Point e2 = new Point(pts[1]);
        Scalar c = ShareChallenge.compute(ctx, yi, a, e1, e2, pts[2], pts[3], pts[4], j);
        return new ChunkShare(e1, e2, c, w1.add(c.multiply(x)), w2.add(c.multiply(u)));
    }
}
