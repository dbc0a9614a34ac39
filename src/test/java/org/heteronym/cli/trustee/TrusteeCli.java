package org.heteronym.cli.trustee;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.heteronym.cli.HeteronymCli;
import picocli.CommandLine;

/** Runs {@code heteronym ...} in-process, capturing its output. */
final class TrusteeCli {
    private TrusteeCli() {}

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HeteronymCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
