package org.heteronym.crypto.escrow;

import java.util.Objects;

/**
 * Everything a decryption share is made for, hashed into each share proof's challenge: the disclosure request
 * log entry (index, SHA-256 of the entry), the envelope log entry (index, envelopeHash), the checkpoint relied
 * on (tree size, root hash), the epoch id, the trustee index i and the officer key R.
 *
 * <p>Encoding ({@value #ENCODED_LENGTH} bytes): {@code u8 0x01 || u64 requestIndex || requestEntryHash[32] ||
 * u64 envelopeIndex || envelopeHash[32] || u64 checkpointSize || checkpointRoot[32] || epochId[32] ||
 * u32 trusteeIndex || R[33]}.
 *
 * <h2>Security guarantees</h2>
 * The encoding is fixed-length and injective. Construction enforces envelopeIndex &lt; requestIndex &lt;
 * checkpointSize: the envelope was logged before the request, and the checkpoint covers both.
 *
 * <h2>WARNING</h2>
 * Build the context from the log as verified against the checkpoint (inclusion proofs are checked elsewhere),
 * never from fields supplied by the requester or a trustee.
 */
public record ShareContext(
        long requestIndex,
        Hash32 requestEntryHash,
        long envelopeIndex,
        Hash32 envelopeHash,
        long checkpointSize,
        Hash32 checkpointRoot,
        Hash32 epochId,
        int trusteeIndex,
        Point officerKey) {

    public static final byte VERSION = 0x01;
    public static final int ENCODED_LENGTH = 1 + 8 + 32 + 8 + 32 + 8 + 32 + 32 + 4 + 33;

    public ShareContext {
        Objects.requireNonNull(requestEntryHash);
        Objects.requireNonNull(envelopeHash);
        Objects.requireNonNull(checkpointRoot);
        Objects.requireNonNull(epochId);
        Objects.requireNonNull(officerKey);
        if (envelopeIndex < 0 || envelopeIndex >= requestIndex || requestIndex >= checkpointSize) {
            throw new IllegalArgumentException("need 0 ≤ envelopeIndex < requestIndex < checkpointSize");
        }
        if (trusteeIndex < 1 || trusteeIndex > EpochKey.MAX_TRUSTEES) {
            throw new IllegalArgumentException("trustee index must be 1.." + EpochKey.MAX_TRUSTEES);
        }
    }

    /** The same disclosure, addressed to trustee {@code index}. */
    public ShareContext forTrustee(int index) {
        return new ShareContext(requestIndex, requestEntryHash, envelopeIndex, envelopeHash, checkpointSize,
                checkpointRoot, epochId, index, officerKey);
    }

    /** True if both contexts describe the same disclosure, ignoring the trustee index. */
    public boolean sameDisclosureAs(ShareContext o) {
        return equals(o.forTrustee(trusteeIndex));
    }

    public byte[] encode() {
        byte[] out = new byte[ENCODED_LENGTH];
        out[0] = VERSION;
        Bytes.putU64(out, 1, requestIndex);
        requestEntryHash.copyTo(out, 9);
        Bytes.putU64(out, 41, envelopeIndex);
        envelopeHash.copyTo(out, 49);
        Bytes.putU64(out, 81, checkpointSize);
        checkpointRoot.copyTo(out, 89);
        epochId.copyTo(out, 121);
        Bytes.putU32(out, 153, trusteeIndex);
        officerKey.copyTo(out, 157);
        return out;
    }
}
