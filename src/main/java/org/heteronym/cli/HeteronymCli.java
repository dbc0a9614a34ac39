package org.heteronym.cli;

import org.heteronym.cli.officer.OfficerCommand;
import org.heteronym.cli.trustee.TrusteeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code heteronym} command. Command groups ({@code audit}, {@code trustee} and {@code officer}) are
 * subcommands in their own classes.
 *
 * <p>Exit codes, for every command: 0 verified, 1 verification failed ({@code FAILED: ...} on standard error),
 * 2 usage, network or server error.
 */
@Command(name = "heteronym",
        // Inherited by every subcommand: --help, --version and the exit code list.
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = HeteronymCli.Version.class,
        description = "Heteronym command-line tools.",
        subcommands = {AuditCommand.class, TrusteeCommand.class, OfficerCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:verified",
            "1:verification failed (message starts with FAILED:)",
            "2:usage, network or server error",
        })
public final class HeteronymCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree; a trustee checks its epoch with the auditor's command, under its own group too. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HeteronymCli());
        cli.getSubcommands().get("trustee").addSubcommand("verify-epoch", new AuditEpochCommand());
        return cli;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command, for example: heteronym audit --help");
    }

    /** Reports the jar's implementation version, if the manifest has one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = HeteronymCli.class.getPackage().getImplementationVersion();
            return new String[] {"heteronym " + (version == null ? "(development build)" : version)};
        }
    }
}
