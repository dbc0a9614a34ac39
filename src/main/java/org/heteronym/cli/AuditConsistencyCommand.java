package org.heteronym.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code heteronym audit consistency --state FILE}: check that the log only grew since the checkpoint recorded
 * in {@code FILE}, then record the newest one.
 */
@Command(name = "consistency",
        description = {
            "Prove the log only grew since the checkpoint in the state file.",
            "Verifies the newest checkpoint and its consistency proof from the checkpoint stored by an earlier "
                + "run, reporting ROLLBACK or FORK with both signed checkpoints as evidence, then stores the newest "
                + "one atomically. Without a state file the newest checkpoint is trusted on first use.",
        })
final class AuditConsistencyCommand extends AuditSubcommand {

    @Option(names = "--state", required = true, paramLabel = "FILE",
            description = "File holding the last verified checkpoint (created on first use)")
    Path state;

    @Override
    void audit(LogAuditor auditor, PrintWriter out) throws AuditException {
        VerifiedCheckpoint newest = auditor.newestCheckpoint();
        auditor.printCheckpoint(newest);
        auditor.checkAgainstState(new CheckpointState(state), newest);
    }
}
