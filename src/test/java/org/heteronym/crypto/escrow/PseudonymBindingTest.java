package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The vector of docs/escrow-protocol.md, "Pseudonym envelopes" (reproduced there with Node.js), and separation. */
class PseudonymBindingTest {

    private static final Hash32 ENVELOPE = Hash32.sha256("envelope".getBytes(StandardCharsets.US_ASCII));
    private static final Hash32 EPOCH = Hash32.sha256("epoch".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheDocumentedVector() {
        assertEquals("66c3718d617d6b116214b22026a57ac78071e02581ae1be5d76faafefc720af2",
                PseudonymBinding.commit("forum-a", "pseudonym-1", ENVELOPE, EPOCH, nonce()).toHex());
    }

    @Test
    void everyInputChangesTheCommitment() {
        Hash32 base = PseudonymBinding.commit("forum-a", "pseudonym-1", ENVELOPE, EPOCH, nonce());
        assertNotEquals(base, PseudonymBinding.commit("forum-b", "pseudonym-1", ENVELOPE, EPOCH, nonce()));
        assertNotEquals(base, PseudonymBinding.commit("forum-a", "pseudonym-2", ENVELOPE, EPOCH, nonce()));
        assertNotEquals(base, PseudonymBinding.commit("forum-", "apseudonym-1", ENVELOPE, EPOCH, nonce()));
        assertNotEquals(base, PseudonymBinding.commit("forum-a", "pseudonym-1", EPOCH, EPOCH, nonce()));
        assertNotEquals(base, PseudonymBinding.commit("forum-a", "pseudonym-1", ENVELOPE, ENVELOPE, nonce()));
        byte[] other = nonce();
        other[31] ^= 1;
        assertNotEquals(base, PseudonymBinding.commit("forum-a", "pseudonym-1", ENVELOPE, EPOCH, other));
        assertThrows(IllegalArgumentException.class,
                () -> PseudonymBinding.commit("forum-a", "pseudonym-1", ENVELOPE, EPOCH, new byte[31]));
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[32];
        for (int i = 0; i < 32; i++) {
            nonce[i] = (byte) (0xa0 + i);
        }
        return nonce;
    }
}
