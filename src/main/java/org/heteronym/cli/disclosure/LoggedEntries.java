package org.heteronym.cli.disclosure;

import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/**
 * The disclosure's log entries (docs/disclosure.md §5), parsed from bytes the caller has proven included in the
 * log. Only the fields the tools check or derive the share context from are kept.
 */
public final class LoggedEntries {

    private LoggedEntries() {
    }

    /** A {@code disclosure.filed} entry; {@code entryHash} is SHA-256 of its bytes (the share context's). */
    public record Filed(long index, Hash32 entryHash, String request, Point officerKey, Hash32 orderSha256,
            long envelopeIndex, Envelope envelope, Hash32 epoch, Hash32 targetSha256) {
    }

    /** A {@code pseudonym.envelope} entry. */
    public record EnvelopeEntry(long index, Hash32 envelopeHash, Hash32 binding, Hash32 epoch) {
    }

    /** A {@code disclosure.share} entry. */
    public record Share(long index, String request, long requestIndex, int trustee, long checkpointSize,
            byte[] share) {
    }

    public static Filed filed(long index, byte[] bytes) throws DisclosureCheckException {
        Fields f = Fields.parse(bytes, "log entry " + index);
        f.requireKind("disclosure.filed");
        Envelope envelope;
        try {
            envelope = Envelope.decode(f.base64("envelope"));
        } catch (MalformedEncodingException e) {
            throw new DisclosureCheckException("log entry " + index + ": \"envelope\" is not an envelope: "
                    + e.getMessage());
        }
        return new Filed(index, Hash32.sha256(bytes), f.text("request"), f.point("officer_key"),
                f.hex("order_sha256"), f.integer("envelope_index"), envelope, f.hex("epoch"),
                f.hex("target_sha256"));
    }

    public static EnvelopeEntry envelope(long index, byte[] bytes) throws DisclosureCheckException {
        Fields f = Fields.parse(bytes, "log entry " + index);
        f.requireKind("pseudonym.envelope");
        return new EnvelopeEntry(index, f.hex("envelope_hash"), f.hex("binding"), f.hex("epoch"));
    }

    public static Share share(long index, byte[] bytes) throws DisclosureCheckException {
        Fields f = Fields.parse(bytes, "log entry " + index);
        f.requireKind("disclosure.share");
        long trustee = f.integer("trustee");
        if (trustee < 1 || trustee > 255) {
            throw new DisclosureCheckException("log entry " + index + ": trustee index " + trustee + " is not 1..255");
        }
        return new Share(index, f.text("request"), f.integer("request_index"), (int) trustee,
                f.integer("checkpoint_size"), f.base64("share"));
    }
}
