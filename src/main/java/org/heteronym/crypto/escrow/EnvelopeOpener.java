package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Officer side: decrypts each verified share (D_ij = E2 − ρ·E1), interpolates S_j = Σ λ_i·D_ij over the t
 * lowest trustee indices supplied, recovers M_j = B_j − S_j, decodes the chunks strictly and decodes and
 * validates the identity record.
 *
 * <h2>Security guarantees</h2>
 * Opens only if: the shares are verified, have distinct trustee indices, number at least t, were all made for
 * the same disclosure context, that context names this envelope by its recomputed envelopeHash and this epoch,
 * and they were encrypted to this officer's key. A wrong combination yields random points, rejected by the
 * strict chunk decoder (about 255/256 per chunk) or by the record decoder, never a plausible record.
 *
 * <h2>WARNING</h2>
 * The returned identity is personal data released under a court order; the caller must log the opening.
 * Not constant-time (see {@link Scalar}); run on the officer's trusted host.
 */
public final class EnvelopeOpener {
    private EnvelopeOpener() {}

    public static OpenedIdentity open(Envelope envelope, List<VerifiedShare> shares, OfficerKeyPair officer,
            EpochKey epoch) throws OpeningException {
        if (shares.isEmpty()) {
            throw new OpeningException("no shares");
        }
        ShareContext ctx = shares.get(0).context();
        Set<Integer> seen = new HashSet<>();
        for (VerifiedShare s : shares) {
            if (!seen.add(s.trusteeIndex())) {
                throw new OpeningException("duplicate trustee index " + s.trusteeIndex());
            }
            if (!s.context().sameDisclosureAs(ctx)) {
                throw new OpeningException("shares were made for different disclosure contexts");
            }
        }
        if (!envelope.envelopeHash().equals(ctx.envelopeHash())) {
            throw new OpeningException("envelope hash differs from the logged hash the shares were made for");
        }
        if (!envelope.epochId().equals(epoch.epochId()) || !ctx.epochId().equals(epoch.epochId())) {
            throw new OpeningException("envelope, shares and epoch key belong to different epochs");
        }
        if (!officer.publicKey().equals(ctx.officerKey())) {
            throw new OpeningException("shares were encrypted to another officer key");
        }
        if (shares.size() < epoch.threshold()) {
            throw new OpeningException("need " + epoch.threshold() + " shares, got " + shares.size());
        }
        List<VerifiedShare> chosen = new ArrayList<>(shares);
        chosen.sort(Comparator.comparingInt(VerifiedShare::trusteeIndex));
        chosen = List.copyOf(chosen.subList(0, epoch.threshold()));
        IdentityRecord record = recover(envelope, chosen, officer.secret());
        return new OpenedIdentity(record, chosen.get(0).context(), chosen.stream().map(VerifiedShare::trusteeIndex).toList());
    }

    /** Decrypt, interpolate and decode with exactly the given shares; no threshold or context checks. */
    static IdentityRecord recover(Envelope envelope, List<VerifiedShare> shares, Scalar rho)
            throws OpeningException {
        int k = shares.size();
        BigInteger[] lambda = new BigInteger[k];
        if (k > 0) {
            int[] idx = shares.stream().mapToInt(VerifiedShare::trusteeIndex).toArray();
            Scalar[] l;
            try {
                l = Lagrange.atZero(idx);
            } catch (IllegalArgumentException e) {
                throw new OpeningException("invalid trustee index set: " + e.getMessage());
            }
            for (int i = 0; i < k; i++) {
                lambda[i] = l[i].toBigInteger();
            }
        }
        byte[] encoded = new byte[envelope.chunkCount() * ChunkMap.CHUNK_LENGTH];
        try {
            for (int j = 0; j < envelope.chunkCount(); j++) {
                ECPoint[] d = new ECPoint[k];
                for (int i = 0; i < k; i++) {
                    VerifiedShare s = shares.get(i);
                    if (s.chunkCount() != envelope.chunkCount()) {
                        throw new OpeningException("share chunk count differs from the envelope's");
                    }
                    d[i] = decrypt(s.e1(j), s.e2(j), rho);
                }
                ECPoint sum = k == 0 ? P256.CURVE.getInfinity() : P256.sumOf(d, lambda);
                ECPoint m = envelope.b(j).raw().subtract(sum);
                if (m.isInfinity()) {
                    throw new OpeningException("chunk " + j + " combines to the identity");
                }
                byte[] chunk;
                try {
                    chunk = ChunkMap.decode(new Point(m));
                } catch (MalformedEncodingException e) {
                    throw new OpeningException("chunk " + j + " is not a valid chunk point (wrong shares or key)", e);
                }
                System.arraycopy(chunk, 0, encoded, j * ChunkMap.CHUNK_LENGTH, ChunkMap.CHUNK_LENGTH);
                Bytes.wipe(chunk);
            }
            return IdentityRecord.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new OpeningException("recovered bytes are not a valid identity record", e);
        } finally {
            Bytes.wipe(encoded);
        }
    }

    /** D = E2 − ρ·E1. */
    static ECPoint decrypt(Point e1, Point e2, Scalar rho) {
        return e2.raw().add(e1.raw().multiply(P256.negate(rho.toBigInteger())));
    }
}
