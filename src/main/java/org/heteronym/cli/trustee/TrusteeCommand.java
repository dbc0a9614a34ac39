package org.heteronym.cli.trustee;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code heteronym trustee}: the escrow trustee's tools. A trustee keeps its COCKTAIL-DKG static key and its
 * epoch shares in a passphrase-encrypted key file ({@link TrusteeKeyFile}) and takes part in key ceremonies
 * coordinated by the (untrusted) service.
 */
@Command(name = "trustee",
        description = {
            "Escrow trustee tools: key file, distributed key generation ceremonies.",
            "The service only relays ceremony messages; every message is verified locally, and the ceremony "
                + "parameters (threshold and context) must be confirmed with the other trustees out of band.",
        },
        subcommands = {
            TrusteeKeygenCommand.class,
            TrusteeCeremonyCommand.class,
            TrusteeShowCommand.class,
            TrusteeReviewCommand.class,
            TrusteeApproveCommand.class,
            TrusteeRefuseCommand.class,
        })
public final class TrusteeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing trustee command: keygen, ceremony, show, review, approve or refuse");
    }
}
