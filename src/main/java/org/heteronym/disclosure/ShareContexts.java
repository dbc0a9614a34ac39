package org.heteronym.disclosure;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.log.LogReads;

/**
 * Derives a share's context from the log, as the trustee and every auditor do (docs/escrow-protocol.md §12): the
 * request entry's index and hash, the envelope entry's index, and a checkpoint the log signed. Nothing in it comes
 * from the submission except the checkpoint size, which must name a signed checkpoint covering the request.
 */
@ApplicationScoped
public class ShareContexts {

    private final LogReads log;

    ShareContexts(LogReads log) {
        this.log = log;
    }

    /**
     * Where the request's filing entry landed, once integrated, and the checkpoint every share of it must use: the
     * first signed checkpoint covering the entry. Shares combine only if their contexts agree (§15), so the choice
     * cannot be left to each trustee.
     */
    public record RequestEntry(long index, Hash32 entryHash, long checkpointSize, Hash32 checkpointRoot) {
    }

    public Uni<RequestEntry> requestEntry(DisclosureRequest request) {
        return log.indexOfPending(request.filedPendingId).flatMap(index -> {
            if (index.isEmpty()) {
                throw new DisclosureRefusal(DisclosureProblem.WRONG_STATE,
                        "the request's entry is not integrated into the log yet; retry in a second");
            }
            return log.entry(index.get()).flatMap(bytes -> log.firstCheckpointCovering(index.get())
                    .map(checkpoint -> new RequestEntry(index.get(), Hash32.sha256(bytes.orElseThrow()),
                            checkpoint.orElseThrow().size(), Hash32.of(checkpoint.get().root()))));
        });
    }

    public ShareContext context(DisclosureRequest request, RequestEntry entry, Envelope envelope,
                                long checkpointSize, int trusteeIndex, byte[] officerKey) {
        if (checkpointSize != entry.checkpointSize()) {
            throw invalid("checkpoint_size must be " + entry.checkpointSize()
                    + ", the first checkpoint covering the request entry, not " + checkpointSize);
        }
        try {
            return new ShareContext(entry.index(), entry.entryHash(), request.envelopeIndex, envelope.envelopeHash(),
                    checkpointSize, entry.checkpointRoot(), Hash32.fromHex(request.epochId), trusteeIndex,
                    Point.decode(officerKey));
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("stored officer key does not decode", e);
        }
    }

    static DisclosureRefusal invalid(String detail) {
        return new DisclosureRefusal(DisclosureProblem.INVALID_SHARE, detail);
    }
}
