package org.heteronym.escrow;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.escrow.dkg.CeremonyOutcome;
import org.heteronym.crypto.escrow.dkg.CeremonyParameters;
import org.heteronym.crypto.escrow.dkg.DkgAbortException;
import org.heteronym.crypto.escrow.dkg.DkgTranscript;
import org.heteronym.crypto.escrow.dkg.TranscriptVerifier;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/**
 * The last step of a ceremony, inside the transaction that stored its last message: verify the whole transcript as
 * an auditor would, then record the epoch and log the transcript, or record and log the abort with its culprit.
 */
@ApplicationScoped
class CeremonyCompletion {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final LogAppender log;

    CeremonyCompletion(LogAppender log) {
        this.log = log;
    }

    Uni<Void> complete(Ceremony ceremony, CeremonyParameters params) {
        return CeremonyCoordinator.messages(ceremony.id, 1).flatMap(round1 -> CeremonyCoordinator.messages(ceremony.id, 2)
                .flatMap(round2 -> {
                    DkgTranscript transcript = new DkgTranscript(params, round1, round2);
                    try {
                        return establish(ceremony, transcript, TranscriptVerifier.verify(transcript));
                    } catch (DkgAbortException e) {
                        return abort(ceremony, e);
                    }
                }));
    }

    private Uni<Void> establish(Ceremony ceremony, DkgTranscript transcript, CeremonyOutcome outcome) {
        Epoch epoch = new Epoch();
        epoch.id = outcome.transcriptHash().toHex();
        epoch.ceremonyId = ceremony.id;
        epoch.threshold = outcome.threshold();
        epoch.participants = outcome.participantCount();
        epoch.jointKey = outcome.jointKey().encode();
        ByteArrayOutputStream keys = new ByteArrayOutputStream();
        outcome.trusteeKeys().forEach(key -> keys.writeBytes(key.encode()));
        epoch.trusteeKeys = keys.toByteArray();
        epoch.establishedOn = LocalDate.now(ZoneOffset.UTC);
        epoch.establishedAt = Instant.now();
        ceremony.state = Ceremony.State.COMPLETE;
        ceremony.epochId = outcome.transcriptHash().toBytes();
        LogEntry entry = LogEntry.of(EntryKind.TRUSTEE_SET_ESTABLISHED, Map.of(
                "ceremony", ceremony.id,
                "epoch", epoch.id,
                "threshold", epoch.threshold,
                "participants", epoch.participants,
                "joint_key", B64.encodeToString(epoch.jointKey),
                "trustee_keys", outcome.trusteeKeys().stream().map(Point::encode).map(B64::encodeToString).toList(),
                "transcript", B64.encodeToString(transcript.encode()),
                "date", epoch.establishedOn.toString()));
        epoch.logLeafHash = MerkleHash.leafHash(entry.bytes());
        return epoch.persist().call(() -> log.append(entry)).replaceWithVoid();
    }

    private Uni<Void> abort(Ceremony ceremony, DkgAbortException e) {
        ceremony.state = Ceremony.State.ABORTED;
        ceremony.abortReason = e.reason().name();
        ceremony.culprit = e.culprit();
        return log.append(LogEntry.of(EntryKind.CEREMONY_ABORTED, Map.of(
                "ceremony", ceremony.id,
                "reason", e.reason().name(),
                "culprit", e.culprit()))).replaceWithVoid();
    }
}
