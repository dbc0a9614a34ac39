package org.heteronym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.dkg.CeremonyOutcome;
import org.heteronym.crypto.escrow.dkg.DkgAbortException;
import org.heteronym.crypto.escrow.dkg.DkgTranscript;
import org.heteronym.crypto.escrow.dkg.TranscriptVerifier;

/**
 * A {@code trustee-set.established} log entry, checked from its bytes alone: it names the expected epoch, and the
 * DKG transcript it carries re-verifies to exactly the epoch id, joint key, trustee keys and threshold it states.
 * Used by {@code audit epoch} and by every tool that needs an epoch key it can trust (the officer's opening).
 */
public final class EpochEntries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EpochEntries() {
    }

    /**
     * The index of an epoch's entry: the service is asked for its leaf hash (GET {@code escrow/v1/epochs/{id}}),
     * which the log then proves included in a checkpoint of {@code size}; the caller verifies the entry itself.
     */
    static long locate(LogOptions options, String serviceUrl, LogClient log, String epochId, long size)
            throws AuditException {
        byte[] leafHash;
        try (LogClient service = options.client(serviceUrl, "--service")) {
            String hex = service.json("escrow/v1/epochs/" + epochId).path("log_leaf_hash").asText("");
            if (!hex.matches("[0-9a-f]{64}")) {
                throw AuditException.unavailable("the service gave no usable log_leaf_hash for epoch " + epochId);
            }
            leafHash = HexFormat.of().parseHex(hex);
        }
        return log.inclusionProofOfLeaf(leafHash, size).leafIndex();
    }

    /** The verified outcome of the ceremony that entry {@code index} records; exit 1 if anything disagrees. */
    public static CeremonyOutcome verify(byte[] entry, long index, String epochId) throws AuditException {
        JsonNode json = epochEntry(entry, index, epochId);
        DkgTranscript transcript = transcript(json, index);
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

    /** The transcript the entry carries, decoded but not verified. */
    static DkgTranscript transcript(byte[] entry, long index, String epochId) throws AuditException {
        return transcript(epochEntry(entry, index, epochId), index);
    }

    private static DkgTranscript transcript(JsonNode json, long index) throws AuditException {
        try {
            return DkgTranscript.decode(Base64.getDecoder().decode(json.path("transcript").asText()));
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw AuditException.failed("the transcript in log entry " + index + " is malformed: " + e.getMessage());
        }
    }

    private static JsonNode epochEntry(byte[] entry, long index, String epochId) throws AuditException {
        JsonNode json;
        try {
            json = JSON.readTree(entry);
        } catch (IOException e) {
            throw AuditException.failed("log entry " + index + " is not JSON");
        }
        if (json == null || !"trustee-set.established".equals(json.path("kind").asText())
                || !epochId.equals(json.path("epoch").asText())) {
            throw AuditException.failed("log entry " + index + " is not the trustee-set.established entry of epoch "
                    + epochId);
        }
        return json;
    }
}
