package org.heteronym.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Shared frame of the audit subcommands: turns every outcome into one readable message and an exit code, and
 * never lets a stack trace reach the user.
 */
abstract class AuditSubcommand implements Callable<Integer> {

    @Mixin
    LogOptions logOptions;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            try (LogClient client = logOptions.client()) {
                LogAuditor auditor = new LogAuditor(client, logOptions.verifier(), out);
                audit(auditor, out);
            }
            out.flush();
            return 0;
        } catch (AuditException e) {
            out.flush();
            err.println(e.report());
            err.flush();
            return e.exitCode();
        } catch (RuntimeException e) {
            out.flush();
            err.println("error: internal error: " + e);
            err.flush();
            return AuditException.CANNOT_AUDIT;
        }
    }

    /** Runs the audit, printing results to {@code out}; throws to report failure. */
    abstract void audit(LogAuditor auditor, PrintWriter out) throws AuditException;
}
