package org.heteronym.crypto.escrow.dkg;

import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.TrusteeKey;

/**
 * COCKTAIL-DKG share recovery: a trustee that lost its share x_i but kept its static key d_i re-derives x_i (and
 * the whole public outcome) from the logged {@link DkgTranscript}, which contains the ciphertexts addressed to it
 * (its "encrypted share bundle") together with T and all n CertEq signatures.
 *
 * <p>Steps, as the specification's recovery algorithm: verify the transcript and certificate as a third party
 * would; find the unique i with P_i = d_i·G; decrypt and Feldman-check every c_{j,i}; x_i = Σ_j s_{j,i}; check
 * x_i·G = Y_i.
 *
 * <h2>Security guarantees</h2>
 * Returns a share only for a transcript all n participants signed, and only one consistent with the public keys.
 *
 * <h2>WARNING</h2>
 * This is exactly why d_i must be protected like x_i (see {@link StaticKeyPair}): d_i plus the public transcript
 * is the share.
 */
public final class ShareRecovery {
    private ShareRecovery() {}

    public static DkgResult recover(StaticKeyPair key, DkgTranscript transcript) throws DkgAbortException {
        CeremonyParameters params = transcript.parameters();
        VerifiedRound1 verified = VerifiedRound1.verify(params, transcript.round1Messages(), 0, null);
        verified.verifyRound2(transcript.round2Messages(), 0, null);
        int index = params.participantKeys().indexOf(key.publicKey()) + 1;
        if (index == 0) {
            throw new IllegalArgumentException("the static key is not a participant of this ceremony");
        }
        Scalar x = Participant.secretShare(verified, index, key);
        CeremonyOutcome outcome = verified.outcome();
        if (!Point.multiplyGenerator(x).equals(outcome.trusteeKey(index))) {
            throw new IllegalStateException("recovered share does not match Y_i");
        }
        return new DkgResult(outcome, new TrusteeKey(index, x), transcript);
    }
}
