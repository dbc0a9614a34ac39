package org.heteronym.escrow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.dkg.CeremonyParameters;
import org.heteronym.crypto.escrow.dkg.DkgAbortException;
import org.heteronym.crypto.escrow.dkg.TranscriptVerifier;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/**
 * The service's part in a key ceremony: an untrusted relay that stores each participant's signed message, refuses
 * what does not verify or contradicts what it already holds, and, once every Round 2 message is in, verifies the whole
 * transcript as any auditor could and records the epoch and the transcript in the log in one transaction.
 *
 * <p>Every submission locks its ceremony's row, so the "last message in" step runs exactly once.
 */
@ApplicationScoped
public class CeremonyCoordinator {

    /** The whole transcript goes into one log entry, which must stay under 64 KiB (docs/escrow-protocol.md §21). */
    static final int MAX_PARTICIPANTS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogAppender log;
    private final CeremonyCompletion completion;
    private final SecureRandom random = new SecureRandom();

    CeremonyCoordinator(LogAppender log, CeremonyCompletion completion) {
        this.log = log;
        this.completion = completion;
    }

    @WithTransaction
    public Uni<Ceremony> open(int threshold, List<UUID> trusteeIds) {
        int n = trusteeIds.size();
        if (n < 1 || n > MAX_PARTICIPANTS || threshold < 1 || threshold > n) {
            throw new EscrowRefusal(EscrowProblem.BAD_CEREMONY,
                    "need 1 ≤ threshold ≤ trustees ≤ " + MAX_PARTICIPANTS + "; got threshold " + threshold + " of " + n);
        }
        if (new LinkedHashSet<>(trusteeIds).size() != n) {
            throw new EscrowRefusal(EscrowProblem.BAD_CEREMONY, "a trustee is listed twice");
        }
        return Trustee.<Trustee>list("id in ?1", trusteeIds).flatMap(found -> {
            List<CeremonyParticipant> participants = new ArrayList<>();
            for (UUID id : trusteeIds) {
                Trustee trustee = found.stream().filter(t -> t.id.equals(id)).findFirst()
                        .orElseThrow(() -> new EscrowRefusal(EscrowProblem.UNKNOWN_TRUSTEE, "no trustee " + id));
                participants.add(new CeremonyParticipant(participants.size() + 1, trustee.id, trustee.name,
                        Base64.getEncoder().encodeToString(trustee.publicKey)));
            }
            byte[] sessionId = new byte[16];
            random.nextBytes(sessionId);
            Ceremony ceremony = new Ceremony();
            ceremony.id = HexFormat.of().formatHex(sessionId);
            ceremony.sessionId = sessionId;
            ceremony.threshold = threshold;
            ceremony.participants = write(participants);
            ceremony.state = Ceremony.State.ROUND1;
            CeremonyParameters params = parameters(ceremony);
            return ceremony.<Ceremony>persist().call(() -> log.append(LogEntry.of(EntryKind.CEREMONY_OPENED, Map.of(
                    "ceremony", ceremony.id,
                    "threshold", threshold,
                    "participants", participants.stream().map(CeremonyParticipant::publicKey).toList(),
                    "context", params.context().toHex()))));
        });
    }

    @WithSession
    public Uni<Ceremony> get(String id) {
        return Ceremony.<Ceremony>findById(id).map(c -> require(c, id));
    }

    /** The ceremony with its epoch, once established. */
    @WithSession
    public Uni<CeremonyStatus> status(String id) {
        return get(id).flatMap(ceremony -> ceremony.epochId == null
                ? Uni.createFrom().item(new CeremonyStatus(ceremony, null))
                : Epoch.<Epoch>findById(HexFormat.of().formatHex(ceremony.epochId))
                        .map(epoch -> new CeremonyStatus(ceremony, epoch)));
    }

    /** Stores a participant's message for {@code round}; true if new, false if the same message was already held. */
    @WithTransaction
    public Uni<Boolean> submit(String id, int round, int index, byte[] message) {
        return Ceremony.<Ceremony>findById(id, LockModeType.PESSIMISTIC_WRITE).map(c -> require(c, id))
                .flatMap(ceremony -> {
                    Ceremony.State expected = round == 1 ? Ceremony.State.ROUND1 : Ceremony.State.ROUND2;
                    if (ceremony.state != expected) {
                        throw new EscrowRefusal(EscrowProblem.WRONG_ROUND,
                                "the ceremony is in state " + ceremony.state + ", not accepting round " + round);
                    }
                    CeremonyParameters params = parameters(ceremony);
                    if (index < 1 || index > params.participantCount()) {
                        throw new EscrowRefusal(EscrowProblem.INVALID_MESSAGE, "no participant " + index);
                    }
                    return CeremonyMessage.<CeremonyMessage>findById(CeremonyMessage.key(id, round, index))
                            .flatMap(existing -> existing != null
                                    ? Uni.createFrom().item(same(existing, message))
                                    : accept(ceremony, params, round, index, message));
                });
    }

    /** The round's messages in index order once all n are in, else empty (with how many are). */
    @WithSession
    public Uni<RoundView> round(String id, int round) {
        return get(id).flatMap(ceremony -> messages(id, round).map(messages -> {
            int n = parameters(ceremony).participantCount();
            return new RoundView(messages.size() == n, messages.size(), messages.size() == n ? messages : List.of());
        }));
    }

    private Uni<Boolean> accept(Ceremony ceremony, CeremonyParameters params, int round, int index, byte[] message) {
        Uni<Void> verified = round == 1
                ? Uni.createFrom().item(() -> {
                    check(() -> TranscriptVerifier.checkRound1Message(params, index, message));
                    return null;
                })
                : messages(ceremony.id, 1).map(round1 -> {
                    check(() -> TranscriptVerifier.checkRound2Message(params, round1, index, message));
                    return null;
                });
        CeremonyMessage stored = new CeremonyMessage();
        stored.id = CeremonyMessage.key(ceremony.id, round, index);
        stored.ceremonyId = ceremony.id;
        stored.round = round;
        stored.index = index;
        stored.message = message;
        return verified.flatMap(ignored -> stored.persist())
                .flatMap(ignored -> CeremonyMessage.count("ceremonyId = ?1 and round = ?2", ceremony.id, round))
                .flatMap(count -> count < params.participantCount()
                        ? Uni.createFrom().voidItem()
                        : round == 1 ? advanceToRound2(ceremony) : completion.complete(ceremony, params))
                .replaceWith(true);
    }

    private static Uni<Void> advanceToRound2(Ceremony ceremony) {
        ceremony.state = Ceremony.State.ROUND2;
        return Uni.createFrom().voidItem();
    }

    static Uni<List<byte[]>> messages(String id, int round) {
        return CeremonyMessage.<CeremonyMessage>list("ceremonyId = ?1 and round = ?2 order by index", id, round)
                .map(rows -> rows.stream().map(m -> m.message).toList());
    }

    private static boolean same(CeremonyMessage existing, byte[] message) {
        if (!Arrays.equals(existing.message, message)) {
            throw new EscrowRefusal(EscrowProblem.CONFLICTING_MESSAGE,
                    "participant " + existing.index + " already sent a different round " + existing.round + " message");
        }
        return false;
    }

    private static void check(DkgCheck check) {
        try {
            check.run();
        } catch (DkgAbortException e) {
            throw new EscrowRefusal(EscrowProblem.INVALID_MESSAGE,
                    "message refused: " + e.reason() + " (" + e.getMessage() + ")");
        }
    }

    public static CeremonyParameters parameters(Ceremony ceremony) {
        List<Point> keys = new ArrayList<>();
        for (CeremonyParticipant p : participants(ceremony)) {
            try {
                keys.add(Point.decode(Base64.getDecoder().decode(p.publicKey())));
            } catch (MalformedEncodingException e) {
                throw new IllegalStateException("stored participant key no longer decodes", e);
            }
        }
        return new CeremonyParameters(ceremony.sessionId, ceremony.threshold, keys);
    }

    /** The parameters' context, hex: what trustees compare with each other out of band before Round 1. */
    public static String context(Ceremony ceremony) {
        return parameters(ceremony).context().toHex();
    }

    public static List<CeremonyParticipant> participants(Ceremony ceremony) {
        try {
            return JSON.readValue(ceremony.participants, new TypeReference<List<CeremonyParticipant>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(List<CeremonyParticipant> participants) {
        try {
            return JSON.writeValueAsString(participants);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Ceremony require(Ceremony ceremony, String id) {
        if (ceremony == null) {
            throw new EscrowRefusal(EscrowProblem.NO_SUCH_CEREMONY, "no ceremony " + id);
        }
        return ceremony;
    }

    @FunctionalInterface
    private interface DkgCheck {
        void run() throws DkgAbortException;
    }

    /** A ceremony and, when complete, the epoch it established (else null). */
    public record CeremonyStatus(Ceremony ceremony, Epoch epoch) {
    }

    /** One round as the relay holds it. */
    public record RoundView(boolean complete, int received, List<byte[]> messages) {
    }
}
