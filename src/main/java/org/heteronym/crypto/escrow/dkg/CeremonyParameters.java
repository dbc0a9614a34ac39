package org.heteronym.crypto.escrow.dkg;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Point;

/**
 * The public inputs every participant of one DKG ceremony must agree on before Round 1: a session id unique to the
 * ceremony, the threshold t and the ordered static public keys P_1..P_n (participant i is the i-th key). From
 * them the COCKTAIL-DKG session {@link #context()} is derived with the specification's recommended construction,
 * which binds the session id, the ciphersuite id and the ordered key list.
 *
 * <h2>Security guarantees</h2>
 * Enforces 1 ≤ t ≤ n ≤ {@value #MAX_PARTICIPANTS}, a session id of 1..{@value #MAX_SESSION_ID_LENGTH} bytes and
 * pairwise distinct keys (points are valid non-identity P-256 elements by construction). Two parameter sets with a
 * different session id, key, key order or n have different contexts, so no message or signature of one ceremony
 * is accepted in another.
 *
 * <h2>WARNING</h2>
 * The parameters come from the untrusted coordinator. Each trustee must check them out of band before Round 1:
 * that the key list is the expected trustee set (for example by comparing {@link #context()} in hex, which
 * commits to all of it, with the other trustees over an authenticated channel), that t is the agreed threshold,
 * and that the session id was never used before. t is not part of the context but is bound by the transcript.
 */
public final class CeremonyParameters {
    public static final int MAX_PARTICIPANTS = EpochKey.MAX_TRUSTEES;
    public static final int MAX_SESSION_ID_LENGTH = 1024;
    private final byte[] sessionId;
    private final int threshold;
    private final List<Point> keys;
    private final Hash32 context;

    public CeremonyParameters(byte[] sessionId, int threshold, List<Point> participantKeys) {
        this.sessionId = Objects.requireNonNull(sessionId).clone();
        this.keys = List.copyOf(participantKeys);
        int n = keys.size();
        if (this.sessionId.length < 1 || this.sessionId.length > MAX_SESSION_ID_LENGTH) {
            throw new IllegalArgumentException("session id must be 1.." + MAX_SESSION_ID_LENGTH + " bytes");
        }
        if (threshold < 1 || threshold > n || n > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("need 1 ≤ t ≤ n ≤ " + MAX_PARTICIPANTS);
        }
        if (new HashSet<>(keys).size() != n) {
            throw new IllegalArgumentException("participant keys must be pairwise distinct");
        }
        this.threshold = threshold;
        this.context = CocktailP256.context(this.sessionId, keys);
    }

    public byte[] sessionId() {
        return sessionId.clone();
    }

    public int threshold() {
        return threshold;
    }

    public int participantCount() {
        return keys.size();
    }

    /** P_i for 1 ≤ i ≤ n. */
    public Point participantKey(int index) {
        checkIndex(index);
        return keys.get(index - 1);
    }

    public List<Point> participantKeys() {
        return keys;
    }

    /** The 32-byte COCKTAIL-DKG context: SHA-256 over the session id, ciphersuite id, n and P_1..P_n. */
    public Hash32 context() {
        return context;
    }

    /** Length in bytes of every Round 1 message of this ceremony. */
    public int round1MessageLength() {
        return Round1Message.length(threshold, keys.size());
    }

    /** Length in bytes of every Round 2 message of this ceremony. */
    public int round2MessageLength() {
        return Round2Message.length(keys.size());
    }

    void checkIndex(int index) {
        if (index < 1 || index > keys.size()) {
            throw new IllegalArgumentException("no participant with index " + index);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CeremonyParameters p && threshold == p.threshold && Arrays.equals(sessionId, p.sessionId)
                && keys.equals(p.keys);
    }

    @Override
    public int hashCode() {
        return context.hashCode() * 31 + threshold;
    }

    @Override
    public String toString() {
        return "CeremonyParameters[t=" + threshold + ", n=" + keys.size() + ", context=" + context.toHex() + "]";
    }
}
