package org.heteronym.crypto.escrow;

import java.util.List;

/**
 * A decryption share whose proofs have been checked by {@link ShareVerifier}; only the verifier can construct
 * one (package-private constructor), so holding one is evidence that, for every chunk j,
 * E2 − ρ·E1 = x_i·A_j for the envelope and context recorded here.
 *
 * <h2>Security guarantees</h2>
 * Immutable; carries the exact {@link ShareContext} it was verified under, which the opener compares across
 * shares and against the envelope.
 *
 * <h2>WARNING</h2>
 * A verified share is only meaningful together with its context; do not strip or substitute it.
 */
public final class VerifiedShare {
    private final ShareContext context;
    private final List<Point> e1;
    private final List<Point> e2;

    VerifiedShare(ShareContext context, List<Point> e1, List<Point> e2) {
        this.context = context;
        this.e1 = List.copyOf(e1);
        this.e2 = List.copyOf(e2);
    }

    public int trusteeIndex() {
        return context.trusteeIndex();
    }

    public ShareContext context() {
        return context;
    }

    int chunkCount() {
        return e1.size();
    }

    Point e1(int j) {
        return e1.get(j);
    }

    Point e2(int j) {
        return e2.get(j);
    }

    @Override
    public String toString() {
        return "VerifiedShare[trustee " + context.trusteeIndex() + ", envelope " + context.envelopeHash() + "]";
    }
}
