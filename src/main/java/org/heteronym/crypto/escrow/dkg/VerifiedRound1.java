package org.heteronym.crypto.escrow.dkg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.Transcript;
import org.heteronym.crypto.escrow.dkg.DkgAbortException.Reason;

/**
 * Everything public that follows from the list of Round 1 messages, after the checks any party (participant,
 * coordinator, auditor) can make without a secret: relay checks, σ_j, strict decoding, exactly t commitment
 * points, PoP_j. Holds the decoded messages, the extension, the transcript T and its hash; checks Round 2
 * messages against them; computes the public outcome.
 */
final class VerifiedRound1 {
    static final String EXTENSION_TAG = "heteronym/v1/dkg/extension";

    final CeremonyParameters params;
    final List<Round1Message> messages;
    final byte[] extension;
    final byte[] transcript;
    final Hash32 transcriptHash;

    private VerifiedRound1(CeremonyParameters params, List<Round1Message> messages) {
        this.params = params;
        this.messages = List.copyOf(messages);
        this.extension = extension(messages.stream().map(m -> m.digest).toList());
        this.transcript = CocktailP256.transcript(params.context(), params.threshold(), params.participantKeys(),
                messages.stream().map(m -> m.commitment).toList(), messages.stream().map(m -> m.pop).toList(),
                messages.stream().map(m -> m.ephemeral).toList(), extension);
        this.transcriptHash = Hash32.sha256(transcript);
    }

    /** ext = SHA-256(transcript("heteronym/v1/dkg/extension"; UINT n, BYTES D_1, ..., BYTES D_n)). */
    static byte[] extension(List<byte[]> digests) {
        Transcript tr = Transcript.start(EXTENSION_TAG).uint(digests.size());
        digests.forEach(tr::bytes);
        return tr.sha256().toBytes();
    }

    /**
     * @param ownIndex the verifying participant's index, or 0 for a third party
     * @param ownMessage that participant's own Round 1 message (must come back unchanged), or null
     */
    static VerifiedRound1 verify(CeremonyParameters p, List<byte[]> msgs, int ownIndex, byte[] ownMessage)
            throws DkgAbortException {
        int n = p.participantCount();
        relayChecks(p, msgs, 1, ownIndex, ownMessage);
        int expected = Round1Message.length(p.threshold(), n);
        for (int pos = 1; pos <= n; pos++) {
            if (!Round1Message.signedBy(p, pos, msgs.get(pos - 1))) {
                throw new DkgAbortException(Reason.BAD_SIGNATURE, pos,
                        "Round 1 message signature does not verify under the participant's static key");
            }
        }
        for (int pos = 1; pos <= n; pos++) {
            int len = msgs.get(pos - 1).length;
            if (len != expected) {
                throw new DkgAbortException(Reason.MALFORMED, pos, "Round 1 message is " + len + " bytes, expected "
                        + expected + " for t = " + p.threshold() + ", n = " + n
                        + " (a VSS commitment must have exactly t points)");
            }
        }
        List<Round1Message> decoded = new ArrayList<>(n);
        for (int pos = 1; pos <= n; pos++) {
            decoded.add(Round1Message.decode(p, msgs.get(pos - 1), pos));
        }
        for (Round1Message m : decoded) {
            if (!m.popValid(p.context())) {
                throw new DkgAbortException(Reason.BAD_PROOF_OF_POSSESSION, m.sender,
                        "proof of possession of C_{" + m.sender + ",0} does not verify");
            }
        }
        return new VerifiedRound1(p, decoded);
    }

    /**
     * Checks a list of Round 2 messages: relay checks, exact length, every view entry equal to ours (a differing
     * entry validly signed by j proves that j equivocated; otherwise the message is corrupt), then every CertEq
     * signature on T. All views are checked before any signature, so a split view is reported as equivocation.
     */
    void verifyRound2(List<byte[]> msgs, int ownIndex, byte[] ownMessage) throws DkgAbortException {
        int n = params.participantCount();
        relayChecks(params, msgs, 2, ownIndex, ownMessage);
        for (int pos = 1; pos <= n; pos++) {
            checkRound2Length(pos, msgs.get(pos - 1));
        }
        for (int pos = 1; pos <= n; pos++) {
            checkRound2View(pos, msgs.get(pos - 1));
        }
        for (int pos = 1; pos <= n; pos++) {
            checkRound2Signature(pos, msgs.get(pos - 1));
        }
    }

    void checkRound2Length(int pos, byte[] m) throws DkgAbortException {
        int n = params.participantCount();
        if (m.length != Round2Message.length(n)) {
            throw new DkgAbortException(Reason.MALFORMED, pos,
                    "Round 2 message is " + m.length + " bytes, expected " + Round2Message.length(n));
        }
    }

    void checkRound2View(int pos, byte[] m) throws DkgAbortException {
        for (int j = 1; j <= params.participantCount(); j++) {
            Round1Message mine = messages.get(j - 1);
            byte[] d = Round2Message.viewDigest(m, j);
            byte[] s = Round2Message.viewSignature(m, j);
            if (Arrays.equals(d, mine.digest) && Arrays.equals(s, mine.signature)) {
                continue;
            }
            if (CocktailP256.verify(params.participantKey(j), Round1Message.signingMessage(params.context(), j, d), s)) {
                throw new DkgAbortException(Reason.EQUIVOCATION, j, "participant " + pos
                        + " received a different validly signed Round 1 message from participant " + j,
                        new EquivocationEvidence(j, mine.digest, mine.signature, d, s));
            }
            throw new DkgAbortException(Reason.BAD_SIGNATURE, pos, "Round 2 message reports a Round 1 message of "
                    + "participant " + j + " whose signature does not verify");
        }
    }

    void checkRound2Signature(int pos, byte[] m) throws DkgAbortException {
        if (!CocktailP256.verify(params.participantKey(pos), transcript, Round2Message.transcriptSignature(m))) {
            throw new DkgAbortException(Reason.BAD_SIGNATURE, pos, "CertEq signature on the transcript does not verify");
        }
    }

    /** Y = Σ_j C_{j,0}; Y_m = Σ_k m^k·C_agg,k with C_agg,k = Σ_j C_{j,k}. */
    CeremonyOutcome outcome() throws DkgAbortException {
        int t = params.threshold();
        int n = params.participantCount();
        List<Scalar> ones = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            ones.add(Scalar.of(1));
        }
        List<Optional<Point>> agg = new ArrayList<>(t);
        for (int k = 0; k < t; k++) {
            int kk = k;
            agg.add(Point.linearCombination(ones, messages.stream().map(m -> m.commitment.get(kk)).toList()));
        }
        Point y = agg.get(0).orElseThrow(() -> degenerate("the joint key"));
        List<Point> ys = new ArrayList<>(n);
        for (int m = 1; m <= n; m++) {
            List<Scalar> ks = new ArrayList<>(t);
            List<Point> ps = new ArrayList<>(t);
            Scalar power = Scalar.of(1);
            for (int k = 0; k < t; k++) {
                if (agg.get(k).isPresent()) {
                    ks.add(power);
                    ps.add(agg.get(k).get());
                }
                power = power.multiply(Scalar.of(m));
            }
            int mm = m;
            ys.add(Point.linearCombination(ks, ps).orElseThrow(() -> degenerate("Y_" + mm)));
        }
        return new CeremonyOutcome(t, y, ys, transcriptHash);
    }

    private static DkgAbortException degenerate(String what) {
        return new DkgAbortException(Reason.DEGENERATE_OUTPUT, DkgAbortException.COORDINATOR, what + " is the identity");
    }

    /**
     * Exactly n messages, well-formed headers, no sender twice, in participant order, and the caller's own
     * message unchanged. Two different Round 1 messages from one sender that both carry its valid signature are
     * reported as its equivocation.
     */
    private static void relayChecks(CeremonyParameters p, List<byte[]> msgs, int round, int ownIndex,
            byte[] ownMessage) throws DkgAbortException {
        int n = p.participantCount();
        // a stream test rather than contains(null): immutable lists (List.of, List.copyOf) throw on that query
        if (msgs == null || msgs.size() != n || msgs.stream().anyMatch(java.util.Objects::isNull)) {
            throw new DkgAbortException(Reason.WRONG_MESSAGE_COUNT, DkgAbortException.COORDINATOR, "expected " + n
                    + " Round " + round + " messages, got " + (msgs == null ? 0 : msgs.stream().filter(x -> x != null).count()));
        }
        int[] sender = new int[n + 1];
        for (int pos = 1; pos <= n; pos++) {
            byte[] m = msgs.get(pos - 1);
            sender[pos] = round == 1 ? Round1Message.headerSender(m, n) : Round2Message.headerSender(m, n);
            if (sender[pos] < 0) {
                throw new DkgAbortException(Reason.MALFORMED, pos, "Round " + round + " message has a bad header");
            }
        }
        Map<Integer, Integer> firstPosition = new HashMap<>();
        for (int pos = 1; pos <= n; pos++) {
            Integer other = firstPosition.putIfAbsent(sender[pos], pos);
            if (other == null) {
                continue;
            }
            int h = sender[pos];
            byte[] a = msgs.get(other - 1);
            byte[] b = msgs.get(pos - 1);
            if (Arrays.equals(a, b)) {
                throw new DkgAbortException(Reason.DUPLICATE, DkgAbortException.COORDINATOR,
                        "the Round " + round + " message of participant " + h + " is relayed twice");
            }
            if (round == 1 && Round1Message.signedBy(p, h, a) && Round1Message.signedBy(p, h, b)) {
                throw new DkgAbortException(Reason.EQUIVOCATION, h, "two different signed Round 1 messages",
                        new EquivocationEvidence(h, Round1Message.digest(a), Round1Message.signatureOf(a),
                                Round1Message.digest(b), Round1Message.signatureOf(b)));
            }
            throw new DkgAbortException(Reason.DUPLICATE, DkgAbortException.COORDINATOR, "two different Round "
                    + round + " messages claim sender " + h + " (not both signed by it)");
        }
        for (int pos = 1; pos <= n; pos++) {
            if (sender[pos] != pos) {
                throw new DkgAbortException(Reason.REORDERED, DkgAbortException.COORDINATOR, "Round " + round
                        + " message at position " + pos + " is from participant " + sender[pos]);
            }
        }
        if (ownMessage != null && !Arrays.equals(msgs.get(ownIndex - 1), ownMessage)) {
            throw new DkgAbortException(Reason.OWN_MESSAGE_ALTERED, DkgAbortException.COORDINATOR,
                    "the relayed Round " + round + " message of participant " + ownIndex + " differs from the one it sent");
        }
    }
}
