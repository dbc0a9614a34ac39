package org.heteronym.cli;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Point;

/**
 * What the audit remembers of one {@code disclosure.filed} entry and the entries that followed it: everything a
 * share context is derived from, and the state the log has put it in so far.
 *
 * @param epoch null when the log established no such epoch before the request (already a finding); then no share
 *              or refusal for the request can be checked, and each says so
 */
record DisclosureRequest(
        String id,
        long index,
        Hash32 entryHash,
        String anchor,
        Point officerKey,
        long envelopeIndex,
        Envelope envelope,
        EpochKey epoch,
        LocalDate orderExpires,
        LocalDate reviewFrom,
        LocalDate reviewUntil,
        LocalDate gagUntil,
        Progress progress) {

    /** The mutable part: the state, and the shares and refusals logged for the request. */
    static final class Progress {
        DisclosureState state;
        /** Share entries for the request: log index → trustee index, and whether the entry passed rule 2. */
        final Map<Long, ShareEntry> shares = new HashMap<>();
        /** Trustees whose refusal verified. */
        final Set<Integer> refusals = new TreeSet<>();
        boolean noticeSent;

        Progress(DisclosureState state) {
            this.state = state;
        }
    }

    /** A share entry of the request, as rule 3 needs it. */
    record ShareEntry(int trustee, boolean valid) {
    }

    DisclosureState state() {
        return progress.state;
    }
}
