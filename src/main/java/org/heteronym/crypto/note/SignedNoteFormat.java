package org.heteronym.crypto.note;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The wire-format rules of c2sp.org/signed-note shared by {@link NoteSigner} and {@link NoteVerifier}. */
final class SignedNoteFormat {

    /** Signature type identifier byte for Ed25519 (signed-note, "Signature types"). */
    static final byte ALGORITHM_ED25519 = 0x01;
    /** U+2014 EM DASH and U+0020 SPACE start every signature line (signed-note, "Format"). */
    static final String SIGNATURE_LINE_PREFIX = "\u2014 ";
    /** Our bound on a whole note: far above any checkpoint, far below anything that could hurt a verifier. */
    static final int MAX_NOTE_BYTES = 1 << 20;
    /** The spec requires accepting at least 16 signatures; Go's reference implementation stops at 100. */
    static final int MAX_SIGNATURE_LINES = 100;
    static final int KEY_ID_BYTES = 4;
    static final int ED25519_SIGNATURE_BYTES = 64;
    static final int ED25519_PUBLIC_KEY_BYTES = 32;

    private SignedNoteFormat() {
    }

    /**
     * {@code key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]}, big-endian (signed-note,
     * "Signatures").
     */
    static int keyId(String keyName, byte algorithm, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(algorithm);
            sha256.update(publicKey);
            return ByteBuffer.wrap(sha256.digest()).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Key names "MUST be non-empty and MUST NOT contain any Unicode spaces or plus (U+002B) characters"
     * (signed-note, "Format"). Unicode spaces are taken as Go's {@code unicode.IsSpace}, which the reference
     * implementation uses: ASCII white space, U+0085, U+00A0 and the Z categories. Control characters, which a
     * note cannot carry anyway, are refused too.
     *
     * @return a description of the problem, or null if the name is valid
     */
    static String keyNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "key name is empty";
        }
        if (!isWellFormedUtf16(name)) {
            return "key name is not valid Unicode";
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+') {
                return "key name contains '+'";
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85) {
                return "key name contains a space character";
            }
            if (Character.isISOControl(cp)) {
                return "key name contains a control character";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** True if every surrogate is part of a pair, i.e. the string has a UTF-8 encoding. */
    static boolean isWellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * "Signed notes MUST be valid UTF-8 and MUST NOT contain any ASCII control characters (those below U+0020)
     * other than newline" (signed-note, "Format").
     *
     * @return a description of the problem, or null
     */
    static String textProblem(String s) {
        if (!isWellFormedUtf16(s)) {
            return "not valid Unicode";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                return String.format("contains control character U+%04X at offset %d", (int) c, i);
            }
        }
        return null;
    }

    /** Strict UTF-8 decoding: malformed or overlong sequences and encoded surrogates are errors. */
    static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    /**
     * Standard base64 (RFC 4648 section 4) with padding, accepting only the canonical encoding, so that one byte
     * string has exactly one accepted text form.
     *
     * @throws IllegalArgumentException if {@code text} is not the canonical encoding of some bytes
     */
    static byte[] decodeBase64(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical padded base64");
        }
        return bytes;
    }

    static String keyIdHex(int keyId) {
        return String.format("%08x", keyId);
    }
}
