package org.heteronym.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heteronym audit inclusion --index I}: prove that entry {@code I} is in the log and print it. */
@Command(name = "inclusion",
        description = {
            "Prove entry I is in the log and print it.",
            "Fetches entry I and its inclusion proof against the newest verified checkpoint, recomputes the leaf "
                + "hash from the entry bytes and verifies the proof. With --state, first checks the checkpoint's "
                + "consistency with the stored one, as 'audit consistency' does.",
        })
final class AuditInclusionCommand extends AuditSubcommand {

    @Option(names = "--index", required = true, paramLabel = "I", description = "Index of the entry, from 0")
    long index;

    @Option(names = "--state", paramLabel = "FILE", description = "State file, as for 'audit consistency'")
    Path state;

    @Override
    void audit(LogAuditor auditor, PrintWriter out) throws AuditException {
        VerifiedCheckpoint checkpoint = auditor.newestCheckpoint(state);
        byte[] entry = auditor.checkInclusion(index, checkpoint);
        out.println("entry " + index + " is included in the checkpoint of size " + checkpoint.size() + " (root "
                + LogAuditor.b64(checkpoint.rootHash()) + ")");
        out.println(LogAuditor.utf8(entry).map(HttpText::printable)
                .orElse("(not UTF-8; base64) " + Base64.getEncoder().encodeToString(entry)));
    }
}
