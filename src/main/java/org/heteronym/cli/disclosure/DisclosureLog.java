package org.heteronym.cli.disclosure;

import org.heteronym.cli.AuditException;
import org.heteronym.cli.VerifiedLog;

/**
 * Reads a request's entries from the public log, each proven included in the verified checkpoint: the filed entry at
 * {@code request_index}, the envelope entry it names, and share entries.
 */
public final class DisclosureLog {

    private final VerifiedLog log;

    public DisclosureLog(VerifiedLog log) {
        this.log = log;
    }

    public VerifiedLog log() {
        return log;
    }

    /** The request's filed entry and its envelope entry, both proven. */
    public record Request(LoggedEntries.Filed filed, LoggedEntries.EnvelopeEntry envelope) {
    }

    public Request request(long requestIndex) throws AuditException, DisclosureCheckException {
        LoggedEntries.Filed filed = LoggedEntries.filed(requestIndex, log.entry(requestIndex));
        if (filed.envelopeIndex() >= requestIndex) {
            throw new DisclosureCheckException("the filed entry " + requestIndex + " names envelope entry "
                    + filed.envelopeIndex() + ", which is not earlier");
        }
        return new Request(filed, LoggedEntries.envelope(filed.envelopeIndex(), log.entry(filed.envelopeIndex())));
    }

    /** The root at {@code size}, proven consistent with the checkpoint, via the filed entry's inclusion at that size. */
    public byte[] rootAt(long size, LoggedEntries.Filed filed) throws AuditException {
        return log.rootAt(size, filed.index(), log.entry(filed.index()));
    }
}
