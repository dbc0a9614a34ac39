package org.heteronym.crypto.merkle;

/**
 * An inclusion or consistency proof did not verify. The message says which check failed, with the sizes,
 * indices and hashes involved, so that it can be reported to an auditor as is.
 */
public final class MerkleProofException extends Exception {

    private static final long serialVersionUID = 1L;

    public MerkleProofException(String message) {
        super(message);
    }
}
