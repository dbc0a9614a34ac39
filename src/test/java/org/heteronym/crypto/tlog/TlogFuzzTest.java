package org.heteronym.crypto.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Tile paths and entry bundles come from any HTTP client or mirror. Contract: a value or {@link TileException},
 * nothing else (anything else would be a 500), and a parsed path re-encodes to itself.
 */
@Tag("jazzer")
class TlogFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void tilePathsAndBundles(FuzzedDataProvider data) {
        String path = data.consumeString(80);
        try {
            TilePath parsed = TilePath.parse(path);
            assertEquals(path, parsed.path(), "a parsed tile path has one spelling");
            assertEquals(parsed, TilePath.parse(parsed.path()));
        } catch (TileException refused) {
            // the documented refusal
        }
        int count = data.consumeInt(1, Tiles.WIDTH); // the count is ours (from the tree size), not outside data
        byte[] bundle = data.consumeRemainingAsBytes();
        try {
            List<byte[]> entries = EntryBundle.decode(bundle, count);
            assertArrayEquals(bundle, EntryBundle.encode(entries), "a decoded bundle re-encodes to its bytes");
        } catch (TileException refused) {
            // the documented refusal
        }
    }
}
