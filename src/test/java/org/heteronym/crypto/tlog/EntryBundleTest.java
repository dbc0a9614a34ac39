package org.heteronym.crypto.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryBundleTest {

    @Test
    void entriesAreBigEndianUint16LengthPrefixed() {
        byte[] bundle = EntryBundle.encode(List.of(new byte[0], "a".getBytes(), new byte[300]));
        assertEquals("0000" + "000161" + "012c", HexFormat.of().formatHex(Arrays.copyOf(bundle, 7)));
        assertEquals(2 + 3 + 302, bundle.length);
    }

    @Test
    void bundlesRoundTrip() throws TileException {
        Random random = new Random(16);
        for (int count : new int[] {1, 2, 17, 255, 256}) {
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] entry = new byte[i == 0 ? EntryBundle.MAX_ENTRY_BYTES : random.nextInt(200)];
                random.nextBytes(entry);
                entries.add(entry);
            }
            List<byte[]> decoded = EntryBundle.decode(EntryBundle.encode(entries), count);
            assertEquals(count, decoded.size());
            for (int i = 0; i < count; i++) {
                assertArrayEquals(entries.get(i), decoded.get(i));
            }
        }
    }

    @Test
    void truncatedBundleIsRejectedAtEveryLength() {
        byte[] bundle = EntryBundle.encode(List.of("first".getBytes(), new byte[0], "third entry".getBytes()));
        for (int length = 0; length < bundle.length; length++) {
            byte[] truncated = Arrays.copyOf(bundle, length);
            assertThrows(TileException.class, () -> EntryBundle.decode(truncated, 3), "length " + length);
        }
    }

    @Test
    void overlongBundleOrWrongCountIsRejected() throws TileException {
        byte[] bundle = EntryBundle.encode(List.of("first".getBytes(), "second".getBytes()));
        assertEquals(2, EntryBundle.decode(bundle, 2).size());
        assertThrows(TileException.class, () -> EntryBundle.decode(Arrays.copyOf(bundle, bundle.length + 1), 2));
        assertThrows(TileException.class, () -> EntryBundle.decode(bundle, 1));
        assertThrows(TileException.class, () -> EntryBundle.decode(bundle, 3));
        byte[] announcesMore = bundle.clone();
        announcesMore[1] = 6; // "first" now claims 6 bytes and swallows a byte of the next length prefix
        assertThrows(TileException.class, () -> EntryBundle.decode(announcesMore, 2));
    }

    @Test
    void encodingRefusesWhatCannotBeDecoded() {
        assertThrows(IllegalArgumentException.class, () -> EntryBundle.encode(List.of(new byte[65536])));
        assertThrows(IllegalArgumentException.class, () -> EntryBundle.encode(List.of()));
        List<byte[]> tooMany = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            tooMany.add(new byte[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> EntryBundle.encode(tooMany));
    }
}
