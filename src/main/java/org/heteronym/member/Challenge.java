package org.heteronym.member;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A single-use challenge: 32 random bytes, base64url. A certificate holder signs {@link #text()} exactly (one line,
 * no newline), which names this service so a signature made for another site is useless here; an attestation's key
 * binding carries {@link #value()} as its {@code nonce}.
 *
 * @param value   base64url (no padding) of 32 random bytes
 * @param service the public URL of this service
 */
public record Challenge(String value, String service) {

    static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final String PREFIX = "heteronym-challenge:v1:";

    public Challenge {
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a challenge value");
        }
    }

    /** What a certificate holder signs. */
    public String text() {
        return PREFIX + service + ":" + value;
    }

    byte[] signedBytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** The random bytes whose base64url an attestation's key-binding JWT carries as {@code nonce}. */
    byte[] nonceBytes() {
        return Base64.getUrlDecoder().decode(value);
    }
}
