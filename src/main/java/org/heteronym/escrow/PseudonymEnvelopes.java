package org.heteronym.escrow;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
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
import org.heteronym.persistence.UniqueViolations;

/**
 * The first login of a member to a forum: the pseudonym's row, its envelope (a fresh re-randomisation of the
 * member's sealed identity, unlinkable to it and to the member's other pseudonyms) and its log entry, in one
 * transaction; later logins find the row. Nothing is written on the member's row.
 */
@ApplicationScoped
public class PseudonymEnvelopes {

    /** Handle variants per pseudonym (the column allows 0–15): far more than any forum's collisions will use. */
    static final int MAX_VARIANTS = 16;
    private static final int HANDLE_RACE_RETRIES = 3;

    private final SecureRandom random = new SecureRandom();
    private final EpochRegistry epochs;
    private final LogAppender log;

    private final Pool pool;

    PseudonymEnvelopes(EpochRegistry epochs, LogAppender log, Pool pool) {
        this.epochs = epochs;
        this.log = log;
        this.pool = pool;
    }

    /**
     * The handle variant of the pseudonym if the member has logged in to the forum before; empty for a first login.
     * Every login asks, so it is one indexed read through the SQL client.
     */
    public Uni<Optional<Integer>> handleVariant(String forumId, String pseudonym) {
        return pool.preparedQuery("select handle_variant from pseudonym where forum_id = $1 and pseudonym = $2")
                .execute(Tuple.of(forumId, pseudonym))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Integer>empty()
                        : Optional.of(rows.iterator().next().getInteger("handle_variant")));
    }

    /**
     * The pseudonym's row, created with its envelope, its handle and its log entry if this is the first login.
     * Concurrent first logins of one member to one forum serialise on an advisory lock and yield one row and one log
     * entry. The handle is the first variant the forum does not already show for another pseudonym; first logins whose
     * first-choice handles collide serialise on a second lock, and if one still takes a later variant another wanted
     * at the same moment, the loser's transaction rolls back whole and is tried again.
     *
     * @param handles        the handle of each variant (0, 1, …) of this pseudonym
     * @param memberEnvelope the member's sealed identity (read from the member row, never written back)
     */
    public Uni<Pseudonym> ensure(String forumId, String pseudonym, IntFunction<String> handles,
                                 byte[] memberEnvelope) {
        PseudonymKey key = new PseudonymKey(forumId, pseudonym);
        return pool.withTransaction(connection -> AdvisoryLocks.lockForTransaction(connection,
                                lockKey("pseudonym", forumId, pseudonym))
                        .chain(() -> read(connection, key))
                        .chain(existing -> existing.isPresent() ? Uni.createFrom().item(existing.get())
                                : AdvisoryLocks.lockForTransaction(connection, lockKey("handle", forumId,
                                        handles.apply(0)))
                                .chain(() -> freeVariant(connection, forumId, handles))
                                .chain(variant -> create(connection, key, variant, handles.apply(variant),
                                        memberEnvelope))))
                .onFailure(UniqueViolations::isUniqueViolation).retry().atMost(HANDLE_RACE_RETRIES);
    }

    private static Uni<Optional<Pseudonym>> read(SqlConnection connection, PseudonymKey key) {
        return connection.preparedQuery("select epoch_id, envelope, binding_nonce, log_leaf_hash, handle,"
                        + " handle_variant, created_on from pseudonym where forum_id = $1 and pseudonym = $2")
                .execute(Tuple.of(key.forumId(), key.pseudonym()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    Pseudonym row = new Pseudonym();
                    row.key = key;
                    row.epochId = r.getString("epoch_id");
                    row.envelope = r.getBuffer("envelope").getBytes();
                    row.bindingNonce = r.getBuffer("binding_nonce").getBytes();
                    row.logLeafHash = r.getBuffer("log_leaf_hash").getBytes();
                    row.handle = r.getString("handle");
                    row.handleVariant = r.getInteger("handle_variant");
                    row.createdOn = r.getLocalDate("created_on");
                    return Optional.of(row);
                });
    }

    /** The lowest variant whose handle no other pseudonym of the forum shows. */
    private static Uni<Integer> freeVariant(SqlConnection connection, String forumId, IntFunction<String> handles) {
        List<String> candidates = IntStream.range(0, MAX_VARIANTS).mapToObj(handles).toList();
        return connection.preparedQuery("select handle from pseudonym where forum_id = $1 and handle = any($2)")
                .execute(Tuple.of(forumId, candidates.toArray(new String[0])))
                .map(rows -> {
                    Set<String> taken = new java.util.HashSet<>();
                    rows.forEach(row -> taken.add(row.getString("handle")));
                    return IntStream.range(0, MAX_VARIANTS).filter(v -> !taken.contains(candidates.get(v)))
                            .findFirst().orElseThrow(() -> new IllegalStateException(
                                    "all " + MAX_VARIANTS + " handle variants are taken at forum " + forumId));
                });
    }

    private Uni<Pseudonym> create(SqlConnection connection, PseudonymKey key, int variant, String handle,
                                  byte[] memberEnvelope) {
        Envelope source = decode(memberEnvelope);
        return epochs.key(source.epochId().toHex()).chain(epochKey -> {
            Envelope envelope = Envelopes.rerandomise(source, epochKey, random);
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
            row.epochId = epochKey.epochId().toHex();
            row.envelope = envelope.encode();
            row.bindingNonce = nonce;
            row.logLeafHash = MerkleHash.leafHash(entry.bytes());
            row.handle = handle;
            row.handleVariant = variant;
            row.createdOn = today;
            return connection.preparedQuery("insert into pseudonym (forum_id, pseudonym, epoch_id, envelope,"
                            + " binding_nonce, log_leaf_hash, handle, handle_variant, created_on)"
                            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                    .execute(Tuple.tuple(List.of(key.forumId(), key.pseudonym(), row.epochId,
                            Buffer.buffer(row.envelope), Buffer.buffer(nonce), Buffer.buffer(row.logLeafHash), handle,
                            variant, today)))
                    .chain(() -> log.appendShuffled(connection, entry))
                    .replaceWith(row);
        });
    }

    private static Envelope decode(byte[] memberEnvelope) {
        try {
            return Envelope.decode(memberEnvelope);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored member envelope does not decode", e);
        }
    }

    private static byte[] lockKey(String what, String forumId, String value) {
        return Transcript.start("heteronym/v1/pseudonym-lock")
                .bytes(what.getBytes(StandardCharsets.UTF_8))
                .bytes(forumId.getBytes(StandardCharsets.UTF_8))
                .bytes(value.getBytes(StandardCharsets.UTF_8))
                .sha256().toBytes();
    }
}
