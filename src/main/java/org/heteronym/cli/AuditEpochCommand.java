package org.heteronym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.dkg.CeremonyOutcome;
import org.heteronym.crypto.escrow.dkg.DkgAbortException;
import org.heteronym.crypto.escrow.dkg.DkgTranscript;
import org.heteronym.crypto.escrow.dkg.TranscriptVerifier;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        byte[] leafHash;
        try (LogClient serviceClient = logOptions.client(serviceUrl(), "--service")) {
            String hex = serviceClient.json("escrow/v1/epochs/" + epochId).path("log_leaf_hash").asText("");
            if (!hex.matches("[0-9a-f]{64}")) {
                throw AuditException.unavailable("the service gave no usable log_leaf_hash for epoch " + epochId);
            }
            leafHash = HexFormat.of().parseHex(hex);
        }
        long index = auditor.client().inclusionProofOfLeaf(leafHash, checkpoint.size()).leafIndex();
        byte[] entry = auditor.checkInclusion(index, checkpoint);
        DkgTranscript transcript = transcriptOf(entry, index);
        CeremonyOutcome outcome = verifyEntry(entry, transcript, index);
        out.println("epoch " + epochId + " verified: log entry " + index + " is in the checkpoint of size "
                + checkpoint.size() + ", and its transcript re-verifies");
        out.println("threshold: " + outcome.threshold() + " of " + outcome.participantCount());
        out.println("joint key: " + Base64.getEncoder().encodeToString(outcome.jointKey().encode()));
        if (trusteeKey != null) {
            out.println("your index: " + indexOf(transcript.parameters().participantKeys()));
        }
    }

    private JsonNode epochEntry(byte[] entry, long index) throws AuditException {
        JsonNode json;
        try {
            json = JSON.readTree(entry);
        } catch (IOException e) {
            throw AuditException.failed("log entry " + index + " is not JSON");
        }
        if (!"trustee-set.established".equals(json.path("kind").asText()) || !epochId.equals(json.path("epoch").asText())) {
            throw AuditException.failed("log entry " + index + " is not the trustee-set.established entry of epoch " + epochId);
        }
        return json;
    }

    private DkgTranscript transcriptOf(byte[] entry, long index) throws AuditException {
        try {
            return DkgTranscript.decode(Base64.getDecoder().decode(epochEntry(entry, index).path("transcript").asText()));
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw AuditException.failed("the transcript in log entry " + index + " is malformed: " + e.getMessage());
        }
    }

    private CeremonyOutcome verifyEntry(byte[] entry, DkgTranscript transcript, long index) throws AuditException {
        JsonNode json = epochEntry(entry, index);
        CeremonyOutcome outcome;
        try {
            outcome = TranscriptVerifier.verify(transcript);
        } catch (DkgAbortException e) {
            throw AuditException.failed("the transcript in log entry " + index + " does not verify: " + e.getMessage());
        }
        List<String> keys = new ArrayList<>();
        outcome.trusteeKeys().forEach(key -> keys.add(Base64.getEncoder().encodeToString(key.encode())));
        List<String> stated = new ArrayList<>();
        json.path("trustee_keys").forEach(key -> stated.add(key.asText()));
        if (!outcome.transcriptHash().toHex().equals(epochId)
                || !Base64.getEncoder().encodeToString(outcome.jointKey().encode()).equals(json.path("joint_key").asText())
                || outcome.threshold() != json.path("threshold").asInt(-1)
                || outcome.participantCount() != json.path("participants").asInt(-1)
                || !keys.equals(stated)) {
            throw AuditException.failed("log entry " + index + " states an epoch its own transcript does not produce");
        }
        return outcome;
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
