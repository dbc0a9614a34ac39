package org.heteronym.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.heteronym.cli.DisclosureRequest.ShareEntry;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.InvalidProofException;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.SchnorrProof;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareVerifier;

/**
 * Rules 2 to 4 of docs/disclosure.md §7: the entries that follow a filing, each checked against the request it names
 * and the state the log has put it in (§3). Each method returns the problems of one entry, or throws
 * {@link EntryProblem} for the one that ends its check; either way it first applies what the entry logged, so that
 * the next entries are judged against the log as it stands.
 */
final class DisclosureSteps {

    private final TreeRoots roots;
    private int shares;
    private int releases;
    private int refusals;

    DisclosureSteps(TreeRoots roots) {
        this.roots = roots;
    }

    int shares() {
        return shares;
    }

    int releases() {
        return releases;
    }

    int refusals() {
        return refusals;
    }

    // ------------------------------------------------------------------------------------------ rule 2

    List<String> share(long index, DisclosureRequest request, EntryFields e) throws EntryProblem {
        LocalDate date = e.date("date");
        int trustee = e.bounded("trustee", 1, EpochKey.MAX_TRUSTEES);
        long checkpointSize = e.count("checkpoint_size");
        DecryptionShare share;
        try {
            share = DecryptionShare.decode(e.base64("share"));
        } catch (MalformedEncodingException x) {
            throw new EntryProblem("\"share\" is not a decryption share: " + x.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (request.state() != DisclosureState.REVIEW) {
            problems.add("the request was in state " + request.state() + " when the share was logged; shares are "
                    + "taken only in review");
        }
        if (date.isAfter(request.orderExpires())) {
            problems.add("the share is dated " + date + ", after the order's expiry " + request.orderExpires());
        }
        EpochKey epoch = request.epoch();
        boolean contextKnown = true;
        if (epoch == null) {
            problems.add("the request names no established epoch, so no share for it can verify");
            contextKnown = false;
        } else if (trustee > epoch.trusteeCount()) {
            problems.add("trustee " + trustee + " is not a trustee of the epoch (" + epoch.trusteeCount() + ")");
            contextKnown = false;
        }
        if (checkpointSize <= request.index() || checkpointSize > index) {
            problems.add("checkpoint_size " + checkpointSize + " must be larger than the request index "
                    + request.index() + " and at most the share's own index " + index);
            contextKnown = false;
        }
        if (contextKnown) {
            verify(request, share, trustee, checkpointSize).ifPresent(problems::add);
        }
        request.progress().shares.put(index, new ShareEntry(trustee, problems.isEmpty()));
        if (problems.isEmpty()) {
            shares++;
        }
        return problems;
    }

    /** Verifies the share under the context derived from the log; only sizes before the share reach here. */
    private Optional<String> verify(DisclosureRequest request, DecryptionShare share, int trustee,
            long checkpointSize) {
        ShareContext context;
        try {
            context = new ShareContext(request.index(), request.entryHash(), request.envelopeIndex(),
                    request.envelope().envelopeHash(), checkpointSize, Hash32.of(roots.rootAt(checkpointSize)),
                    request.epoch().epochId(), trustee, request.officerKey());
        } catch (IllegalArgumentException x) {
            return Optional.of("no share context can be derived from the request: " + x.getMessage());
        }
        try {
            ShareVerifier.verify(share, request.envelope(), context, request.epoch());
            return Optional.empty();
        } catch (InvalidProofException x) {
            return Optional.of("the share does not verify for the context derived from the log: " + x.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ rule 3

    List<String> released(DisclosureRequest request, EntryFields e) throws EntryProblem {
        LocalDate date = e.date("date");
        List<Long> trustees = e.counts("trustees");
        List<String> problems = new ArrayList<>();
        DisclosureState state = request.state();
        if (state == DisclosureState.RELEASED) {
            problems.add("the request was already released; a request is released at most once");
        } else if (!state.open()) {
            problems.add("the request was already " + state + "; a closed request is never released");
        } else if (state == DisclosureState.NOTICE) {
            problems.add("the request was still in notice; only a request in review is released");
        }
        if (date.isAfter(request.orderExpires())) {
            problems.add("released on " + date + ", after the order's expiry " + request.orderExpires());
        }
        problems.addAll(releasedShares(request, trustees));
        close(request, DisclosureState.RELEASED);
        if (problems.isEmpty()) {
            releases++;
        }
        return problems;
    }

    /** The release lists exactly t distinct trustees, ascending, each with a valid earlier share entry for the request. */
    private static List<String> releasedShares(DisclosureRequest request, List<Long> trustees) {
        List<String> problems = new ArrayList<>();
        for (int k = 1; k < trustees.size(); k++) {
            if (trustees.get(k) <= trustees.get(k - 1)) {
                problems.add("the trustees " + trustees + " are not distinct and ascending");
                break;
            }
        }
        if (request.epoch() != null && trustees.size() != request.epoch().threshold()) {
            problems.add("lists " + trustees.size() + " shares; a release lists exactly the threshold of "
                    + request.epoch().threshold());
        }
        for (long trustee : trustees) {
            boolean valid = request.progress().shares.values().stream()
                    .anyMatch(share -> share.trustee() == trustee && share.valid());
            if (!valid) {
                problems.add("trustee " + trustee + " has no valid earlier share entry for this request");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------ rule 4

    void refusal(DisclosureRequest request, EntryFields e) throws EntryProblem {
        e.date("date");
        int trustee = e.bounded("trustee", 1, EpochKey.MAX_TRUSTEES);
        Hash32 reason = e.hex32("reason_sha256");
        SchnorrProof signature;
        try {
            signature = SchnorrProof.decode(e.base64("signature"));
        } catch (MalformedEncodingException x) {
            throw new EntryProblem("\"signature\" is not a Schnorr proof: " + x.getMessage());
        }
        if (request.state() != DisclosureState.REVIEW) {
            throw new EntryProblem("the request was in state " + request.state() + " when the refusal was logged; "
                    + "refusals are taken only in review");
        }
        EpochKey epoch = request.epoch();
        if (epoch == null || trustee > epoch.trusteeCount()) {
            throw new EntryProblem("trustee " + trustee + " is not a trustee of the request's epoch");
        }
        try {
            DisclosureStatements.verifyRefusal(epoch.trusteeKey(trustee), request.index(), request.entryHash(),
                    trustee, reason, signature);
        } catch (InvalidProofException x) {
            throw new EntryProblem("the refusal's signature does not verify under trustee " + trustee + "'s key");
        }
        request.progress().refusals.add(trustee);
        refusals++;
    }

    void reviewOpened(DisclosureRequest request, EntryFields e) throws EntryProblem {
        LocalDate date = e.date("date");
        if (request.state() != DisclosureState.NOTICE) {
            throw new EntryProblem("review opened for a request in state " + request.state() + "; only a request "
                    + "in notice moves to review");
        }
        request.progress().state = DisclosureState.REVIEW;
        if (date.isBefore(request.reviewFrom())) {
            throw new EntryProblem("review opened on " + date + ", before review_from " + request.reviewFrom());
        }
    }

    void refused(DisclosureRequest request) throws EntryProblem {
        DisclosureState state = request.state();
        close(request, DisclosureState.REFUSED);
        if (state != DisclosureState.REVIEW) {
            throw new EntryProblem("refused while in state " + state + "; only a request in review is refused");
        }
        EpochKey epoch = request.epoch();
        int needed = epoch == null ? 1 : epoch.trusteeCount() - epoch.threshold() + 1;
        if (request.progress().refusals.size() < needed) {
            throw new EntryProblem("refused after " + request.progress().refusals.size() + " valid refusals; "
                    + "refusing needs more than n - t, here " + needed);
        }
    }

    void expired(DisclosureRequest request, EntryFields e) throws EntryProblem {
        LocalDate date = e.date("date");
        String reason = e.text("reason");
        DisclosureState state = request.state();
        close(request, DisclosureState.EXPIRED);
        if (!state.open()) {
            throw new EntryProblem("expired while already " + state);
        }
        LocalDate limit = switch (reason) {
            case "order-expired" -> request.orderExpires();
            case "review-deadline" -> request.reviewUntil();
            default -> throw new EntryProblem("reason \"" + reason + "\" is neither order-expired nor review-deadline");
        };
        if (date.isBefore(limit)) {
            throw new EntryProblem("expired (" + reason + ") on " + date + ", before " + limit);
        }
    }

    void withdrawn(DisclosureRequest request) throws EntryProblem {
        DisclosureState state = request.state();
        close(request, DisclosureState.WITHDRAWN);
        if (!state.open()) {
            throw new EntryProblem("withdrawn while already " + state);
        }
    }

    void notice(DisclosureRequest request, EntryFields e) throws EntryProblem {
        LocalDate date = e.date("date");
        if (request.progress().noticeSent) {
            throw new EntryProblem("a second notice for the request");
        }
        request.progress().noticeSent = true;
        if (request.gagUntil() != null && date.isBefore(request.gagUntil())) {
            throw new EntryProblem("notice sent on " + date + ", before the gag ends on " + request.gagUntil());
        }
    }

    void objection(DisclosureRequest request, EntryFields e) throws EntryProblem {
        e.date("date");
        e.hex32("text_sha256");
        String source = e.text("source");
        if (!source.equals("member") && !source.equals("forum")) {
            throw new EntryProblem("source \"" + source + "\" is neither member nor forum");
        }
        if (!request.state().open()) {
            throw new EntryProblem("objection recorded for a request already " + request.state());
        }
    }

    void shareRejected(EntryFields e) throws EntryProblem {
        e.date("date");
        e.bounded("trustee", 1, EpochKey.MAX_TRUSTEES);
        e.text("reason");
        e.hex32("submission_sha256");
    }

    /** Moves an open request to a final state; a closed one stays as it was first closed. */
    private static void close(DisclosureRequest request, DisclosureState to) {
        if (request.state().open()) {
            request.progress().state = to;
        }
    }
}
