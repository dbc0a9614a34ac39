package org.heteronym.cli.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heteronym.cli.disclosure.DisclosureCheckException;
import org.heteronym.cli.disclosure.LoggedEntries;
import org.heteronym.cli.disclosure.ShareContexts;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.EnvelopeOpener;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.InvalidProofException;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.OpenedIdentity;
import org.heteronym.crypto.escrow.OpeningException;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.crypto.escrow.VerifiedShare;

/**
 * The officer's opening, from log entries only: every share entry's context is re-derived from the log (its own
 * checkpoint size, with the root the log proves at that size), its proof verified against the epoch key of the
 * epoch's entry, and any t of them combined with the officer's key. Refuses another officer's key, a share that
 * does not verify (naming its trustee), and fewer than t valid shares.
 */
public final class Opening {

    private Opening() {
    }

    /** A share entry with the root of the log at its {@code checkpoint_size}, proven by the caller. */
    public record LoggedShare(LoggedEntries.Share entry, byte[] checkpointRoot) {
    }

    /** The identity, and the share entries it was opened with. */
    public record Result(IdentityRecord identity, List<Integer> trustees, List<Long> shareIndexes) {
    }

    public static Result open(LoggedEntries.Filed filed, LoggedEntries.EnvelopeEntry envelopeEntry,
            List<LoggedShare> shares, EpochKey epoch, OfficerKeyPair officer) throws DisclosureCheckException {
        if (!officer.publicKey().equals(filed.officerKey())) {
            throw new DisclosureCheckException("the key file's public key is not the officer key the request was "
                    + "filed for (log entry " + filed.index() + "): the shares are encrypted to another key");
        }
        if (!envelopeEntry.envelopeHash().equals(filed.envelope().envelopeHash())
                || envelopeEntry.index() != filed.envelopeIndex()) {
            throw new DisclosureCheckException("the envelope entry " + envelopeEntry.index()
                    + " does not log the request's envelope");
        }
        if (!epoch.epochId().equals(filed.epoch())) {
            throw new DisclosureCheckException("the epoch key is not of the request's epoch " + filed.epoch().toHex());
        }
        // Shares combine only if made for the same context: group them by checkpoint size.
        Map<Long, List<VerifiedShare>> bySize = new LinkedHashMap<>();
        Map<Integer, Long> indexOf = new LinkedHashMap<>();
        for (LoggedShare share : shares) {
            VerifiedShare verified = verify(filed, envelopeEntry, share, epoch);
            if (indexOf.putIfAbsent(share.entry().trustee(), share.entry().index()) == null) {
                bySize.computeIfAbsent(share.entry().checkpointSize(), k -> new ArrayList<>()).add(verified);
            }
        }
        for (List<VerifiedShare> group : bySize.values()) {
            if (group.size() >= epoch.threshold()) {
                try {
                    OpenedIdentity opened = EnvelopeOpener.open(filed.envelope(), group, officer, epoch);
                    return new Result(opened.record(), opened.trusteeIndices(),
                            opened.trusteeIndices().stream().map(indexOf::get).toList());
                } catch (OpeningException e) {
                    throw new DisclosureCheckException("the shares do not open the envelope: " + e.getMessage());
                }
            }
        }
        throw new DisclosureCheckException("only " + indexOf.size() + " valid share(s) of distinct trustees are "
                + "logged; the epoch needs " + epoch.threshold());
    }

    private static VerifiedShare verify(LoggedEntries.Filed filed, LoggedEntries.EnvelopeEntry envelopeEntry,
            LoggedShare share, EpochKey epoch) throws DisclosureCheckException {
        LoggedEntries.Share entry = share.entry();
        String which = "the share of trustee " + entry.trustee() + " (log entry " + entry.index() + ")";
        if (!entry.request().equals(filed.request()) || entry.requestIndex() != filed.index()) {
            throw new DisclosureCheckException(which + " is for another request");
        }
        if (entry.checkpointSize() > entry.index()) {
            throw new DisclosureCheckException(which + " names a checkpoint size after its own entry");
        }
        ShareContext context = ShareContexts.derive(filed, entry.checkpointSize(), share.checkpointRoot(),
                entry.trustee());
        try {
            return ShareVerifier.verify(DecryptionShare.decode(entry.share()), filed.envelope(), context, epoch);
        } catch (MalformedEncodingException e) {
            throw new DisclosureCheckException(which + " is malformed: " + e.getMessage());
        } catch (InvalidProofException e) {
            throw new DisclosureCheckException(which + " does not verify for the context derived from the log: "
                    + e.getMessage());
        }
    }
}
