package org.heteronym.crypto.note;

import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (RFC 8032), as its 32-byte encoding.
 *
 * <p>Security guarantees: {@link #fromRaw} accepts only canonical encodings of points of prime order (Bouncy
 * Castle's full validation), so small-order and mixed-order keys, for which a signature can verify for more
 * than one message in surprising ways, are refused up front. Signature verification is Bouncy Castle's
 * RFC 8032 verification, which rejects non-canonical {@code S}.
 */
public final class Ed25519PublicKey {

    private final byte[] raw;
    private final Ed25519PublicKeyParameters parameters;

    private Ed25519PublicKey(byte[] raw) {
        this.raw = raw;
        this.parameters = new Ed25519PublicKeyParameters(raw, 0);
    }

    /**
     * Wraps a 32-byte RFC 8032 public key encoding.
     *
     * @throws NoteException if it is not 32 bytes or not a valid prime-order point
     */
    public static Ed25519PublicKey fromRaw(byte[] raw) throws NoteException {
        if (raw == null || raw.length != SignedNoteFormat.ED25519_PUBLIC_KEY_BYTES) {
            throw new NoteException("an Ed25519 public key has 32 bytes, got "
                    + (raw == null ? "none" : raw.length));
        }
        if (!Ed25519.validatePublicKeyFull(raw, 0)) {
            throw new NoteException("not a valid Ed25519 public key (non-canonical encoding, not on the curve, "
                    + "or not of prime order)");
        }
        return new Ed25519PublicKey(raw.clone());
    }

    /** For keys derived from a private key, which are valid by construction. */
    static Ed25519PublicKey derived(byte[] raw) {
        return new Ed25519PublicKey(raw.clone());
    }

    /** The 32-byte RFC 8032 encoding. */
    public byte[] raw() {
        return raw.clone();
    }

    /** RFC 8032 Ed25519 (pure) verification of {@code signature} over {@code message}. */
    boolean verify(byte[] message, byte[] signature) {
        if (signature.length != SignedNoteFormat.ED25519_SIGNATURE_BYTES) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, parameters);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + Base64.getEncoder().encodeToString(raw) + "]";
    }
}
