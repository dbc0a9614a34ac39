package org.heteronym.cli.officer;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.heteronym.cli.keyfile.KeyFileException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Shared frame of the officer subcommands: a key file or passphrase problem is one {@code error: ...} line and exit
 * 2 (nothing an officer command does verifies anything, so it never exits 1); no stack trace reaches the user.
 */
abstract class OfficerSubcommand implements Callable<Integer> {

    static final int CANNOT_PROCEED = 2;

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
        } catch (KeyFileException e) {
            out.flush();
            err.println("error: " + e.getMessage());
            err.flush();
            return CANNOT_PROCEED;
        } catch (RuntimeException | OutOfMemoryError e) {
            out.flush();
            err.println("error: internal error: " + e);
            err.flush();
            return CANNOT_PROCEED;
        }
    }

    /** Runs the command, printing results to {@code out}; throws to report failure. */
    abstract void execute(PrintWriter out) throws KeyFileException;
}
