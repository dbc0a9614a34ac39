package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An auditor recomputes the outcome from the logged transcript and rejects any modification of it. */
class TranscriptVerifierTest {
    private static DkgResult result;
    private static byte[] encoded;

    @BeforeAll
    static void ceremony() throws Exception {
        result = new InProcessCeremony(2, 3, "auditor").run().get(1);
        encoded = result.transcript().encode();
    }

    @Test
    void acceptsAnHonestTranscriptAndRecomputesTheParticipantsOutcome() throws Exception {
        CeremonyOutcome audited = TranscriptVerifier.verify(encoded);
        assertEquals(result.outcome(), audited);
        assertEquals(result.jointKey(), audited.jointKey());
        assertEquals(result.trusteeKeys(), audited.trusteeKeys());
        assertEquals(result.threshold(), audited.threshold());
        assertEquals(result.participantCount(), audited.participantCount());
        assertEquals(result.transcriptHash(), audited.transcriptHash());
        assertEquals(result.transcriptHash(), audited.epochKey().epochId());
    }

    @Test
    void transcriptEncodingRoundTripsAndHasTheDocumentedLength() throws Exception {
        DkgTranscript t = DkgTranscript.decode(encoded);
        assertEquals(result.transcript(), t);
        CeremonyParameters p = t.parameters();
        int n = p.participantCount();
        int expected = 2 + 4 + p.sessionId().length + 4 + 4 + 33 * n
                + n * (4 + p.round1MessageLength()) + n * (4 + p.round2MessageLength());
        assertEquals(expected, encoded.length);
    }

    @Test
    void rejectsEverySingleByteTampering() {
        for (int pos = 0; pos < encoded.length; pos++) {
            for (int mask : new int[] {0x01, 0x80}) {
                byte[] bad = encoded.clone();
                bad[pos] ^= (byte) mask;
                try {
                    CeremonyOutcome o = TranscriptVerifier.verify(bad);
                    fail("accepted a transcript with byte " + pos + " xor " + mask + ": " + o);
                } catch (DkgAbortException | MalformedEncodingException expected) {
                    // rejected, as it must be
                }
            }
        }
    }

    @Test
    void rejectsTruncationAndTrailingBytes() {
        assertThrows(MalformedEncodingException.class,
                () -> TranscriptVerifier.verify(Arrays.copyOf(encoded, encoded.length - 1)));
        assertThrows(MalformedEncodingException.class,
                () -> TranscriptVerifier.verify(Arrays.copyOf(encoded, encoded.length + 1)));
        assertThrows(MalformedEncodingException.class, () -> TranscriptVerifier.verify(new byte[0]));
    }

    @Test
    void rejectsMessagesSplicedFromAnotherCeremonyOfTheSameTrustees() throws Exception {
        DkgTranscript t = result.transcript();
        DkgTranscript second = new InProcessCeremony(2, 3, "auditor", "auditor-second-session").run().get(0)
                .transcript();
        assertEquals(t.parameters().participantKeys(), second.parameters().participantKeys());
        List<byte[]> r1 = List.of(t.round1Messages().get(0), second.round1Messages().get(1), t.round1Messages().get(2));
        DkgAbortException e = assertThrows(DkgAbortException.class,
                () -> TranscriptVerifier.verify(new DkgTranscript(t.parameters(), r1, t.round2Messages())));
        assertEquals(DkgAbortException.Reason.BAD_SIGNATURE, e.reason());
        assertEquals(2, e.culprit());
        List<byte[]> r2 = List.of(t.round2Messages().get(0), second.round2Messages().get(1), t.round2Messages().get(2));
        e = assertThrows(DkgAbortException.class,
                () -> TranscriptVerifier.verify(new DkgTranscript(t.parameters(), t.round1Messages(), r2)));
        assertEquals(DkgAbortException.Reason.BAD_SIGNATURE, e.reason());
        assertEquals(2, e.culprit());
    }

    @Test
    void rejectsATranscriptWithReorderedRound2Messages() {
        DkgTranscript t = result.transcript();
        List<byte[]> r2 = t.round2Messages();
        DkgAbortException e = assertThrows(DkgAbortException.class, () -> TranscriptVerifier.verify(
                new DkgTranscript(t.parameters(), t.round1Messages(), List.of(r2.get(1), r2.get(0), r2.get(2)))));
        assertEquals(DkgAbortException.Reason.REORDERED, e.reason());
    }
}
