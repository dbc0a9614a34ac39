package org.heteronym.cli;

import java.io.PrintWriter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.dkg.CeremonyOutcome;
import org.heteronym.crypto.escrow.dkg.DkgTranscript;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Verifies a trustee-set epoch from the public log alone: its {@code trustee-set.established} entry is in the signed
 * tree, and the DKG transcript it carries verifies to exactly the epoch id, joint key, trustee keys and threshold the
 * entry states. The service is asked only where the entry is (its leaf hash), which is then proven, not trusted.
 */
@Command(name = "epoch",
        description = "Verify a trustee-set epoch: its log entry is included, and its DKG transcript re-verifies.")
final class AuditEpochCommand extends AuditSubcommand {

    @Option(names = "--epoch", required = true, paramLabel = "HEX", description = "Epoch id (64 hex digits)")
    String epochId;

    @Option(names = "--service", paramLabel = "URL",
            description = "The service's base URL, to locate the entry (default: the log URL without its last part)")
    String service;

    @Option(names = "--trustee-key", paramLabel = "BASE64",
            description = "Also check that this static key took part, and print its index")
    String trusteeKey;

    @Override
    void audit(LogAuditor auditor, PrintWriter out) throws AuditException {
        if (!epochId.matches("[0-9a-f]{64}")) {
            throw AuditException.unavailable("--epoch must be 64 lowercase hex digits");
        }
        VerifiedCheckpoint checkpoint = auditor.newestCheckpoint();
        long index = EpochEntries.locate(logOptions, serviceUrl(), auditor.client(), epochId, checkpoint.size());
        byte[] entry = auditor.checkInclusion(index, checkpoint);
        CeremonyOutcome outcome = EpochEntries.verify(entry, index, epochId);
        out.println("epoch " + epochId + " verified: log entry " + index + " is in the checkpoint of size "
                + checkpoint.size() + ", and its transcript re-verifies");
        out.println("threshold: " + outcome.threshold() + " of " + outcome.participantCount());
        out.println("joint key: " + Base64.getEncoder().encodeToString(outcome.jointKey().encode()));
        if (trusteeKey != null) {
            DkgTranscript transcript = EpochEntries.transcript(entry, index, epochId);
            out.println("your index: " + indexOf(transcript.parameters().participantKeys()));
        }
    }

    private int indexOf(List<Point> participants) throws AuditException {
        try {
            Point own = Point.decode(Base64.getDecoder().decode(trusteeKey));
            for (int i = 0; i < participants.size(); i++) {
                if (participants.get(i).equals(own)) {
                    return i + 1;
                }
            }
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw AuditException.unavailable("--trustee-key is not a base64 P-256 key: " + e.getMessage());
        }
        throw AuditException.failed("the key " + trusteeKey + " is not a participant of epoch " + epochId);
    }

    private String serviceUrl() {
        if (service != null) {
            return service;
        }
        String log = logOptions.log.replaceAll("/+$", "");
        return log.substring(0, Math.max(log.lastIndexOf('/'), log.indexOf("//") + 2));
    }
}
