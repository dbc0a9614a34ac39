package org.heteronym.crypto.escrow;

import java.nio.charset.StandardCharsets;

/**
 * The commitment a pseudonym's log entry carries in place of the forum and the pseudonym:
 * {@code SHA-256(Transcript("heteronym/v1/pseudonym-binding", forum, pseudonym, envelopeHash, epochId, nonce))}.
 * The random 32-byte nonce (kept on the pseudonym row) hides which forum and pseudonym an entry belongs to, even from
 * the forum, which knows its pseudonyms; revealing the nonce later proves that a disclosure names exactly this
 * pseudonym's envelope. See docs/escrow-protocol.md, "Pseudonym envelopes".
 */
public final class PseudonymBinding {

    static final String TAG = "heteronym/v1/pseudonym-binding";
    public static final int NONCE_LENGTH = 32;

    private PseudonymBinding() {
    }

    public static Hash32 commit(String forum, String pseudonym, Hash32 envelopeHash, Hash32 epochId, byte[] nonce) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("the binding nonce is 32 bytes");
        }
        return Transcript.start(TAG)
                .bytes(forum.getBytes(StandardCharsets.UTF_8))
                .bytes(pseudonym.getBytes(StandardCharsets.UTF_8))
                .bytes(envelopeHash.toBytes())
                .bytes(epochId.toBytes())
                .bytes(nonce)
                .sha256();
    }
}
