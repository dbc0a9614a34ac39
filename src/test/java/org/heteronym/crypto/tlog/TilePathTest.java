package org.heteronym.crypto.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TilePathTest {

    @Test
    void indexIsWrittenAsThreeDigitElementsWithXPrefixes() {
        assertEquals("tile/0/x001/x234/067", TilePath.hashTile(0, 1_234_067, 256).path());
        assertEquals("tile/0/x001/x234/067.p/8", TilePath.hashTile(0, 1_234_067, 8).path());
        assertEquals("tile/entries/x001/x234/067", TilePath.entryBundle(1_234_067, 256).path());
        assertEquals("tile/3/000", TilePath.hashTile(3, 0, 256).path());
        assertEquals("tile/63/999.p/255", TilePath.hashTile(63, 999, 255).path());
        assertEquals("tile/0/x001/000", TilePath.hashTile(0, 1000, 256).path());
        assertEquals("tile/0/x001/x000/000", TilePath.hashTile(0, 1_000_000, 256).path());
        assertEquals("tile/0/x009/x223/x372/x036/x854/x775/807", TilePath.hashTile(0, Long.MAX_VALUE, 256).path());
    }

    @Test
    void pathsRoundTrip() throws TileException {
        Random random = new Random(8);
        for (int i = 0; i < 5000; i++) {
            long index = switch (i % 4) {
                case 0 -> random.nextInt(1000);
                case 1 -> random.nextInt(1_000_000);
                case 2 -> random.nextLong() & Long.MAX_VALUE;
                default -> (long) Math.pow(1000, random.nextInt(7)) - random.nextInt(2);
            };
            int width = 1 + random.nextInt(256);
            TilePath path = random.nextBoolean()
                    ? TilePath.hashTile(random.nextInt(64), Math.max(0, index), width)
                    : TilePath.entryBundle(Math.max(0, index), width);
            assertEquals(path, TilePath.parse(path.path()), path.path());
        }
    }

    @Test
    void parseReturnsLevelIndexWidthAndKind() throws TileException {
        assertEquals(new TilePath(false, 2, 1_234_067, 17), TilePath.parse("tile/2/x001/x234/067.p/17"));
        assertEquals(new TilePath(true, 0, 5, 256), TilePath.parse("tile/entries/005"));
        assertEquals(true, TilePath.parse("tile/entries/005").isFull());
    }

    @Test
    void malformedPathsAreRejected() {
        for (String path : List.of(
                "", "tile", "tile/", "tile/0", "tile/0/", "/tile/0/000", "tile/0/000/", "tile/0/67", "tile/0/0067",
                "tile/0/1234067", "tile/0/001/234", "tile/0/x001", "tile/0/X001/234", "tile/0/x000/067",
                "tile/0/x000/x001/067", "tile/00/000", "tile/01/000", "tile/64/000", "tile/99/000", "tile/-1/000",
                "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/300", "tile/0/000.p/08", "tile/0/000.p/",
                "tile/0/000.p", "tile/0/000.P/8", "tile/0/000.p/8/", "tile/entries/000.p/256", "tile/1/entries/000",
                "tile/entries/1/000", "tile/Entries/000", "tile/0/x999/x999/x999/x999/x999/x999/999",
                "tile/0/x009/x223/x372/x036/x854/x775/808", "tile/0/x001/x001/x001/x001/x001/x001/x001/001",
                "tile/0/000?x=1", "tile/0/000 ", " tile/0/000", "tile/0/\u0660\u0660\u0660")) {
            assertThrows(TileException.class, () -> TilePath.parse(path), path);
        }
    }

    @Test
    void constructorRejectsImpossibleTiles() {
        assertThrows(IllegalArgumentException.class, () -> TilePath.hashTile(64, 0, 256));
        assertThrows(IllegalArgumentException.class, () -> TilePath.hashTile(0, -1, 256));
        assertThrows(IllegalArgumentException.class, () -> TilePath.hashTile(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TilePath.hashTile(0, 0, 257));
        assertThrows(IllegalArgumentException.class, () -> new TilePath(true, 1, 0, 256));
    }
}
