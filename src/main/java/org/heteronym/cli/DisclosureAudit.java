package org.heteronym.cli;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.heteronym.cli.DisclosureFinding.Rule;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.ShareVerifier;

/**
 * The disclosure audit of docs/disclosure.md §7, from the log alone: fed every entry in index order, it checks each
 * disclosure entry against what the log held before it, and collects every rule broken as a
 * {@link DisclosureFinding}. It performs no I/O: the caller has verified the entries against a signed checkpoint
 * ({@code audit replay}) and supplies the tree roots it computed from them.
 *
 * <h2>Security guarantees</h2>
 * Every share is verified with {@link ShareVerifier} under the context this audit derives itself: the request's
 * log index and the SHA-256 of its entry bytes, the envelope index and the hash of the envelope the request
 * carries, the share's checkpoint size and the root the auditor computed at that size, the epoch, the trustee
 * index and the officer key of the request. Trustee keys come from the epoch's {@code trustee-set.established}
 * entry, never from a share or a refusal. A release counts only share entries that passed every check of rule 2,
 * of distinct trustees, listed in the release.
 *
 * <h2>WARNING</h2>
 * The court order's CMS signature is checked only through the {@link OrderSignatureCheck} given; with
 * {@link OrderSignatureCheck#UNAVAILABLE} the summary counts the orders left unchecked. Revocation at filing time
 * (§2 rule 4) is not checked: only the service could, at filing. Epoch entries are taken as stated (their keys must
 * be consistent, {@link EpochKey}); re-verifying their DKG transcripts is {@code audit epoch}'s job.
 */
public final class DisclosureAudit {

    /** What a clean audit covered, for the one-line summary. */
    public record Summary(long entries, int requests, int releases, int shares, int refusals, int reports,
            int ordersChecked, int ordersUnchecked) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("officer.registered", Rule.FILING),
            Map.entry("officer.retired", Rule.FILING),
            Map.entry("court-anchor.registered", Rule.FILING),
            Map.entry("court-anchor.retired", Rule.FILING),
            Map.entry("disclosure.filed", Rule.FILING),
            Map.entry("disclosure.share", Rule.SHARE),
            Map.entry("disclosure.released", Rule.RELEASE),
            Map.entry("disclosure.review-opened", Rule.TRANSITION),
            Map.entry("disclosure.objection", Rule.TRANSITION),
            Map.entry("disclosure.notice", Rule.TRANSITION),
            Map.entry("disclosure.share-rejected", Rule.TRANSITION),
            Map.entry("disclosure.refusal", Rule.TRANSITION),
            Map.entry("disclosure.refused", Rule.TRANSITION),
            Map.entry("disclosure.expired", Rule.TRANSITION),
            Map.entry("disclosure.withdrawn", Rule.TRANSITION),
            Map.entry("transparency.report", Rule.REPORT));

    private final DisclosureRegistrations registered = new DisclosureRegistrations();
    private final DisclosureFilings filings;
    private final DisclosureSteps steps;
    private final Map<Long, DisclosureRequest> requests = new HashMap<>();
    private final Map<String, DisclosureRequest> requestsById = new HashMap<>();
    private final TransparencyCounts counts = new TransparencyCounts();
    private final List<DisclosureFinding> findings = new ArrayList<>();
    private long next;
    private int reports;

    public DisclosureAudit(TreeRoots roots, OrderSignatureCheck orders) {
        this.filings = new DisclosureFilings(registered, orders);
        this.steps = new DisclosureSteps(roots);
    }

    /** Audits a whole log held in memory; entry k of the list is log index k. */
    public static DisclosureAudit of(List<byte[]> entries, TreeRoots roots, OrderSignatureCheck orders) {
        DisclosureAudit audit = new DisclosureAudit(roots, orders);
        for (int index = 0; index < entries.size(); index++) {
            audit.entry(index, entries.get(index));
        }
        return audit;
    }

    /**
     * Checks the entry at {@code index}, which must be the next one: entries are given in order, each once. Entries
     * that are not JSON objects are left to {@code audit replay}, and kinds other than those of the disclosure
     * feature are read only for the epochs and envelopes they establish.
     */
    public void entry(long index, byte[] entry) {
        if (index != next) {
            throw new IllegalArgumentException("entries must be given in order: expected " + next + ", got " + index);
        }
        next++;
        JsonNode json;
        try {
            json = JSON.readTree(entry);
        } catch (IOException e) {
            return;
        }
        if (json == null || !json.isObject()) {
            return;
        }
        EntryFields fields = new EntryFields(json);
        String kind = fields.kind();
        switch (kind) {
            case "trustee-set.established" -> registered.epochEstablished(fields);
            case "pseudonym.envelope" -> registered.envelopeLogged(index, fields);
            default -> {
                Rule rule = RULES.get(kind);
                if (rule != null) {
                    check(index, entry, kind, rule, fields);
                }
            }
        }
    }

    /** Every rule broken so far, in log order. */
    public List<DisclosureFinding> findings() {
        return List.copyOf(findings);
    }

    public Summary summary() {
        return new Summary(next, requests.size(), steps.releases(), steps.shares(), steps.refusals(), reports,
                filings.ordersChecked(), filings.ordersUnchecked());
    }

    private void check(long index, byte[] entry, String kind, Rule rule, EntryFields e) {
        List<String> problems = new ArrayList<>();
        try {
            if (e.count("v") != 1) {
                throw new EntryProblem("unsupported version v=" + e.count("v") + " of " + kind);
            }
            countForReports(index, kind, e);
            switch (kind) {
                case "officer.registered" -> registered.officerRegistered(e);
                case "officer.retired" -> registered.officerRetired(e);
                case "court-anchor.registered" -> registered.anchorRegistered(e);
                case "court-anchor.retired" -> registered.anchorRetired(e);
                case "disclosure.filed" -> {
                    DisclosureRequest request = filings.file(index, entry, e, problems);
                    requests.put(index, request);
                    requestsById.putIfAbsent(request.id(), request);
                }
                case "disclosure.share" -> problems.addAll(steps.share(index, named(index, e), e));
                case "disclosure.released" -> problems.addAll(steps.released(named(index, e), e));
                case "disclosure.refusal" -> steps.refusal(named(index, e), e);
                case "disclosure.review-opened" -> steps.reviewOpened(named(index, e), e);
                case "disclosure.refused" -> steps.refused(named(index, e));
                case "disclosure.expired" -> steps.expired(named(index, e), e);
                case "disclosure.withdrawn" -> steps.withdrawn(named(index, e));
                case "disclosure.notice" -> steps.notice(named(index, e), e);
                case "disclosure.objection" -> steps.objection(named(index, e), e);
                case "disclosure.share-rejected" -> {
                    named(index, e);
                    steps.shareRejected(e);
                }
                case "transparency.report" -> transparencyReport(index, e);
                default -> throw new IllegalStateException("no check for " + kind);
            }
        } catch (EntryProblem p) {
            problems.add(p.getMessage());
        }
        problems.forEach(p -> findings.add(new DisclosureFinding(index, rule, p)));
    }

    /**
     * The request the entry names: by {@code request} alone for transitions, which the service writes before the
     * filing entry has an index; by {@code request_index} and {@code request}, which must agree, for trustees' entries
     * and releases (docs/disclosure.md §5).
     */
    private DisclosureRequest named(long index, EntryFields e) throws EntryProblem {
        String id = e.text("request");
        if (!e.has("request_index")) {
            DisclosureRequest request = requestsById.get(id);
            if (request == null) {
                throw new EntryProblem("names request " + id + ", which no earlier disclosure.filed entry filed");
            }
            return request;
        }
        long requestIndex = e.count("request_index");
        if (requestIndex >= index) {
            throw new EntryProblem("request_index " + requestIndex + " is not before the entry");
        }
        DisclosureRequest request = requests.get(requestIndex);
        if (request == null) {
            throw new EntryProblem("request_index " + requestIndex + " is not a disclosure.filed entry");
        }
        if (!request.id().equals(id)) {
            throw new EntryProblem("names request " + id + ", but entry " + requestIndex + " filed request "
                    + request.id());
        }
        return request;
    }

    // ------------------------------------------------------------------------------------------ rule 5

    /**
     * Records an entry the transparency reports count, under the anchor of the request it files or names: every such
     * entry with a date counts, whether or not it breaks another rule, since a report counts what the log holds.
     */
    private void countForReports(long index, String kind, EntryFields e) throws EntryProblem {
        String key = kind.startsWith("disclosure.") ? kind.substring("disclosure.".length()) : "";
        if (!TransparencyCounts.KEYS.contains(key)) {
            return;
        }
        LocalDate date = e.date("date");
        String anchor = null;
        if (key.equals("filed")) {
            anchor = e.has("anchor") ? e.text("anchor") : null;
        } else if (e.has("request_index")) {
            DisclosureRequest request = requests.get(e.count("request_index"));
            anchor = request == null ? null : request.anchor();
        }
        counts.record(index, key, date, anchor);
    }

    private void transparencyReport(long index, EntryFields e) throws EntryProblem {
        String period = e.text("period");
        if (!period.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            throw new EntryProblem("period \"" + period + "\" is not YYYY-MM");
        }
        long through = e.count("through_index");
        e.date("date");
        if (through >= index) {
            throw new EntryProblem("through_index " + through + " is not before the report");
        }
        List<String> mismatches = counts.mismatches(period, through, e.object("totals"), e.object("by_anchor"));
        if (!mismatches.isEmpty()) {
            throw new EntryProblem("the counts for " + period + " through entry " + through + " differ from the "
                    + "log: " + String.join("; ", mismatches));
        }
        reports++;
    }
}
