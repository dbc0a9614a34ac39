package org.heteronym.crypto.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Verifies C2SP signed notes against one trusted Ed25519 verifier key.
 *
 * <p>Parsing is strict (c2sp.org/signed-note, "Format"): at most 1 MiB; valid UTF-8; no control characters
 * but newline; the text is non-empty and ends in a newline; the signatures follow the last blank line; every
 * signature line is {@code — <valid key name> <canonical base64 of at least 5 bytes>} and ends in a newline;
 * at most 100 signature lines.
 *
 * <p>Security guarantees, per "Signatures": lines whose (name, key ID) pair is not this verifier's are
 * ignored, even if name or ID alone matches; a line that does match must carry a valid Ed25519 signature over
 * the text, or the whole note is rejected; at least one valid signature by this key is required.
 *
 * <p>WARNING: the verifier key itself must be obtained out of band (configuration, a pinned file). Fetching it
 * from the same server that serves the notes proves nothing.
 */
public final class NoteVerifier {

    private final String keyName;
    private final int keyId;
    private final Ed25519PublicKey publicKey;

    private NoteVerifier(String keyName, int keyId, Ed25519PublicKey publicKey) {
        this.keyName = keyName;
        this.keyId = keyId;
        this.publicKey = publicKey;
    }

    /**
     * Parses a verifier key {@code <name>+<8 lowercase hex digits>+<base64(0x01 || 32-byte public key)>}.
     *
     * @throws NoteException if the key is malformed, not Ed25519, or its key ID does not match the name and key
     */
    public static NoteVerifier fromVkey(String vkey) throws NoteException {
        if (vkey == null) {
            throw new NoteException("verifier key is missing");
        }
        // The name cannot contain '+', the hex ID cannot either; the base64 key material can.
        int firstPlus = vkey.indexOf('+');
        int secondPlus = firstPlus < 0 ? -1 : vkey.indexOf('+', firstPlus + 1);
        if (secondPlus < 0) {
            throw new NoteException("verifier key is not <name>+<key id>+<key>");
        }
        String name = vkey.substring(0, firstPlus);
        String idHex = vkey.substring(firstPlus + 1, secondPlus);
        String keyBase64 = vkey.substring(secondPlus + 1);
        String problem = SignedNoteFormat.keyNameProblem(name);
        if (problem != null) {
            throw new NoteException("verifier key: " + problem);
        }
        if (!idHex.matches("[0-9a-f]{8}")) {
            throw new NoteException("verifier key: key id \"" + idHex + "\" is not 8 lowercase hex digits");
        }
        byte[] typedKey;
        try {
            typedKey = SignedNoteFormat.decodeBase64(keyBase64);
        } catch (IllegalArgumentException e) {
            throw new NoteException("verifier key: key material is not canonical base64");
        }
        if (typedKey.length == 0 || typedKey[0] != SignedNoteFormat.ALGORITHM_ED25519) {
            throw new NoteException("verifier key: unsupported signature type"
                    + (typedKey.length == 0 ? "" : String.format(" 0x%02x, only Ed25519 (0x01) is", typedKey[0]))
                    + " supported");
        }
        if (typedKey.length != 1 + SignedNoteFormat.ED25519_PUBLIC_KEY_BYTES) {
            throw new NoteException("verifier key: Ed25519 key material has " + (typedKey.length - 1)
                    + " bytes, expected 32");
        }
        Ed25519PublicKey publicKey = Ed25519PublicKey.fromRaw(Arrays.copyOfRange(typedKey, 1, typedKey.length));
        int keyId = SignedNoteFormat.keyId(name, SignedNoteFormat.ALGORITHM_ED25519, publicKey.raw());
        if (!SignedNoteFormat.keyIdHex(keyId).equals(idHex)) {
            throw new NoteException("verifier key: key id " + idHex + " does not match the name and key (expected "
                    + SignedNoteFormat.keyIdHex(keyId) + ")");
        }
        return new NoteVerifier(name, keyId, publicKey);
    }

    /**
     * Verifies a signed note received as bytes (the form it has on the wire).
     *
     * @throws NoteException if the note is malformed, a signature by this key is invalid, or there is none
     */
    public VerifiedNote verify(byte[] note) throws NoteException {
        Objects.requireNonNull(note, "note");
        if (note.length > SignedNoteFormat.MAX_NOTE_BYTES) {
            throw new NoteException("malformed note: larger than " + SignedNoteFormat.MAX_NOTE_BYTES + " bytes");
        }
        String text;
        try {
            text = SignedNoteFormat.decodeUtf8(note);
        } catch (CharacterCodingException e) {
            throw new NoteException("malformed note: not valid UTF-8");
        }
        return verifyDecoded(text);
    }

    /**
     * Verifies a signed note given as a string.
     *
     * @throws NoteException if the note is malformed, a signature by this key is invalid, or there is none
     */
    public VerifiedNote verify(String note) throws NoteException {
        Objects.requireNonNull(note, "note");
        if (!SignedNoteFormat.isWellFormedUtf16(note)) {
            throw new NoteException("malformed note: not valid Unicode");
        }
        if (note.length() > SignedNoteFormat.MAX_NOTE_BYTES
                || note.getBytes(StandardCharsets.UTF_8).length > SignedNoteFormat.MAX_NOTE_BYTES) {
            throw new NoteException("malformed note: larger than " + SignedNoteFormat.MAX_NOTE_BYTES + " bytes");
        }
        return verifyDecoded(note);
    }

    private VerifiedNote verifyDecoded(String note) throws NoteException {
        String problem = SignedNoteFormat.textProblem(note);
        if (problem != null) {
            throw new NoteException("malformed note: " + problem);
        }
        if (!note.endsWith("\n")) {
            throw new NoteException("malformed note: does not end with a newline");
        }
        // "the text is separated from the signatures by the last empty line in the note"
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException("malformed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String signatureBlock = note.substring(split + 2);
        if (signatureBlock.isEmpty()) {
            throw new NoteException("malformed note: no signature lines");
        }
        String[] lines = signatureBlock.substring(0, signatureBlock.length() - 1).split("\n", -1);
        if (lines.length > SignedNoteFormat.MAX_SIGNATURE_LINES) {
            throw new NoteException("malformed note: more than " + SignedNoteFormat.MAX_SIGNATURE_LINES
                    + " signature lines");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "signature line " + (i + 1);
            if (!line.startsWith(SignedNoteFormat.SIGNATURE_LINE_PREFIX)) {
                throw new NoteException("malformed note: " + where + " does not start with an em dash and a space");
            }
            String rest = line.substring(SignedNoteFormat.SIGNATURE_LINE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new NoteException("malformed note: " + where + " is not '— <name> <signature>'");
            }
            String name = rest.substring(0, space);
            String nameProblem = SignedNoteFormat.keyNameProblem(name);
            if (nameProblem != null) {
                throw new NoteException("malformed note: " + where + ": " + nameProblem);
            }
            byte[] signature;
            try {
                signature = SignedNoteFormat.decodeBase64(rest.substring(space + 1));
            } catch (IllegalArgumentException e) {
                throw new NoteException("malformed note: " + where + ": signature is not canonical base64");
            }
            if (signature.length <= SignedNoteFormat.KEY_ID_BYTES) {
                throw new NoteException("malformed note: " + where + ": signature is too short");
            }
            int id = ByteBuffer.wrap(signature).getInt();
            if (!name.equals(keyName) || id != keyId) {
                continue; // "Verifiers MUST ignore signatures from unknown keys"
            }
            byte[] ed25519 = Arrays.copyOfRange(signature, SignedNoteFormat.KEY_ID_BYTES, signature.length);
            if (!publicKey.verify(message, ed25519)) {
                // "If a signature from a known key fails to verify, clients SHOULD reject the whole note."
                throw new NoteException("invalid signature by key " + keyName + "+"
                        + SignedNoteFormat.keyIdHex(keyId) + " on " + where);
            }
            verified = true;
        }
        if (!verified) {
            throw new NoteException("note has no signature by key " + keyName + "+" + SignedNoteFormat.keyIdHex(keyId));
        }
        return new VerifiedNote(text, note, keyName, keyId);
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    /** The canonical verifier key string, {@code <name>+<hex key ID>+<base64(0x01 || public key)>}. */
    public String vkey() {
        byte[] typedKey = ByteBuffer.allocate(1 + SignedNoteFormat.ED25519_PUBLIC_KEY_BYTES)
                .put(SignedNoteFormat.ALGORITHM_ED25519).put(publicKey.raw()).array();
        return keyName + "+" + SignedNoteFormat.keyIdHex(keyId) + "+" + java.util.Base64.getEncoder()
                .encodeToString(typedKey);
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + keyName + "+" + SignedNoteFormat.keyIdHex(keyId) + "]";
    }
}
