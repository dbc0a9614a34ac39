package org.heteronym.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** TEST ONLY: runs {@code heteronym ...} in-process, capturing its output, for the tests of every command group. */
public final class InProcessCli {
    private InProcessCli() {}

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HeteronymCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
