package org.heteronym.cli.trustee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.heteronym.cli.HeteronymCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The disclosure subcommands are wired into {@code heteronym trustee} with the options the guide names. */
class TrusteeReviewCommandLineTest {

    @Test
    void reviewApproveAndRefuseTakeTheirOptions() {
        for (String command : new String[] {"review", "approve", "refuse"}) {
            CommandLine cli = HeteronymCli.commandLine();
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out));
            assertEquals(0, cli.execute("trustee", command, "--help"), command);
            String help = out.toString();
            for (String option : new String[] {"--service", "--key", "--trustee-id", "--log", "--vkey"}) {
                assertTrue(help.contains(option), command + " lacks " + option + ":\n" + help);
            }
        }
    }

    @Test
    void approveWithoutARequestIsAUsageError() {
        CommandLine cli = HeteronymCli.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute("trustee", "approve", "--service", "http://127.0.0.1:1", "--key", "k",
                "--trustee-id", "0b7c3f2e-4b1f-4a8e-9d7e-2f0c1a2b3c4d", "--log", "http://127.0.0.1:1/log",
                "--vkey", "x"));
    }
}
