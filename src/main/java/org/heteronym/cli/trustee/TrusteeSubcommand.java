package org.heteronym.cli.trustee;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Shared frame of the trustee subcommands: turns every outcome into one readable message and an exit code, and
 * never lets a stack trace reach the user.
 */
abstract class TrusteeSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            execute(out);
            out.flush();
            return 0;
        } catch (TrusteeException e) {
            out.flush();
            err.println(e.getMessage() == null ? "error" : e.report());
            err.flush();
            return e.exitCode();
        } catch (RuntimeException | OutOfMemoryError e) {
            out.flush();
            err.println("error: internal error: " + e);
            err.flush();
            return TrusteeException.CANNOT_PROCEED;
        }
    }

    /** Runs the command, printing results to {@code out}; throws to report failure. */
    abstract void execute(PrintWriter out) throws TrusteeException;
}
