package org.heteronym.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heteronym audit replay}: download and check every entry and tile up to the newest checkpoint. */
@Command(name = "replay",
        description = {
            "Download and check every entry up to the newest checkpoint.",
            "Fetches every entry bundle and tile for the checkpoint's size, checks each entry's leaf hash against "
                + "its tile, recomputes the root and compares it, cross-checks every higher-level tile, and checks "
                + "that every entry is canonical JSON with 'kind' and 'v' and that entry 0 is the genesis entry "
                + "naming this log's origin and vkey. Streams tile by tile and reports the first bad entry. With "
                + "--state, first checks consistency as 'audit consistency' does.",
        })
final class AuditReplayCommand extends AuditSubcommand {

    @Option(names = "--state", paramLabel = "FILE", description = "State file, as for 'audit consistency'")
    Path state;

    @Override
    void audit(LogAuditor auditor, PrintWriter out) throws AuditException {
        VerifiedCheckpoint checkpoint = auditor.newestCheckpoint(state);
        long entries = auditor.replay(checkpoint);
        out.println("replay verified: " + entries + " entries match their tiles and the checkpoint root "
                + LogAuditor.b64(checkpoint.rootHash()) + "; all higher-level tiles match; all entries are well-formed");
    }
}
