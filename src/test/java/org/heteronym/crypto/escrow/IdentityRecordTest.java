package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityRecordTest {
    private static final int L = IdentityRecord.DEFAULT_CHUNK_COUNT;

    @Test
    void roundTripsWithAndWithoutDateOfBirth() throws Exception {
        for (IdentityRecord r : new IdentityRecord[] {Fixtures.record(), Fixtures.otherRecord()}) {
            byte[] enc = r.encode(L);
            assertEquals(248, enc.length);
            assertEquals(r, IdentityRecord.decode(enc));
            assertArrayEquals(enc, IdentityRecord.decode(enc).encode(L));
        }
    }

    @Test
    void layoutStartsWithVersionDigestAndEnrollmentDate() {
        IdentityRecord r = Fixtures.otherRecord();
        byte[] enc = r.encode(L);
        assertEquals(0x01, enc[0]);
        assertArrayEquals(r.evidenceDigest().toBytes(), Arrays.copyOfRange(enc, 1, 33));
        assertArrayEquals(new byte[] {0x07, (byte) 0xE8, 1, 15, 0}, Arrays.copyOfRange(enc, 33, 38));
        assertEquals(3, enc[38]); // "GMC"
    }

    @Test
    void recordThatDoesNotFitThrowsRecordTooLarge() {
        IdentityRecord big = new IdentityRecord("A".repeat(200), "B".repeat(50), "C", Optional.empty(), "D",
                Hash32.sha256(new byte[0]), LocalDate.of(2025, 1, 1));
        RecordTooLargeException e = assertThrows(RecordTooLargeException.class, () -> big.encode(L));
        assertEquals(42 + 200 + 50 + 2, e.requiredBytes());
        assertEquals(248, e.capacityBytes());
        assertEquals(big.encode(10).length, 310);
    }

    @Test
    void constructorRejectsNonCanonicalText() {
        Hash32 d = Hash32.sha256(new byte[0]);
        LocalDate day = LocalDate.of(2025, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new IdentityRecord("", "1", "n", Optional.empty(), "p", d, day));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityRecord("a", "1", "Zoe\u0308", Optional.empty(), "p", d, day)); // NFD
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityRecord("a", "1\n", "n", Optional.empty(), "p", d, day));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityRecord("a", "1", "\uD800", Optional.empty(), "p", d, day));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityRecord("a".repeat(256), "1", "n", Optional.empty(), "p", d, day));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityRecord("a", "1", "n", Optional.empty(), "p", d, LocalDate.of(10000, 1, 1)));
    }

    @Test
    void decodeRejectsWrongLengths() {
        byte[] enc = Fixtures.record().encode(L);
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(Arrays.copyOf(enc, 247)));
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(new byte[31]));
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(new byte[0]));
    }

    @Test
    void decodeRejectsUnknownVersion() {
        assertRejected(0, (byte) 0x02);
    }

    @Test
    void decodeRejectsInvalidDates() {
        assertRejected(35, (byte) 13); // month 13
        assertRejected(36, (byte) 31); // 31 November
        byte[] enc = Fixtures.record().encode(L);
        enc[35] = 2;
        enc[36] = 30;
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(enc));
        byte[] year0 = Fixtures.record().encode(L);
        year0[33] = 0;
        year0[34] = 0;
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(year0));
    }

    @Test
    void decodeRejectsInvalidDateOfBirthFlag() {
        assertRejected(37, (byte) 2);
    }

    @Test
    void decodeRejectsNonZeroPadding() {
        assertRejected(247, (byte) 1);
    }

    @Test
    void decodeRejectsMalformedUtf8AndEmptyText() {
        byte[] enc = Fixtures.otherRecord().encode(L);
        enc[39] = (byte) 0xFF; // inside "GMC"
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(enc));
        byte[] overlong = Fixtures.otherRecord().encode(L);
        overlong[39] = (byte) 0xC1; // overlong form of 'G'-range ASCII
        overlong[40] = (byte) 0x81;
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(overlong));
        byte[] empty = Fixtures.otherRecord().encode(L);
        empty[38] = 0;
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(empty));
    }

    @Test
    void decodeRejectsTruncatedFields() {
        byte[] enc = new byte[62];
        enc[0] = 1;
        enc[33] = 0x07;
        enc[34] = (byte) 0xE9;
        enc[35] = 1;
        enc[36] = 1;
        enc[38] = 100; // a 100-byte string in a 62-byte record
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(enc));
    }

    @Test
    void decodeRejectsControlCharacters() {
        byte[] enc = Fixtures.otherRecord().encode(L);
        enc[40] = 0x07;
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(enc));
    }

    private static void assertRejected(int offset, byte value) {
        byte[] enc = Fixtures.record().encode(L);
        enc[offset] = value;
        assertThrows(MalformedEncodingException.class, () -> IdentityRecord.decode(enc));
    }
}
