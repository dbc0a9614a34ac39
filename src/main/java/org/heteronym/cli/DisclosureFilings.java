package org.heteronym.cli;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heteronym.cli.DisclosureRegistrations.LoggedEnvelope;
import org.heteronym.cli.DisclosureRequest.Progress;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/**
 * Rule 1 of docs/disclosure.md §7 for {@code disclosure.filed} entries: the officer and key registered before the
 * request, the court anchor registered and not retired and its certificates verifying the order's signature, the
 * envelope logged earlier under the same hash and epoch, an established epoch, an order digest no earlier request
 * used, and dates in the order §2 and §6 require.
 */
final class DisclosureFilings {

    private final DisclosureRegistrations registered;
    private final OrderSignatureCheck orders;
    private final Map<String, Long> requestIds = new HashMap<>();
    private final Map<Hash32, Long> orderDigests = new HashMap<>();
    private int ordersChecked;
    private int ordersUnchecked;

    DisclosureFilings(DisclosureRegistrations registered, OrderSignatureCheck orders) {
        this.registered = registered;
        this.orders = orders;
    }

    /**
     * Reads a {@code disclosure.filed} entry and adds to {@code problems} every rule-1 check it fails.
     *
     * @return the request to remember, even when it has problems, so that the entries naming it are judged against it
     * @throws EntryProblem if the entry cannot be read as a request at all (a field missing or malformed, an id
     *                      already used)
     */
    DisclosureRequest file(long index, byte[] entry, EntryFields e, List<String> problems) throws EntryProblem {
        String id = e.text("request");
        LocalDate date = e.date("date");
        String anchor = e.text("anchor");
        String officer = e.text("officer");
        Point officerKey = e.point("officer_key");
        e.text("court");
        e.text("case");
        LocalDate orderDate = e.date("order_date");
        LocalDate orderExpires = e.date("order_expires");
        Hash32 orderDigest = e.hex32("order_sha256");
        String orderSignature = e.text("order_signature");
        long envelopeIndex = e.count("envelope_index");
        Envelope envelope = envelope(e);
        Hash32 epochId = e.hex32("epoch");
        e.hex32("target_sha256");
        LocalDate reviewFrom = e.date("review_from");
        LocalDate reviewUntil = e.date("review_until");
        boolean gagged = gagged(e);
        LocalDate gagUntil = gagged ? e.date("gag_until") : null;
        Long sameId = requestIds.get(id);
        if (sameId != null) {
            throw new EntryProblem("request id " + id + " was already filed at entry " + sameId);
        }
        EpochKey epoch = registered.epoch(epochId);
        requestIds.put(id, index);
        String officerProblem = registered.officerProblem(officer, officerKey);
        if (officerProblem != null) {
            problems.add(officerProblem);
        }
        try {
            List<X509Certificate> certificates = registered.activeAnchor(anchor);
            checkOrderSignature(orderSignature, orderDigest, certificates, orderDate).ifPresent(problems::add);
        } catch (EntryProblem p) {
            problems.add(p.getMessage());
        }
        problems.addAll(envelopeProblems(index, envelopeIndex, envelope, epochId));
        if (epoch == null) {
            problems.add("epoch " + epochId.toHex() + " was not established by a usable trustee-set.established "
                    + "entry before the request");
        }
        Long sameOrder = orderDigests.putIfAbsent(orderDigest, index);
        if (sameOrder != null) {
            problems.add("order_sha256 was already used by the request filed at entry " + sameOrder);
        }
        problems.addAll(dateProblems(date, orderDate, orderExpires, gagUntil, reviewFrom, reviewUntil));
        return new DisclosureRequest(id, index, Hash32.sha256(entry), anchor, officerKey, envelopeIndex, envelope,
                epoch, orderExpires, reviewFrom, reviewUntil, gagUntil,
                new Progress(DisclosureState.NOTICE));
    }

    int ordersChecked() {
        return ordersChecked;
    }

    int ordersUnchecked() {
        return ordersUnchecked;
    }

    /** §2 rule 5 (order date not in the future, expiry after filing), §6 (gag end after filing), §3 (review). */
    private static List<String> dateProblems(LocalDate date, LocalDate orderDate, LocalDate orderExpires,
            LocalDate gagUntil, LocalDate reviewFrom, LocalDate reviewUntil) {
        List<String> problems = new ArrayList<>();
        if (orderDate.isAfter(date)) {
            problems.add("order_date " + orderDate + " is after the filing date " + date);
        }
        if (!orderExpires.isAfter(date)) {
            problems.add("order_expires " + orderExpires + " is not after the filing date " + date);
        }
        if (gagUntil != null && !gagUntil.isAfter(date)) {
            problems.add("gag_until " + gagUntil + " is not after the filing date " + date);
        }
        if (reviewFrom.isBefore(date) || reviewUntil.isBefore(reviewFrom)) {
            problems.add("review_from " + reviewFrom + " and review_until " + reviewUntil
                    + " do not follow the filing date " + date);
        }
        return problems;
    }

    private static Envelope envelope(EntryFields e) throws EntryProblem {
        try {
            return Envelope.decode(e.base64("envelope"));
        } catch (MalformedEncodingException x) {
            throw new EntryProblem("\"envelope\" is not an envelope: " + x.getMessage());
        }
    }

    private static boolean gagged(EntryFields e) throws EntryProblem {
        String notice = e.text("notice");
        if (notice.equals("gagged")) {
            return true;
        }
        if (!notice.equals("now")) {
            throw new EntryProblem("\"notice\" is \"" + notice + "\", neither \"now\" nor \"gagged\"");
        }
        if (e.has("gag_until")) {
            throw new EntryProblem("gag_until is given, but the notice is \"now\"");
        }
        return false;
    }

    private Optional<String> checkOrderSignature(String cms, Hash32 digest, List<X509Certificate> certificates,
            LocalDate orderDate) {
        if (!orders.available()) {
            ordersUnchecked++;
            return Optional.empty();
        }
        ordersChecked++;
        return orders.failure(cms, digest.toBytes(), certificates, orderDate)
                .map(failure -> "the order signature does not verify with the anchor's certificates: " + failure);
    }

    private List<String> envelopeProblems(long index, long envelopeIndex, Envelope envelope, Hash32 epochId) {
        List<String> problems = new ArrayList<>();
        if (!envelope.epochId().equals(epochId)) {
            problems.add("\"epoch\" is not the epoch of the envelope the request carries");
        }
        if (envelopeIndex >= index) {
            problems.add("envelope_index " + envelopeIndex + " is not before the request");
            return problems;
        }
        LoggedEnvelope logged = registered.envelope(envelopeIndex);
        if (logged == null) {
            problems.add("entry " + envelopeIndex + " (envelope_index) is not a pseudonym.envelope entry");
        } else if (!logged.envelopeHash().equals(envelope.envelopeHash())) {
            problems.add("the envelope the request carries does not hash to the envelope_hash of entry "
                    + envelopeIndex);
        } else if (!logged.epochId().equals(epochId)) {
            problems.add("entry " + envelopeIndex + " logs the envelope under another epoch");
        }
        return problems;
    }
}
