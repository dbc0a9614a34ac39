package org.heteronym.crypto.escrow.dkg;

import java.util.List;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Point;

/**
 * The public result of a completed ceremony: t, n, the joint key Y, the verification keys Y_1..Y_n and the
 * transcript hash SHA-256(T), which is the escrow epoch id. Produced only by a participant that completed the
 * ceremony or by {@link TranscriptVerifier}; two outcomes are equal iff all of these are equal.
 *
 * <h2>Security guarantees</h2>
 * Y = Σ_j C_{j,0} and Y_m = Σ_k m^k·Σ_j C_{j,k} are computed from the commitments bound by T, and the
 * {@link EpochKey} built from them re-checks that they lie on one polynomial of degree &lt; t.
 *
 * <h2>WARNING</h2>
 * An outcome is only as good as the verification that produced it; do not construct epochs from unverified
 * transcripts.
 */
public final class CeremonyOutcome {
    private final int threshold;
    private final Point jointKey;
    private final List<Point> trusteeKeys;
    private final Hash32 transcriptHash;
    private final EpochKey epochKey;

    CeremonyOutcome(int threshold, Point jointKey, List<Point> trusteeKeys, Hash32 transcriptHash) {
        this.threshold = threshold;
        this.jointKey = jointKey;
        this.trusteeKeys = List.copyOf(trusteeKeys);
        this.transcriptHash = transcriptHash;
        this.epochKey = new EpochKey(transcriptHash, threshold, jointKey, this.trusteeKeys);
    }

    public int threshold() {
        return threshold;
    }

    public int participantCount() {
        return trusteeKeys.size();
    }

    /** Y. */
    public Point jointKey() {
        return jointKey;
    }

    /** Y_1..Y_n in participant order. */
    public List<Point> trusteeKeys() {
        return trusteeKeys;
    }

    /** Y_i for 1 ≤ i ≤ n. */
    public Point trusteeKey(int index) {
        return epochKey.trusteeKey(index);
    }

    /** SHA-256(T), T the COCKTAIL-DKG transcript; used as the escrow epoch id. */
    public Hash32 transcriptHash() {
        return transcriptHash;
    }

    /** The escrow epoch key (epoch id = transcript hash). */
    public EpochKey epochKey() {
        return epochKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CeremonyOutcome c && threshold == c.threshold && jointKey.equals(c.jointKey)
                && trusteeKeys.equals(c.trusteeKeys) && transcriptHash.equals(c.transcriptHash);
    }

    @Override
    public int hashCode() {
        return transcriptHash.hashCode();
    }

    @Override
    public String toString() {
        return "CeremonyOutcome[" + threshold + "-of-" + trusteeKeys.size() + ", Y=" + jointKey + ", epoch="
                + transcriptHash + "]";
    }
}
