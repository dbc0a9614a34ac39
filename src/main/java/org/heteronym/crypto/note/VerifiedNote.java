package org.heteronym.crypto.note;

/**
 * A signed note whose signature by a chosen key has been verified. Only {@link NoteVerifier} creates these.
 *
 * <p>Security guarantees: {@link #text()} was signed by the key identified by {@link #keyName()} and
 * {@link #keyId()}, which the caller trusted when building the {@link NoteVerifier}. Nothing more: other
 * signature lines in {@link #note()} may be from unknown keys and were not checked.
 */
public final class VerifiedNote {

    private final String text;
    private final String note;
    private final String keyName;
    private final int keyId;

    VerifiedNote(String text, String note, String keyName, int keyId) {
        this.text = text;
        this.note = note;
        this.keyName = keyName;
        this.keyId = keyId;
    }

    /** The signed text, including its final newline, without the blank line and the signatures. */
    public String text() {
        return text;
    }

    /** The whole note as received: text, blank line, signature lines. */
    public String note() {
        return note;
    }

    /** Name of the key whose signature was verified. */
    public String keyName() {
        return keyName;
    }

    /** ID of the key whose signature was verified. */
    public int keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "VerifiedNote[" + keyName + "+" + SignedNoteFormat.keyIdHex(keyId) + ", " + text.length() + " chars]";
    }
}
