package org.heteronym.crypto.escrow.dkg;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * XAES-256-GCM (c2sp.org/XAES-256-GCM): AES-256-GCM under a subkey derived from the 256-bit key and the first 12
 * bytes of the 24-byte nonce with the NIST SP 800-108r1 counter KDF over CMAC-AES-256; the last 12 nonce bytes are
 * the GCM nonce. Ciphertext = GCM ciphertext || 16-byte tag. No additional data is used by COCKTAIL-DKG.
 *
 * <h2>Security guarantees</h2>
 * An AEAD: confidentiality and integrity of the plaintext under a key used with distinct nonces. COCKTAIL-DKG
 * derives a fresh key and nonce per (session, sender, recipient) with H6, so nonces never repeat under a key.
 *
 * <h2>WARNING</h2>
 * Not key-committing. Uses the JDK's AES, whose constant-time behaviour depends on the platform (AES-NI).
 */
final class XAes256Gcm {
    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 24;
    static final int TAG_LENGTH = 16;

    private XAes256Gcm() {}

    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        try {
            Cipher gcm = gcm(Cipher.ENCRYPT_MODE, key, nonce);
            gcm.updateAAD(aad);
            return gcm.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        }
    }

    /** Returns null if authentication fails. */
    static byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, byte[] aad) {
        if (ciphertext.length < TAG_LENGTH) {
            return null;
        }
        try {
            Cipher gcm = gcm(Cipher.DECRYPT_MODE, key, nonce);
            gcm.updateAAD(aad);
            return gcm.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        }
    }

    /** The derived AES-256-GCM key K_x (steps 1 to 5 of the specification); exposed to the tests. */
    static byte[] deriveKey(byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("XAES-256-GCM needs a 32-byte key and a 24-byte nonce");
        }
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] l = aes.doFinal(new byte[16]);
        byte[] k1 = new byte[16];
        for (int i = 0; i < 16; i++) {
            k1[i] = (byte) ((l[i] << 1) | (i < 15 ? (l[i + 1] & 0xFF) >>> 7 : 0));
        }
        if ((l[0] & 0x80) != 0) {
            k1[15] ^= (byte) 0x87;
        }
        byte[] m = new byte[32];
        for (int c = 0; c < 2; c++) {
            m[16 * c + 1] = (byte) (c + 1);
            m[16 * c + 2] = 0x58; // 'X'
            System.arraycopy(nonce, 0, m, 16 * c + 4, 12);
            for (int i = 0; i < 16; i++) {
                m[16 * c + i] ^= k1[i];
            }
        }
        byte[] kx = aes.doFinal(m);
        Arrays.fill(l, (byte) 0);
        Arrays.fill(k1, (byte) 0);
        return kx;
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        byte[] kx = deriveKey(key, nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(mode, new SecretKeySpec(kx, "AES"),
                    new GCMParameterSpec(8 * TAG_LENGTH, Arrays.copyOfRange(nonce, 12, NONCE_LENGTH)));
            return gcm;
        } finally {
            Arrays.fill(kx, (byte) 0);
        }
    }
}
