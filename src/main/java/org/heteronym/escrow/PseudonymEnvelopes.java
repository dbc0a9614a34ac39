package org.heteronym.escrow;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.PseudonymBinding;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;
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
     *
     * <p>The creation is one SQL statement, so it needs no explicit transaction and no lock, and a first login costs
     * one round trip to the database: it picks the lowest handle variant that no other pseudonym of the forum shows,
     * inserts the row unless the pseudonym already has one, and appends the log entry only for a row it inserted. The
     * unique keys arbitrate races. A concurrent first login of the same member to the same forum waits for the
     * other's commit and inserts nothing, then reads the winner's row, so there is one row and one log entry. A
     * pseudonym whose chosen handle another pseudonym took at the same moment fails on the handle's unique key and is
     * tried again with the handles now taken; each round has a winner, so the retries are bounded by the variants.
     *
     * @param handles        the handle of each variant (0, 1, …) of this pseudonym
     * @param memberEnvelope the member's sealed identity (read from the member row, never written back)
     */
    public Uni<Pseudonym> ensure(String forumId, String pseudonym, IntFunction<String> handles,
                                 byte[] memberEnvelope) {
        PseudonymKey key = new PseudonymKey(forumId, pseudonym);
        String[] candidates = IntStream.range(0, MAX_VARIANTS).mapToObj(handles).toArray(String[]::new);
        return sealed(key, memberEnvelope)
                .chain(fresh -> pool.preparedQuery(CREATE).execute(Tuple.tuple(List.of(forumId, pseudonym,
                                fresh.row.epochId, Buffer.buffer(fresh.row.envelope),
                                Buffer.buffer(fresh.row.bindingNonce), Buffer.buffer(fresh.row.logLeafHash),
                                candidates, fresh.row.createdOn, Buffer.buffer(fresh.entry.bytes()))))
                        .onFailure(UniqueViolations::isUniqueViolation).retry().atMost(MAX_VARIANTS)
                        .chain(rows -> {
                            if (rows.rowCount() == 1) {
                                Row created = rows.iterator().next();
                                fresh.row.handle = created.getString("handle");
                                fresh.row.handleVariant = created.getInteger("handle_variant");
                                return Uni.createFrom().item(fresh.row);
                            }
                            return read(key).map(existing -> existing.orElseThrow(() -> new IllegalStateException(
                                    "all " + MAX_VARIANTS + " handle variants are taken at forum " + forumId)));
                        }));
    }

    /**
     * Picks the first free handle variant ({@code $7} lists them in order), inserts the pseudonym's row unless it
     * exists, and appends its log entry ({@code $9}, shuffled) for the row it inserted; returns nothing if it inserted
     * nothing. Statements of one command share a snapshot, so the free variant is the one seen at the start; the
     * handle's unique key catches a variant taken since.
     */
    private static final String CREATE = """
            with candidate as (
                select handle, variant - 1 as variant from unnest($7::text[]) with ordinality as c (handle, variant)
                where not exists (select 1 from pseudonym p where p.forum_id = $1 and p.handle = c.handle)
                order by variant limit 1),
            created as (
                insert into pseudonym (forum_id, pseudonym, epoch_id, envelope, binding_nonce, log_leaf_hash, handle,
                                       handle_variant, created_on)
                select $1, $2, $3, $4, $5, $6, handle, variant, $8 from candidate
                on conflict (forum_id, pseudonym) do nothing
                returning handle, handle_variant),
            logged as (""" + LogAppender.shuffledAppendFor("created", 9) + """
            )
            select handle, handle_variant from created, logged""";

    private Uni<Optional<Pseudonym>> read(PseudonymKey key) {
        return pool.preparedQuery("select epoch_id, envelope, binding_nonce, log_leaf_hash, handle,"
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

    /** A new row (without its handle, chosen by the database) and its log entry. */
    private record Fresh(Pseudonym row, LogEntry entry) {
    }

    /** The pseudonym's envelope, re-randomised from the member's, its binding nonce and its log entry. */
    private Uni<Fresh> sealed(PseudonymKey key, byte[] memberEnvelope) {
        return Uni.createFrom().item(() -> decode(memberEnvelope)).chain(source -> epochs.key(
                source.epochId().toHex()).map(epochKey -> {
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
            row.createdOn = today;
            return new Fresh(row, entry);
        }));
    }

    private static Envelope decode(byte[] memberEnvelope) {
        try {
            return Envelope.decode(memberEnvelope);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored member envelope does not decode", e);
        }
    }
}
