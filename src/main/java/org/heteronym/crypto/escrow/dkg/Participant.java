package org.heteronym.crypto.escrow.dkg;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.TrusteeKey;
import org.heteronym.crypto.escrow.dkg.DkgAbortException.Reason;

/**
 * One trustee's side of a COCKTAIL(P-256, SHA-256) ceremony, as a transport-agnostic state machine:
 * {@link #round1()} → send to the coordinator; {@link #round2} with the n relayed Round 1 messages → send;
 * {@link #finish} with the n relayed Round 2 messages → {@link DkgResult}. Each step runs once, in order.
 *
 * <ul>
 *   <li>Round 1: random f_i of degree t−1 (non-zero coefficients a_{i,k}), C_{i,k} = a_{i,k}·G, ephemeral
 *       (e_i, E_i), PoP_i = Sign(a_{i,0}, context || C_i || E_i), and for every j (itself included) the share
 *       f_i(j) encrypted with XAES-256-GCM under H6(e_i·P_j || d_i·P_j, E_i, P_i, P_j, ...); signed with d_i.</li>
 *   <li>Round 2: relay checks, signatures, strict decoding, PoPs; decrypts and Feldman-checks every share for i;
 *       x_i = Σ_j s_{j,i}; Y, Y_1..Y_n; checks x_i·G = Y_i; builds T (with the Heteronym extension binding all
 *       Round 1 messages) and sends sig_i = Sign(d_i, T) with its view of Round 1.</li>
 *   <li>Finish: every other participant saw the same Round 1 messages (else: equivocation, with evidence) and
 *       signed the same T (CertEq). Only then is the share released.</li>
 * </ul>
 *
 * <h2>Security guarantees</h2>
 * Any deviation throws {@link DkgAbortException} naming the culprit, and the participant is then unusable: no
 * partial output is ever released. The polynomial and e_i are dropped as soon as Round 1 is built, so between
 * rounds the participant holds only public data (its own Round 1 message) besides d_i.
 *
 * <h2>WARNING</h2>
 * Not thread-safe beyond the per-call lock; one instance per ceremony; never reuse a {@link CeremonyParameters}
 * session id. Not constant-time (see {@link Scalar}).
 */
public final class Participant {
    private enum State { NEW, ROUND1_SENT, ROUND2_SENT, DONE, FAILED }

    private final CeremonyParameters params;
    private final int index;
    private final StaticKeyPair key;
    private final SecureRandom random;
    private State state = State.NEW;
    private List<Scalar> coefficients;
    private Scalar ephemeral;
    private byte[] ownRound1;
    private byte[] ownRound2;
    private List<byte[]> round1Messages;
    private VerifiedRound1 verified;
    private CeremonyOutcome outcome;
    private Scalar share;

    public Participant(CeremonyParameters params, int index, StaticKeyPair key, SecureRandom random) {
        this.params = Objects.requireNonNull(params);
        this.key = Objects.requireNonNull(key);
        this.random = Objects.requireNonNull(random);
        params.checkIndex(index);
        if (!params.participantKey(index).equals(key.publicKey())) {
            throw new IllegalArgumentException("the static key is not participant " + index + "'s key P_" + index);
        }
        this.index = index;
    }

    /** Deterministic variant with explicit polynomial and ephemeral secret, for test vectors only. */
    static Participant withRandomness(CeremonyParameters params, int index, StaticKeyPair key,
            List<Scalar> coefficients, Scalar ephemeral) {
        Participant p = new Participant(params, index, key, new SecureRandom());
        p.coefficients = List.copyOf(coefficients);
        p.ephemeral = ephemeral;
        return p;
    }

    public int index() {
        return index;
    }

    public CeremonyParameters parameters() {
        return params;
    }

    /** Round 1: the message to send to the coordinator ({@link CeremonyParameters#round1MessageLength()} bytes). */
    public synchronized byte[] round1() {
        expect(State.NEW);
        if (coefficients == null) {
            List<Scalar> a = new ArrayList<>(params.threshold());
            for (int k = 0; k < params.threshold(); k++) {
                a.add(Scalar.random(random)); // uniform on [1, n−1]: the specification's resampling of zero
            }
            coefficients = List.copyOf(a);
            ephemeral = Scalar.random(random);
        }
        try {
            ownRound1 = Round1Message.create(params, index, key, coefficients, ephemeral);
        } catch (RuntimeException e) {
            fail();
            throw e;
        } finally {
            // Not needed any more: Round 2 decrypts the self-share like every other share. From here on the
            // participant's state is its own public Round 1 message plus d_i.
            coefficients = null;
            ephemeral = null;
        }
        state = State.ROUND1_SENT;
        return ownRound1.clone();
    }

    /**
     * Round 2: verifies the n Round 1 messages (in participant order, as relayed by the coordinator) and returns
     * this participant's Round 2 message.
     */
    public synchronized byte[] round2(List<byte[]> allRound1) throws DkgAbortException {
        expect(State.ROUND1_SENT);
        try {
            List<byte[]> msgs = allRound1 == null ? null : allRound1.stream().map(b -> b == null ? null : b.clone()).toList();
            verified = VerifiedRound1.verify(params, msgs, index, ownRound1);
            Scalar x = secretShare(verified, index, key);
            outcome = verified.outcome();
            if (!Point.multiplyGenerator(x).equals(outcome.trusteeKey(index))) {
                // Implied by the Feldman checks; a failure is a bug, never an input error.
                throw new IllegalStateException("final self-consistency check x_i·G = Y_i failed");
            }
            share = x;
            round1Messages = msgs;
            ownRound2 = Round2Message.create(index, key, verified.transcript, verified.messages);
        } catch (DkgAbortException | RuntimeException e) {
            fail();
            throw e;
        }
        state = State.ROUND2_SENT;
        return ownRound2.clone();
    }

    /** Finish: verifies the n Round 2 messages (CertEq) and releases the result. */
    public synchronized DkgResult finish(List<byte[]> allRound2) throws DkgAbortException {
        expect(State.ROUND2_SENT);
        try {
            List<byte[]> msgs = allRound2 == null ? null : allRound2.stream().map(b -> b == null ? null : b.clone()).toList();
            verified.verifyRound2(msgs, index, ownRound2);
            DkgResult result = new DkgResult(outcome, new TrusteeKey(index, share),
                    new DkgTranscript(params, round1Messages, msgs));
            state = State.DONE;
            share = null;
            return result;
        } catch (DkgAbortException | RuntimeException e) {
            fail();
            throw e;
        }
    }

    /** s_{j,i}: decrypt c_{j,i} with d_i, decode strictly, Feldman-check against C_j. */
    static Scalar decryptAndCheck(CeremonyParameters params, int index, StaticKeyPair key, Round1Message m)
            throws DkgAbortException {
        int j = m.sender;
        CocktailP256.KeyAndNonce kn = CocktailP256.recipientKey(key.secret(), m.ephemeral, params.participantKey(j),
                key.publicKey(), params.context());
        Optional<byte[]> plaintext = CocktailP256.decrypt(kn, m.ciphertextFor(index));
        kn.wipe();
        if (plaintext.isEmpty()) {
            throw new DkgAbortException(Reason.DECRYPTION_FAILED, j, "the share for participant " + index
                    + " does not decrypt");
        }
        byte[] pt = plaintext.get();
        Scalar s;
        try {
            if (pt.length != CocktailP256.SCALAR_LENGTH) {
                throw new MalformedEncodingException("share plaintext must be exactly one scalar (no payload)");
            }
            s = Scalar.decode(pt);
        } catch (MalformedEncodingException e) {
            throw new DkgAbortException(Reason.MALFORMED, j, "decrypted share: " + e.getMessage());
        } finally {
            java.util.Arrays.fill(pt, (byte) 0);
        }
        if (!CocktailP256.shareMatchesCommitment(s, index, m.commitment)) {
            throw new DkgAbortException(Reason.SHARE_INCONSISTENT, j, "the share for participant " + index
                    + " is inconsistent with C_" + j);
        }
        return s;
    }

    /** x_i = Σ_j s_{j,i} over all verified Round 1 messages. */
    static Scalar secretShare(VerifiedRound1 verified, int index, StaticKeyPair key) throws DkgAbortException {
        Scalar x = Scalar.of(0);
        for (Round1Message m : verified.messages) {
            x = x.add(decryptAndCheck(verified.params, index, key, m));
        }
        if (x.isZero()) {
            throw new DkgAbortException(Reason.DEGENERATE_OUTPUT, DkgAbortException.COORDINATOR, "x_i is zero");
        }
        return x;
    }

    private void expect(State s) {
        if (state != s) {
            throw new IllegalStateException("participant " + index + " is in state " + state + ", not " + s);
        }
    }

    private void fail() {
        state = State.FAILED;
        coefficients = null;
        ephemeral = null;
        share = null;
    }
}
