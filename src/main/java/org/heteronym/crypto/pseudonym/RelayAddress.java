package org.heteronym.crypto.pseudonym;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import org.heteronym.crypto.escrow.Transcript;

/**
 * The per-forum relay e-mail address a forum receives as {@code email}: {@code <local part>@<relay domain>}, with
 * the local part the first 20 bytes of SHA-256(Transcript("heteronym/v1/relay-address", pseudonym)) in RFC 4648
 * base32, lower case, no padding (32 characters of {@code [a-z2-7]}).
 *
 * <p>Lower case because forums and mail systems fold the case of addresses (Discourse does), and base32 survives
 * that; 160 bits because all forums share one relay domain, so addresses must not collide across every pseudonym
 * ever made (at 10^9 pseudonyms the chance of any collision is about 3e-31).
 *
 * <h2>Security guarantees</h2>
 * A public function of the pseudonym: each forum gets its own address for a member, and no address is shared by
 * two forums, so e-mail cannot become the cross-forum link that a real or shared address would be (Discourse
 * matches accounts by e-mail). It names nobody.
 */
public final class RelayAddress {

    static final String TAG = "heteronym/v1/relay-address";
    static final int LOCAL_BYTES = 20;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** Lower-case LDH labels, at least two (RFC 1035 §2.3.1, RFC 5321 §4.1.2). */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private RelayAddress() {
    }

    /** The 32-character local part. */
    public static String localPart(Pseudonym pseudonym) {
        byte[] digest = sha256(Transcript.start(TAG).bytes(pseudonym.bytes()).toByteArray());
        return base32(digest, LOCAL_BYTES);
    }

    /** The full address under {@code domain} (which {@link #checkDomain} accepts). */
    public static String address(Pseudonym pseudonym, String domain) {
        return localPart(pseudonym) + "@" + checkDomain(domain);
    }

    /** {@code domain} if it is a lower-case DNS name of two or more labels, at most 200 characters. */
    public static String checkDomain(String domain) {
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("the relay domain must be a lower-case DNS name such as "
                    + "relay.example.org, not " + domain);
        }
        return domain;
    }

    /** RFC 4648 §6 base32 of the first {@code length} bytes, lower case; {@code length} a multiple of 5. */
    static String base32(byte[] data, int length) {
        StringBuilder out = new StringBuilder(length * 8 / 5);
        for (int i = 0; i < length; i += 5) {
            long group = 0;
            for (int j = 0; j < 5; j++) {
                group = (group << 8) | (data[i + j] & 0xff);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                out.append(BASE32[(int) (group >>> shift) & 31]);
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
