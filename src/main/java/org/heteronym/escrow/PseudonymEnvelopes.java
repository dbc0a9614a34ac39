package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.PseudonymBinding;
import org.heteronym.crypto.escrow.Transcript;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;
import org.heteronym.persistence.AdvisoryLocks;

/**
 * The first login of a member to a forum: the pseudonym's row, its envelope (a fresh re-randomisation of the
 * member's sealed identity, unlinkable to it and to the member's other pseudonyms) and its log entry, in one
 * transaction; later logins find the row. Nothing is written on the member's row.
 */
@ApplicationScoped
public class PseudonymEnvelopes {

    private final SecureRandom random = new SecureRandom();
    private final EpochRegistry epochs;
    private final LogAppender log;

    PseudonymEnvelopes(EpochRegistry epochs, LogAppender log) {
        this.epochs = epochs;
        this.log = log;
    }

    /**
     * The pseudonym's row, created with its envelope and log entry if this is the first login. Concurrent first logins
     * of one member to one forum serialise on an advisory lock and yield one row and one log entry.
     *
     * @param memberEnvelope the member's sealed identity (read from the member row, never written back)
     */
    public Uni<Pseudonym> ensure(String forumId, String pseudonym, byte[] memberEnvelope) {
        PseudonymKey key = new PseudonymKey(forumId, pseudonym);
        return Panache.withTransaction(() -> AdvisoryLocks.lockForTransaction(lockKey(key))
                .chain(locked -> Pseudonym.<Pseudonym>findById(key))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : create(key, memberEnvelope)));
    }

    private Uni<Pseudonym> create(PseudonymKey key, byte[] memberEnvelope) {
        Envelope source = decode(memberEnvelope);
        return epochs.find(source.epochId().toHex()).chain(epoch -> {
            Envelope envelope = Envelopes.rerandomise(source, epoch.toKey(), random);
            byte[] nonce = new byte[PseudonymBinding.NONCE_LENGTH];
            random.nextBytes(nonce);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LogEntry entry = LogEntry.of(EntryKind.PSEUDONYM_ENVELOPE, Map.of(
                    "envelope_hash", envelope.envelopeHash().toHex(),
                    "binding", PseudonymBinding.commit(key.forumId(), key.pseudonym(), envelope.envelopeHash(),
                            envelope.epochId(), nonce).toHex(),
                    "epoch", envelope.epochId().toHex(),
                    "date", today.toString()));
            Pseudonym row = new Pseudonym();
            row.key = key;
            row.epochId = epoch.id;
            row.envelope = envelope.encode();
            row.bindingNonce = nonce;
            row.logLeafHash = MerkleHash.leafHash(entry.bytes());
            row.createdOn = today;
            return row.<Pseudonym>persist().call(() -> log.appendShuffled(entry));
        });
    }

    private static Envelope decode(byte[] memberEnvelope) {
        try {
            return Envelope.decode(memberEnvelope);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored member envelope does not decode", e);
        }
    }

    private static byte[] lockKey(PseudonymKey key) {
        return Transcript.start("heteronym/v1/pseudonym-lock")
                .bytes(key.forumId().getBytes(StandardCharsets.UTF_8))
                .bytes(key.pseudonym().getBytes(StandardCharsets.UTF_8))
                .sha256().toBytes();
    }
}
