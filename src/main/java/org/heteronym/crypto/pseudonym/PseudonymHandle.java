package org.heteronym.crypto.pseudonym;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.heteronym.crypto.escrow.Transcript;

/**
 * The pseudonymous handle a forum shows ({@code preferred_username} and {@code name}): {@code adjective-noun-NNNN},
 * for example {@code quiet-heron-0421}. With h = SHA-256(Transcript("heteronym/v1/pseudonym-handle", pseudonym,
 * uint(variant))): the adjective is {@link HandleWords#ADJECTIVES}[h[0]], the noun {@link HandleWords#NOUNS}[h[1]],
 * the number the big-endian unsigned 64-bit integer h[2..10) modulo 10,000, written with four digits.
 *
 * <p>12 to 16 ASCII characters of {@code [a-z0-9-]}: within the user-name rules and default lengths of Discourse,
 * phpBB, Flarum and NodeBB (16), and pronounceable for people who talk about each other's posts.
 *
 * <h2>Security guarantees</h2>
 * A public function of the pseudonym, so it tells the forum nothing its {@code sub} does not, and two forums'
 * handles of one member are as independent as their pseudonyms.
 *
 * <h2>WARNING</h2>
 * There are 256 × 256 × 10,000 ≈ 2^29.3 handles, so two members of a large forum can draw the same one (about 0.08 %
 * at 1,000 members, 7 % at 10,000; docs/forums.md). phpBB keys accounts on {@code preferred_username}, so a repeated
 * handle would log two members into one account: whoever hands handles out must keep them unique per forum, taking
 * the next {@code variant} when a handle is taken (variant 0 first).
 */
public final class PseudonymHandle {

    static final String TAG = "heteronym/v1/pseudonym-handle";
    static final int NUMBERS = 10_000;

    private PseudonymHandle() {
    }

    /** The handle of {@code pseudonym}; {@code variant} 0 unless that handle is taken at this forum. */
    public static String derive(Pseudonym pseudonym, int variant) {
        if (variant < 0) {
            throw new IllegalArgumentException("variant must not be negative");
        }
        byte[] h = sha256(Transcript.start(TAG).bytes(pseudonym.bytes()).uint(variant).toByteArray());
        String adjective = HandleWords.ADJECTIVES.get(h[0] & 0xff);
        String noun = HandleWords.NOUNS.get(h[1] & 0xff);
        // 2^64 mod 10^4 makes the lowest 1,616 numbers more likely by a factor of 1 + 5.4e-16: negligible
        long number = Long.remainderUnsigned(ByteBuffer.wrap(h, 2, 8).getLong(), NUMBERS);
        return adjective + "-" + noun + "-" + String.format("%04d", number);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
