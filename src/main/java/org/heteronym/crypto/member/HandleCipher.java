package org.heteronym.crypto.member;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.heteronym.crypto.escrow.Transcript;

/**
 * Encrypts a member's licence status handle (what the licence monitor re-checks) under the handle key:
 * {@code nonce(12) || AES-256-GCM(key, nonce, handle, aad)}, with aad = Transcript("heteronym/v1/status-handle",
 * duplicate tag). Binding the tag means a handle copied onto another member's row does not decrypt there.
 */
public final class HandleCipher {

    static final String AAD_TAG = "heteronym/v1/status-handle";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public HandleCipher(byte[] handleKey, SecureRandom random) {
        this.key = new SecretKeySpec(handleKey, "AES");
        this.random = random;
    }

    public byte[] seal(byte[] handle, byte[] duplicateTag) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        return seal(handle, duplicateTag, nonce);
    }

    /** Deterministic core, for test vectors. */
    byte[] seal(byte[] handle, byte[] duplicateTag, byte[] nonce) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(duplicateTag));
            byte[] ct = cipher.doFinal(handle);
            byte[] out = Arrays.copyOf(nonce, NONCE + ct.length);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws AEADBadTagException if the ciphertext was altered, moved to another member or made with another key */
    public byte[] open(byte[] sealed, byte[] duplicateTag) throws AEADBadTagException {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new AEADBadTagException("sealed handle too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(aad(duplicateTag));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] aad(byte[] duplicateTag) {
        return Transcript.start(AAD_TAG).bytes(duplicateTag).toByteArray();
    }
}
