package org.heteronym.crypto.escrow;

import java.util.List;

/**
 * The result of a successful opening: the identity record, the disclosure context it was opened under and the
 * trustees whose shares were combined. Only {@link EnvelopeOpener} can construct one (package-private
 * constructor), so an instance is proof, within this process, that the record came out of a logged envelope
 * through t verified shares.
 *
 * <h2>Security guarantees</h2>
 * Immutable. The context identifies the request log entry, the envelope log entry and the checkpoint.
 *
 * <h2>WARNING</h2>
 * Contains personal data: hand it only to the legal officer named in the request, and record the disclosure.
 */
public final class OpenedIdentity {
    private final IdentityRecord record;
    private final ShareContext context;
    private final List<Integer> trusteeIndices;

    OpenedIdentity(IdentityRecord record, ShareContext context, List<Integer> trusteeIndices) {
        this.record = record;
        this.context = context;
        this.trusteeIndices = List.copyOf(trusteeIndices);
    }

    public IdentityRecord record() {
        return record;
    }

    /** The disclosure context (as verified for the lowest-index trustee among those combined). */
    public ShareContext context() {
        return context;
    }

    public List<Integer> trusteeIndices() {
        return trusteeIndices;
    }

    @Override
    public String toString() {
        return "OpenedIdentity[request " + context.requestIndex() + ", trustees " + trusteeIndices + "]";
    }
}
