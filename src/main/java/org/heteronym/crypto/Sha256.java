package org.heteronym.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Plain SHA-256, for the places where a standard fixes the input and so no domain separation can be added: stored
 * hashes of bearer secrets (codes, tokens, assertion ids) and the OAuth/OIDC derivations (PKCE S256, {@code at_hash}).
 * The service's own constructions use their tagged hashes instead (docs/escrow-protocol.md, docs/members.md).
 */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** SHA-256 of the UTF-8 bytes (which are the ASCII bytes for the ASCII strings of these protocols). */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}
