package org.heteronym.cli.officer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code heteronym officer}: the legal officer's tools. The officer keeps the key pair (ρ, R) that trustees encrypt
 * their decryption shares to in a passphrase-encrypted key file ({@link OfficerKeyFile}); the operator registers R
 * (docs/disclosure.md §1).
 */
@Command(name = "officer",
        description = {
            "Legal officer tools: the key file whose public key the operator registers.",
            "Trustees encrypt their decryption shares to this key; only its holder can open a released envelope.",
        },
        subcommands = {
            OfficerKeygenCommand.class,
            OfficerShowCommand.class,
            OfficerOpenCommand.class,
        })
public final class OfficerCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing officer command: keygen, show or open");
    }
}
