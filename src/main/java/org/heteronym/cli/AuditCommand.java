package org.heteronym.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code heteronym audit}: offline verification of the public transparency log by anyone holding the log's
 * verifier key. The key is never taken from the server: it must be given with {@code --vkey} or
 * {@code --vkey-file}.
 */
@Command(name = "audit",
        description = {
            "Verify the public transparency log.",
            "Checks signed checkpoints, append-only growth, inclusion of entries, replays every entry, and checks "
                + "every court-ordered disclosure. "
                + "Needs only the log URL and its verifier key (vkey), obtained out of band: the key served by "
                + "the log itself is never trusted.",
        },
        subcommands = {
            AuditCheckpointCommand.class,
            AuditConsistencyCommand.class,
            AuditInclusionCommand.class,
            AuditReplayCommand.class,
            AuditEpochCommand.class,
            AuditDisclosuresCommand.class,
        })
public final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing audit command: checkpoint, consistency, inclusion, replay, epoch or disclosures");
    }
}
