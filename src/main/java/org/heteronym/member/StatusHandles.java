package org.heteronym.member;

import java.nio.charset.StandardCharsets;
import org.heteronym.credential.VerifiedCredential;

/** PLACEHOLDER until the typed status handle lands. */
final class StatusHandles {
    private StatusHandles() {
    }

    static byte[] encode(VerifiedCredential credential) {
        return credential.statusReference().getBytes(StandardCharsets.UTF_8);
    }
}
