package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Hashes a message to a scalar: OS2IP(expand_message_xmd_SHA-256(msg, DST, 48)) mod n. This is RFC 9380's
 * hash_to_field with count = 1 and L = 48, reduced modulo the group order n instead of p.
 *
 * <h2>Security guarantees</h2>
 * 48 bytes = 384 bits reduced modulo a 256-bit n gives a statistical distance from uniform of about 2^-128;
 * in the random oracle model the output is a uniform challenge, independent for each DST.
 *
 * <h2>WARNING</h2>
 * The message must be an injective encoding of everything the challenge binds (use {@link Transcript}); hashing
 * bare concatenations invites ambiguity attacks.
 */
public final class HashToScalar {
    static final int EXPANDED_LENGTH = 48;

    private HashToScalar() {}

    public static Scalar hash(byte[] msg, String dst) {
        byte[] uniform = ExpandMessageXmd.expand(msg, dst.getBytes(StandardCharsets.US_ASCII), EXPANDED_LENGTH);
        return Scalar.reduce(new BigInteger(1, uniform));
    }
}
