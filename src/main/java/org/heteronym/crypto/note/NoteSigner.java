package org.heteronym.crypto.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs note texts as C2SP signed notes with one Ed25519 key.
 *
 * <p>The output is the text, a blank line, and one signature line {@code — <name> <base64(keyID || sig)>}
 * (signed-note, "Format" and "Signatures"), where the key ID is {@code SHA-256(name || 0x0A || 0x01 ||
 * pubkey)[:4]} and {@code sig} the 64-byte RFC 8032 Ed25519 signature over the UTF-8 text, final newline
 * included.
 *
 * <p>Security guarantees: Ed25519 signatures are deterministic, so signing the same text twice gives the same
 * note. The key name is validated as the spec requires, and the text must be a valid note text, so everything
 * this signer produces parses under {@link NoteVerifier}.
 *
 * <p>WARNING: a transparency log must never sign two checkpoints that are inconsistent with each other
 * (tlog-checkpoint, "Signatures"); this class signs whatever it is given. That invariant belongs to the
 * sequencer.
 */
public final class NoteSigner {

    private final String keyName;
    private final int keyId;
    private final Ed25519PrivateKey privateKey;

    private NoteSigner(String keyName, int keyId, Ed25519PrivateKey privateKey) {
        this.keyName = keyName;
        this.keyId = keyId;
        this.privateKey = privateKey;
    }

    /**
     * A signer for key name {@code keyName}, conventionally the log's origin (a schema-less URL).
     *
     * @throws IllegalArgumentException if the name is empty or contains a space or '+'
     */
    public static NoteSigner ed25519(String keyName, Ed25519PrivateKey privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        String problem = SignedNoteFormat.keyNameProblem(keyName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int keyId = SignedNoteFormat.keyId(keyName, SignedNoteFormat.ALGORITHM_ED25519,
                privateKey.publicKey().raw());
        return new NoteSigner(keyName, keyId, privateKey);
    }

    /**
     * Signs {@code text} and returns the complete signed note.
     *
     * @param text the note text: non-empty, ending in a newline, no control characters other than newline
     * @throws IllegalArgumentException if the text is not a valid note text or the note would exceed 1 MiB
     */
    public String sign(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must be non-empty and end with a newline");
        }
        String problem = SignedNoteFormat.textProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException("note text " + problem);
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] signature = privateKey.sign(message);
        byte[] keyIdAndSignature = ByteBuffer.allocate(SignedNoteFormat.KEY_ID_BYTES + signature.length)
                .putInt(keyId).put(signature).array();
        String note = text + "\n" + SignedNoteFormat.SIGNATURE_LINE_PREFIX + keyName + " "
                + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";
        if (note.getBytes(StandardCharsets.UTF_8).length > SignedNoteFormat.MAX_NOTE_BYTES) {
            throw new IllegalArgumentException("signed note would exceed " + SignedNoteFormat.MAX_NOTE_BYTES + " bytes");
        }
        return note;
    }

    /**
     * The verifier key {@code <name>+<hex key ID>+<base64(0x01 || public key)>} that others use to verify this
     * signer's notes (the format of Go's {@code golang.org/x/mod/sumdb/note}).
     */
    public String verifierKey() {
        byte[] typedKey = ByteBuffer.allocate(1 + SignedNoteFormat.ED25519_PUBLIC_KEY_BYTES)
                .put(SignedNoteFormat.ALGORITHM_ED25519).put(privateKey.publicKey().raw()).array();
        return keyName + "+" + SignedNoteFormat.keyIdHex(keyId) + "+" + Base64.getEncoder().encodeToString(typedKey);
    }

    public String keyName() {
        return keyName;
    }

    /** The 32-bit key ID, as it appears big-endian at the start of each signature. */
    public int keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "NoteSigner[" + keyName + "+" + SignedNoteFormat.keyIdHex(keyId) + "]";
    }
}
