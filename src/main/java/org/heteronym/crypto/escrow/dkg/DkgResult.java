package org.heteronym.crypto.escrow.dkg;

import java.util.List;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.TrusteeKey;

/**
 * What a participant holds after a successful ceremony: the public {@link CeremonyOutcome} (Y, Y_1..Y_n, t, n,
 * transcript hash = epoch id), its own secret share x_i as a {@link TrusteeKey}, and the public
 * {@link DkgTranscript} (the success certificate and the encrypted shares) for backup and audit.
 *
 * <h2>Security guarantees</h2>
 * Only {@link Participant#finish} creates one, after every message was verified and all n participants signed
 * the same transcript T. x_i·G = Y_i has been checked.
 *
 * <h2>WARNING</h2>
 * The trustee key is the trustee's secret share of the escrow key. Per COCKTAIL-DKG's recovery considerations,
 * do not seal envelopes under Y until every trustee has confirmed that it stored its share (or its static key and
 * this transcript) durably.
 */
public final class DkgResult {
    private final CeremonyOutcome outcome;
    private final TrusteeKey trusteeKey;
    private final DkgTranscript transcript;

    DkgResult(CeremonyOutcome outcome, TrusteeKey trusteeKey, DkgTranscript transcript) {
        this.outcome = outcome;
        this.trusteeKey = trusteeKey;
        this.transcript = transcript;
    }

    public CeremonyOutcome outcome() {
        return outcome;
    }

    /** (i, x_i). */
    public TrusteeKey trusteeKey() {
        return trusteeKey;
    }

    public DkgTranscript transcript() {
        return transcript;
    }

    public Point jointKey() {
        return outcome.jointKey();
    }

    public List<Point> trusteeKeys() {
        return outcome.trusteeKeys();
    }

    public int threshold() {
        return outcome.threshold();
    }

    public int participantCount() {
        return outcome.participantCount();
    }

    public Hash32 transcriptHash() {
        return outcome.transcriptHash();
    }

    public EpochKey epochKey() {
        return outcome.epochKey();
    }

    @Override
    public String toString() {
        return "DkgResult[" + outcome + ", trustee " + trusteeKey.index() + "]";
    }
}
