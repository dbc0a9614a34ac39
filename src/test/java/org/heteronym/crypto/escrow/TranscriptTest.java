package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    @Test
    void encodesTypeLengthValueFieldsAfterTheProtocolTag() {
        byte[] t = Transcript.start("x/v1").uint(258).bytes(new byte[] {(byte) 0xAB}).toByteArray();
        assertArrayEquals(Hex.decode("01" + "00000004" + "782f7631"
                + "04" + "00000008" + "0000000000000102"
                + "05" + "00000001" + "ab"), t);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        byte[] a = Transcript.start("x").bytes("ab".getBytes()).bytes("c".getBytes()).toByteArray();
        byte[] b = Transcript.start("x").bytes("a".getBytes()).bytes("bc".getBytes()).toByteArray();
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void protocolTagSeparatesChallenges() {
        assertNotEquals(Transcript.start("a").uint(1).challenge("dst"), Transcript.start("b").uint(1).challenge("dst"));
        assertNotEquals(Transcript.start("a").uint(1).challenge("dst1"), Transcript.start("a").uint(1).challenge("dst2"));
    }

    @Test
    void rejectsEmptyOrNonPrintableTags() {
        assertThrows(IllegalArgumentException.class, () -> Transcript.start(""));
        assertThrows(IllegalArgumentException.class, () -> Transcript.start("a b"));
        assertThrows(IllegalArgumentException.class, () -> Transcript.start("é"));
    }

    @Test
    void rejectsNegativeIntegers() {
        assertThrows(IllegalArgumentException.class, () -> Transcript.start("x").uint(-1));
    }
}
