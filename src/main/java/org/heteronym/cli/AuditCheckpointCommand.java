package org.heteronym.cli;

import java.io.PrintWriter;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import picocli.CommandLine.Command;

/** {@code heteronym audit checkpoint}: fetch and verify the log's newest signed checkpoint. */
@Command(name = "checkpoint",
        description = "Fetch the log's newest checkpoint, verify its signature and origin, print origin, size and root.")
final class AuditCheckpointCommand extends AuditSubcommand {

    @Override
    void audit(LogAuditor auditor, PrintWriter out) throws AuditException {
        VerifiedCheckpoint checkpoint = auditor.newestCheckpoint();
        out.println("checkpoint verified: signed by the trusted key, origin matches");
        auditor.printCheckpoint(checkpoint);
    }
}
