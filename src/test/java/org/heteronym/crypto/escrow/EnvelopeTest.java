package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    private static final int L = IdentityRecord.DEFAULT_CHUNK_COUNT;
    private final TestDrbg random = new TestDrbg("envelope");
    private final TrustedDealer.Dealt dealt = TrustedDealer.split(2, 3, random);
    private final Envelope env = Envelopes.seal(Fixtures.record(), L, dealt.epoch(), random);

    @Test
    void encodingHasVersionEpochChunkCountAndPoints() throws Exception {
        byte[] enc = env.encode();
        assertEquals(1 + 32 + 1 + 66 * L, enc.length);
        assertEquals(1, enc[0]);
        assertEquals(dealt.epoch().epochId(), Hash32.of(Arrays.copyOfRange(enc, 1, 33)));
        assertEquals(L, enc[33]);
        assertEquals(env, Envelope.decode(enc));
        assertEquals(env.envelopeHash(), Envelope.decode(enc).envelopeHash());
    }

    @Test
    void envelopeHashIsTaggedSha256OfTheEncoding() {
        assertEquals(Transcript.start("heteronym/v1/envelope-hash").bytes(env.encode()).sha256(), env.envelopeHash());
        assertNotEquals(Hash32.sha256(env.encode()), env.envelopeHash());
    }

    @Test
    void sealingTwiceGivesUnrelatedEnvelopes() {
        Envelope again = Envelopes.seal(Fixtures.record(), L, dealt.epoch(), random);
        assertEquals(0, commonPointEncodings(env, again));
    }

    @Test
    void rerandomisedEnvelopeSharesNoPointEncodingWithItsSource() {
        Envelope fresh = Envelopes.rerandomise(env, dealt.epoch(), random);
        assertEquals(0, commonPointEncodings(env, fresh));
        assertNotEquals(env.envelopeHash(), fresh.envelopeHash());
        assertEquals(env.epochId(), fresh.epochId());
    }

    @Test
    void rerandomiseRefusesAnEnvelopeOfAnotherEpoch() {
        TrustedDealer.Dealt other = TrustedDealer.split(2, 3, random);
        assertThrows(IllegalArgumentException.class, () -> Envelopes.rerandomise(env, other.epoch(), random));
    }

    @Test
    void swappingChunksChangesTheEnvelopeHash() throws Exception {
        byte[] enc = env.encode();
        byte[] swapped = enc.clone();
        System.arraycopy(enc, 34, swapped, 34 + 66, 66);
        System.arraycopy(enc, 34 + 66, swapped, 34, 66);
        assertNotEquals(env.envelopeHash(), Envelope.decode(swapped).envelopeHash());
    }

    @Test
    void decodeRejectsWrongVersionLengthOrChunkCount() {
        byte[] enc = env.encode();
        byte[] v2 = enc.clone();
        v2[0] = 2;
        assertThrows(MalformedEncodingException.class, () -> Envelope.decode(v2));
        assertThrows(MalformedEncodingException.class, () -> Envelope.decode(Arrays.copyOf(enc, enc.length - 1)));
        assertThrows(MalformedEncodingException.class, () -> Envelope.decode(Arrays.copyOf(enc, enc.length + 66)));
        byte[] l0 = enc.clone();
        l0[33] = 0;
        assertThrows(MalformedEncodingException.class, () -> Envelope.decode(l0));
        byte[] l9 = enc.clone();
        l9[33] = 9;
        assertThrows(MalformedEncodingException.class, () -> Envelope.decode(l9));
    }

    @Test
    void decodeRejectsPointsOffTheCurve() {
        byte[] enc = env.encode();
        byte[] bad = enc.clone();
        // The first small x with no curve point, placed as B_3.
        byte[] offCurve = offCurveEncoding();
        System.arraycopy(offCurve, 0, bad, 34 + 66 * 3 + 33, 33);
        assertThrows(MalformedEncodingException.class, () -> Envelope.decode(bad));
    }

    @Test
    void decodeRejectsThePointAtInfinity() {
        byte[] bad = env.encode();
        Arrays.fill(bad, 34, 34 + 33, (byte) 0);
        assertThrows(MalformedEncodingException.class, () -> Envelope.decode(bad));
    }

    static byte[] offCurveEncoding() {
        for (int x = 1; ; x++) {
            byte[] enc = new byte[33];
            enc[0] = 0x02;
            enc[32] = (byte) x;
            try {
                Point.decode(enc);
            } catch (MalformedEncodingException e) {
                return enc;
            }
        }
    }

    static int commonPointEncodings(Envelope x, Envelope y) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < x.chunkCount(); j++) {
            seen.add(Hex.toHexString(x.a(j).encode()));
            seen.add(Hex.toHexString(x.b(j).encode()));
        }
        int common = 0;
        for (int j = 0; j < y.chunkCount(); j++) {
            for (Point p : List.of(y.a(j), y.b(j))) {
                if (seen.contains(Hex.toHexString(p.encode()))) {
                    common++;
                }
            }
        }
        assertFalse(common < 0);
        return common;
    }
}
