package org.heteronym.crypto.escrow;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.util.encoders.Hex;

/**
 * An immutable 32-byte value: a SHA-256 digest, an epoch id, a log root or entry hash. A distinct type keeps
 * hashes from being confused with keys or arbitrary byte arrays in the APIs.
 *
 * <h2>Security guarantees</h2>
 * Exactly 32 bytes, defensively copied in and out; {@link #equals} compares in constant time.
 *
 * <h2>WARNING</h2>
 * A Hash32 says nothing about where the value came from: an envelope hash or checkpoint root is only
 * meaningful once the log layer has verified it.
 */
public final class Hash32 {
    public static final int LENGTH = 32;
    private final byte[] bytes;

    private Hash32(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 32 bytes. */
    public static Hash32 of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("expected 32 bytes");
        }
        return new Hash32(bytes.clone());
    }

    public static Hash32 fromHex(String hex) {
        return of(Hex.decodeStrict(hex));
    }

    /** Plain SHA-256 of {@code data}, e.g. of a log entry. */
    public static Hash32 sha256(byte[] data) {
        return new Hash32(Bytes.sha256().digest(data));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    void copyTo(byte[] out, int off) {
        System.arraycopy(bytes, 0, out, off, LENGTH);
    }

    public String toHex() {
        return Hex.toHexString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        // Constant-time so that comparing a MAC-like value never becomes an oracle, even though most are public.
        return o instanceof Hash32 h && MessageDigest.isEqual(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
