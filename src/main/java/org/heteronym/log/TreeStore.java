package org.heteronym.log;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heteronym.crypto.merkle.NodeId;

/**
 * The log's tables. Reads go through the pool; the sequencer's writes take the connection of its transaction.
 * Bulk writes pass arrays to {@code unnest} so a batch of thousands of rows is one statement.
 */
@ApplicationScoped
class TreeStore {

    private final Pool pool;

    TreeStore(Pool pool) {
        this.pool = pool;
    }

    Pool pool() {
        return pool;
    }

    // --- reads -----------------------------------------------------------------------------------------------

    Uni<Optional<StoredCheckpoint>> latestCheckpoint(SqlClient client) {
        return client.query("select size, root, note from log_checkpoint order by size desc limit 1").execute()
                .map(rows -> first(rows).map(TreeStore::checkpoint));
    }

    Uni<Optional<StoredCheckpoint>> latestCheckpoint() {
        return latestCheckpoint(pool);
    }

    Uni<Map<NodeId, byte[]>> nodes(SqlClient client, Collection<NodeId> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Integer[] levels = ids.stream().map(NodeId::level).toArray(Integer[]::new);
        Long[] indexes = ids.stream().map(NodeId::index).toArray(Long[]::new);
        return client.preparedQuery("""
                        select n.level, n.idx, n.hash from log_node n
                        join unnest($1::int[], $2::bigint[]) as wanted(level, idx)
                          on n.level = wanted.level and n.idx = wanted.idx""")
                .execute(Tuple.of(levels, indexes))
                .map(rows -> {
                    Map<NodeId, byte[]> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(new NodeId(row.getInteger(0), row.getLong(1)), bytes(row, 2));
                    }
                    return found;
                });
    }

    Uni<Map<NodeId, byte[]>> nodes(Collection<NodeId> ids) {
        return nodes(pool, ids);
    }

    /** Hashes of nodes {@code level, from .. from+count-1}, in order; fewer if they do not all exist yet. */
    Uni<List<byte[]>> nodeRange(int level, long from, int count) {
        return pool.preparedQuery("select hash from log_node where level = $1 and idx >= $2 and idx < $3 order by idx")
                .execute(Tuple.of(level, from, from + count))
                .map(rows -> column(rows));
    }

    /** Entries {@code from .. from+count-1}, in order; fewer if they are not all integrated yet. */
    Uni<List<byte[]>> entryRange(long from, int count) {
        return pool.preparedQuery("select entry from log_entry where idx >= $1 and idx < $2 order by idx")
                .execute(Tuple.of(from, from + count))
                .map(rows -> column(rows));
    }

    Uni<Optional<byte[]>> entry(SqlClient client, long index) {
        return client.preparedQuery("select entry from log_entry where idx = $1").execute(Tuple.of(index))
                .map(rows -> first(rows).map(row -> bytes(row, 0)));
    }

    Uni<Optional<Long>> indexOfLeaf(byte[] leafHash, long size) {
        return pool.preparedQuery("select min(idx) from log_node where level = 0 and hash = $1 and idx < $2")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(leafHash), size))
                .map(rows -> first(rows).map(row -> row.getLong(0)));
    }

    Uni<Optional<Long>> indexOfPending(long pendingId) {
        return pool.preparedQuery("select idx from log_entry where pending_id = $1").execute(Tuple.of(pendingId))
                .map(rows -> first(rows).map(row -> row.getLong(0)));
    }

    Uni<List<PendingRow>> pending(SqlClient client, int max) {
        return client.preparedQuery("select id, entry, shuffle from log_pending order by id limit $1")
                .execute(Tuple.of(max))
                .map(rows -> {
                    List<PendingRow> batch = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        batch.add(new PendingRow(row.getLong(0), bytes(row, 1), row.getBoolean(2)));
                    }
                    return batch;
                });
    }

    // --- writes (sequencer only, inside its transaction) -------------------------------------------------------

    Uni<Void> insertEntries(SqlClient client, long firstIndex, List<byte[]> entries, List<Long> pendingIds) {
        Long[] indexes = new Long[entries.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = firstIndex + i;
        }
        return client.preparedQuery("""
                        insert into log_entry (idx, entry, pending_id)
                        select * from unnest($1::bigint[], $2::bytea[], $3::bigint[])""")
                .execute(Tuple.of(indexes, buffers(entries), pendingIds.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    Uni<Void> insertNodes(SqlClient client, List<StoredNode> nodes) {
        Integer[] levels = new Integer[nodes.size()];
        Long[] indexes = new Long[nodes.size()];
        List<byte[]> hashes = new ArrayList<>(nodes.size());
        for (int i = 0; i < levels.length; i++) {
            levels[i] = nodes.get(i).level();
            indexes[i] = nodes.get(i).index();
            hashes.add(nodes.get(i).hash());
        }
        return client.preparedQuery("insert into log_node (level, idx, hash) select * from unnest($1::int[], $2::bigint[], $3::bytea[])")
                .execute(Tuple.of(levels, indexes, buffers(hashes)))
                .replaceWithVoid();
    }

    Uni<Void> deletePending(SqlClient client, List<PendingRow> rows) {
        Long[] ids = rows.stream().map(PendingRow::id).toArray(Long[]::new);
        return client.preparedQuery("delete from log_pending where id = any($1)").execute(Tuple.of((Object) ids))
                .replaceWithVoid();
    }

    Uni<Void> insertCheckpoint(SqlClient client, long size, byte[] root, String note) {
        return client.preparedQuery("insert into log_checkpoint (size, root, note) values ($1, $2, $3)")
                .execute(Tuple.of(size, io.vertx.core.buffer.Buffer.buffer(root), note))
                .replaceWithVoid();
    }

    // --- row helpers -------------------------------------------------------------------------------------------

    private static StoredCheckpoint checkpoint(Row row) {
        return new StoredCheckpoint(row.getLong(0), bytes(row, 1), row.getString(2));
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row row = it.next();
        return row.getValue(0) == null ? Optional.empty() : Optional.of(row);
    }

    private static List<byte[]> column(RowSet<Row> rows) {
        List<byte[]> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(bytes(row, 0));
        }
        return values;
    }

    private static byte[] bytes(Row row, int column) {
        return row.getBuffer(column).getBytes();
    }

    private static io.vertx.core.buffer.Buffer[] buffers(List<byte[]> values) {
        io.vertx.core.buffer.Buffer[] buffers = new io.vertx.core.buffer.Buffer[values.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = io.vertx.core.buffer.Buffer.buffer(values.get(i));
        }
        return buffers;
    }

    record PendingRow(long id, byte[] entry, boolean shuffle) {
    }

    record StoredNode(int level, long index, byte[] hash) {
    }
}
