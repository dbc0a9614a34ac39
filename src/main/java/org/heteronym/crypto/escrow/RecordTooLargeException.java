package org.heteronym.crypto.escrow;

/**
 * The canonical encoding of an {@link IdentityRecord} does not fit in the L·31 bytes of the deployment's
 * envelope. This is an input problem (names too long for the configured L), not an attack, so it is unchecked.
 */
public final class RecordTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int requiredBytes;
    private final int capacityBytes;

    public RecordTooLargeException(int requiredBytes, int capacityBytes) {
        super("identity record needs " + requiredBytes + " bytes but the envelope holds " + capacityBytes);
        this.requiredBytes = requiredBytes;
        this.capacityBytes = capacityBytes;
    }

    public int requiredBytes() {
        return requiredBytes;
    }

    public int capacityBytes() {
        return capacityBytes;
    }
}
