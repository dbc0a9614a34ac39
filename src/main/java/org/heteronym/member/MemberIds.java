package org.heteronym.member;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Member ids: 128 random bits, base64url. Random, not sequential, so they reveal no order of enrollment. */
final class MemberIds {

    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

    private MemberIds() {
    }

    static String random(SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
