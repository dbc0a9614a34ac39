package org.heteronym.cli.disclosure;

import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.ShareContext;

/**
 * A share's context derived from the log alone (docs/escrow-protocol.md §12, docs/disclosure.md §5): the filed
 * entry's index and hash, the envelope entry's index and the envelope's hash, a checkpoint size with the root the
 * log proves at that size, the epoch, the trustee index and the logged officer key.
 */
public final class ShareContexts {

    private ShareContexts() {
    }

    public static ShareContext derive(LoggedEntries.Filed filed, long checkpointSize, byte[] checkpointRoot,
            int trusteeIndex) throws DisclosureCheckException {
        try {
            return new ShareContext(filed.index(), filed.entryHash(), filed.envelopeIndex(),
                    filed.envelope().envelopeHash(), checkpointSize, Hash32.of(checkpointRoot), filed.epoch(),
                    trusteeIndex, filed.officerKey());
        } catch (IllegalArgumentException e) {
            throw new DisclosureCheckException("no share context for request entry " + filed.index()
                    + " at checkpoint size " + checkpointSize + ": " + e.getMessage());
        }
    }
}
