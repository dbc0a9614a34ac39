package org.heteronym.crypto.member;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.heteronym.crypto.escrow.Transcript;

/**
 * The duplicate-detection tag: HMAC-SHA256(tag key, Transcript("heteronym/v1/duplicate-tag", authority, licence
 * number)). The same licence always gets the same tag, so one licence is one member; without the key the tag says
 * nothing, and the key lives outside the database. See docs/members.md, "Duplicate tag".
 */
public final class DuplicateTag {

    static final String TAG = "heteronym/v1/duplicate-tag";

    private DuplicateTag() {
    }

    /** @return 32 bytes */
    public static byte[] compute(byte[] tagKey, String authority, String licenceNumber) {
        byte[] message = Transcript.start(TAG)
                .bytes(authority.getBytes(StandardCharsets.UTF_8))
                .bytes(licenceNumber.getBytes(StandardCharsets.UTF_8))
                .toByteArray();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tagKey, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
