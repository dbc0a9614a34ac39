package org.heteronym.log;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.heteronym.crypto.tlog.EntryBundle;
import org.heteronym.crypto.tlog.Tiles;

/**
 * C2SP tlog-tiles reads. A tile's content never changes once it exists (hashes of integrated nodes), so a tile or a
 * partial tile of width W is served as soon as its W nodes exist, and is cacheable forever.
 */
@ApplicationScoped
public class TileService {

    private final TreeStore store;

    TileService(TreeStore store) {
        this.store = store;
    }

    public Uni<String> checkpoint() {
        return store.latestCheckpoint().map(latest -> latest.map(StoredCheckpoint::note)
                .orElseThrow(() -> new LogException(LogProblem.EMPTY_LOG, "the log has not signed a checkpoint yet")));
    }

    /** Hashes of the nodes at tree level 8·{@code level}, {@code index}·256 onwards, {@code width} of them. */
    public Uni<byte[]> hashTile(int level, long index, int width) {
        return store.nodeRange(level * Tiles.HEIGHT, index * Tiles.WIDTH, width)
                .map(hashes -> Tiles.encodeHashes(complete(hashes, width, "tile")));
    }

    public Uni<byte[]> entryBundle(long index, int width) {
        return store.entryRange(index * Tiles.WIDTH, width)
                .map(entries -> EntryBundle.encode(complete(entries, width, "entry bundle")));
    }

    public Uni<EntryView> entry(long index) {
        return store.entry(store.pool(), index).map(entry -> entry.orElseThrow(() -> new LogException(
                        LogProblem.INDEX_OUT_OF_RANGE, "no entry at index " + index + " yet")))
                .flatMap(entry -> store.nodes(List.of(new org.heteronym.crypto.merkle.NodeId(0, index)))
                        .map(nodes -> new EntryView(index, nodes.values().iterator().next(), entry)));
    }

    private static List<byte[]> complete(List<byte[]> items, int width, String what) {
        if (items.size() < width) {
            throw new LogException(LogProblem.TILE_NOT_FOUND,
                    "this " + what + " has " + items.size() + " of the " + width + " items asked for so far");
        }
        return items;
    }

    /** An integrated entry with the leaf hash the tree holds for it. */
    public record EntryView(long index, byte[] leafHash, byte[] entry) {
    }
}
