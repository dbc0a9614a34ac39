package org.heteronym.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code heteronym audit disclosures}: replays the whole log as {@code audit replay} does and checks every
 * disclosure entry against docs/disclosure.md §7 with {@link DisclosureAudit}.
 */
@Command(name = "disclosures",
        description = {
            "Check every court-ordered disclosure in the log (docs/disclosure.md §7).",
            "Replays and verifies the whole log as 'audit replay' does, then checks from the log alone that every "
                + "request names a registered officer and court anchor and a logged envelope, that every share "
                + "verifies for the context derived from the log, that every release follows enough valid shares "
                + "of distinct trustees, that every refusal verifies and every state transition is allowed, and "
                + "that every transparency report matches the entries it covers. Prints every finding.",
        })
final class AuditDisclosuresCommand extends AuditSubcommand {

    /** How court-order signatures are checked: Bouncy Castle's CMS verifier (tests may swap in another). */
    static OrderSignatureCheck orderSignatures = new CourtOrderCheck();

    @Option(names = "--state", paramLabel = "FILE", description = "State file, as for 'audit consistency'")
    Path state;

    @Override
    void audit(LogAuditor auditor, PrintWriter out) throws AuditException {
        VerifiedCheckpoint checkpoint = auditor.newestCheckpoint(state);
        RootHistory roots = new RootHistory();
        DisclosureAudit audit = new DisclosureAudit(roots, orderSignatures);
        auditor.replay(checkpoint, (index, entry, tree) -> {
            roots.add(tree.root());
            audit.entry(index, entry);
        });
        List<DisclosureFinding> findings = audit.findings();
        if (!findings.isEmpty()) {
            throw AuditException.failed(report(findings));
        }
        out.println(summary(audit.summary(), checkpoint));
    }

    /** The failure message: a count, then one line a finding. */
    static String report(List<DisclosureFinding> findings) {
        StringBuilder text = new StringBuilder()
                .append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
                .append(" against docs/disclosure.md §7:");
        for (DisclosureFinding finding : findings) {
            text.append("\n  ").append(finding);
        }
        return text.toString();
    }

    /** The one line printed when there is no finding. */
    static String summary(DisclosureAudit.Summary s, VerifiedCheckpoint checkpoint) {
        String line = "disclosures verified: " + s.entries() + " entries up to root "
                + LogAuditor.b64(checkpoint.rootHash()) + "; " + plural(s.requests(), "request") + " ("
                + s.releases() + " released), " + plural(s.shares(), "share") + " and "
                + plural(s.refusals(), "refusal")
                + " verified, " + plural(s.reports(), "transparency report") + " matching";
        if (s.ordersUnchecked() > 0) {
            return line + "; the court-order signatures of " + plural(s.ordersUnchecked(), "request")
                    + " were NOT checked: this build has no court-order signature verifier";
        }
        return line + "; " + plural(s.ordersChecked(), "court-order signature") + " verified";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
