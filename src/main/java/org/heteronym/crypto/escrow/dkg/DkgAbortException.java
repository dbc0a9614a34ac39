package org.heteronym.crypto.escrow.dkg;

import java.util.Optional;
import org.heteronym.crypto.escrow.EscrowException;

/**
 * The ceremony must be abandoned: a received message failed strict decoding or verification. Names the culprit
 * (a participant index 1..n, or {@link #COORDINATOR} when the fault lies in the relaying itself: a missing,
 * duplicated or reordered message, or one's own message altered) and the {@link Reason}. The message never
 * contains secret values.
 *
 * <h2>Security guarantees</h2>
 * Blame is sound for every reason marked <em>attributable</em> below: the culprit signed (with its static key) or
 * proved something that is wrong, so the coordinator cannot cause it. For an {@link EquivocationEvidence} the
 * blame is also publicly verifiable.
 *
 * <h2>WARNING</h2>
 * A {@link Reason#BAD_SIGNATURE} or {@link Reason#MALFORMED} blame for a message that does not verify under its
 * purported sender's key names that sender, but the untrusted coordinator (which relays every message) may have
 * corrupted it instead; treat it as "sender or coordinator" unless the sender's own signed copy is produced.
 * Likewise {@link Reason#DECRYPTION_FAILED} and {@link Reason#SHARE_INCONSISTENT} are known only to the victim
 * (COCKTAIL-DKG ciphertexts are not publicly decryptable), although the ciphertext itself is signed by the sender.
 */
public final class DkgAbortException extends EscrowException {
    private static final long serialVersionUID = 1L;
    /** The culprit value for faults of the relay (the coordinator), not of a participant. */
    public static final int COORDINATOR = 0;

    public enum Reason {
        /** Wrong length, bad header, non-canonical scalar or point, wrong ciphertext frame (attributable if the
         *  message's signature verifies). Includes a VSS commitment of other than t points. */
        MALFORMED,
        /** Not exactly n messages in a round (coordinator). */
        WRONG_MESSAGE_COUNT,
        /** Messages not in participant order (coordinator). */
        REORDERED,
        /** The same message twice (coordinator). */
        DUPLICATE,
        /** The participant's own message came back altered (coordinator). */
        OWN_MESSAGE_ALTERED,
        /** A Round 1 message signature or a CertEq transcript signature does not verify. */
        BAD_SIGNATURE,
        /** The COCKTAIL proof of possession of C_{j,0} does not verify (attributable). */
        BAD_PROOF_OF_POSSESSION,
        /** The share addressed to this participant does not decrypt (attributable to the sender's ciphertext). */
        DECRYPTION_FAILED,
        /** The decrypted share fails the Feldman check against the sender's commitment (attributable). */
        SHARE_INCONSISTENT,
        /** Two different validly signed Round 1 messages from one participant (attributable, with evidence). */
        EQUIVOCATION,
        /** The joint key or a verification key is the identity: impossible in a genuine ceremony. */
        DEGENERATE_OUTPUT
    }

    private final Reason reason;
    private final int culprit;
    private final transient EquivocationEvidence evidence;

    DkgAbortException(Reason reason, int culprit, String detail) {
        this(reason, culprit, detail, null);
    }

    DkgAbortException(Reason reason, int culprit, String detail, EquivocationEvidence evidence) {
        super(reason + " by " + (culprit == COORDINATOR ? "the coordinator" : "participant " + culprit) + ": "
                + detail);
        this.reason = reason;
        this.culprit = culprit;
        this.evidence = evidence;
    }

    public Reason reason() {
        return reason;
    }

    /** The participant index at fault (1..n), or {@link #COORDINATOR}. */
    public int culprit() {
        return culprit;
    }

    /** For {@link Reason#EQUIVOCATION}: the two conflicting signed digests, checkable by anyone. */
    public Optional<EquivocationEvidence> evidence() {
        return Optional.ofNullable(evidence);
    }
}
