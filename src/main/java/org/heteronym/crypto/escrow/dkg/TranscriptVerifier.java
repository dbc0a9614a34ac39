package org.heteronym.crypto.escrow.dkg;

import java.util.List;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.dkg.DkgAbortException.Reason;

/**
 * Third-party (auditor, coordinator) verification of a ceremony from public data only.
 *
 * <p>{@link #verify} recomputes the context from the parameters and checks: n messages per round in participant
 * order; every Round 1 message's signature, exact length and strict encoding (t commitment points, canonical
 * points and scalars, 48-byte ciphertext frames); every proof of possession; the extension and transcript T;
 * every Round 2 message's exact length, its view of Round 1 (identical to the logged messages) and its CertEq
 * signature on T. It then derives Y, Y_1..Y_n and the epoch key, i.e. the same {@link CeremonyOutcome} as every
 * participant.
 *
 * <h2>Security guarantees</h2>
 * An accepted transcript was signed, over one and the same T, by all n static keys; T binds the parameters, all
 * commitments, PoPs and ephemeral keys and (through the extension) every Round 1 message including its
 * ciphertexts. Each honest participant signs T only after decrypting and Feldman-checking its own shares, so
 * acceptance means every participant attested that its share is consistent with the public keys.
 *
 * <h2>WARNING</h2>
 * What no third party can check: that a ciphertext decrypts to a share consistent with the commitments (only
 * its recipient can; COCKTAIL-DKG ciphertexts are not publicly verifiable), and that the parameters name the
 * right people (compare the static keys with the trustees' published keys).
 */
public final class TranscriptVerifier {
    private TranscriptVerifier() {}

    public static CeremonyOutcome verify(DkgTranscript transcript) throws DkgAbortException {
        VerifiedRound1 r1 = VerifiedRound1.verify(transcript.parameters(), transcript.round1Messages(), 0, null);
        r1.verifyRound2(transcript.round2Messages(), 0, null);
        return r1.outcome();
    }

    public static CeremonyOutcome verify(byte[] encodedTranscript) throws DkgAbortException, MalformedEncodingException {
        return verify(DkgTranscript.decode(encodedTranscript));
    }

    /**
     * For the coordinator on receipt of participant i's Round 1 message: header names i, signature by P_i,
     * exact length, strict encoding, valid PoP. A failure is attributable to i if the signature verified.
     */
    public static void checkRound1Message(CeremonyParameters params, int sender, byte[] message)
            throws DkgAbortException {
        params.checkIndex(sender);
        if (Round1Message.headerSender(message, params.participantCount()) != sender) {
            throw new DkgAbortException(Reason.MALFORMED, sender, "Round 1 message header does not name its sender");
        }
        if (!Round1Message.signedBy(params, sender, message)) {
            throw new DkgAbortException(Reason.BAD_SIGNATURE, sender, "Round 1 message signature does not verify");
        }
        if (message.length != params.round1MessageLength()) {
            throw new DkgAbortException(Reason.MALFORMED, sender, "Round 1 message is " + message.length
                    + " bytes, expected " + params.round1MessageLength());
        }
        if (!Round1Message.decode(params, message, sender).popValid(params.context())) {
            throw new DkgAbortException(Reason.BAD_PROOF_OF_POSSESSION, sender, "proof of possession does not verify");
        }
    }

    /**
     * For the coordinator on receipt of participant k's Round 2 message, given the n Round 1 messages it relayed:
     * header, length, view identical to those messages, CertEq signature on T.
     */
    public static void checkRound2Message(CeremonyParameters params, List<byte[]> round1Messages, int sender,
            byte[] message) throws DkgAbortException {
        params.checkIndex(sender);
        VerifiedRound1 r1 = VerifiedRound1.verify(params, round1Messages, 0, null);
        if (Round2Message.headerSender(message, params.participantCount()) != sender) {
            throw new DkgAbortException(Reason.MALFORMED, sender, "Round 2 message header does not name its sender");
        }
        r1.checkRound2Length(sender, message);
        r1.checkRound2View(sender, message);
        r1.checkRound2Signature(sender, message);
    }
}
