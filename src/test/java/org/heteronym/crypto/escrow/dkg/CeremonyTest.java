package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.TestDrbg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Complete in-process ceremonies. */
class CeremonyTest {
    @ParameterizedTest(name = "{0}-of-{1}")
    @CsvSource({"1, 1", "2, 3", "3, 5", "5, 9"})
    void allParticipantsAgreeOnTheJointKeyTheTrusteeKeysAndTheTranscriptHash(int t, int n) throws Exception {
        InProcessCeremony c = new InProcessCeremony(t, n, "ceremony-" + t + "-of-" + n);
        List<byte[]> r1 = c.round1();
        r1.forEach(m -> assertEquals(c.params.round1MessageLength(), m.length));
        List<byte[]> r2 = c.round2(r1);
        r2.forEach(m -> assertEquals(c.params.round2MessageLength(), m.length));
        List<DkgResult> results = c.finish(r2);

        CeremonyOutcome outcome = results.get(0).outcome();
        assertEquals(t, outcome.threshold());
        assertEquals(n, outcome.participantCount());
        for (DkgResult r : results) {
            assertEquals(outcome, r.outcome());
            assertEquals(outcome.transcriptHash(), r.transcriptHash());
            assertEquals(outcome.jointKey(), r.jointKey());
            assertArrayEquals(results.get(0).transcript().encode(), r.transcript().encode());
            int i = r.trusteeKey().index();
            assertEquals(outcome.trusteeKey(i), r.trusteeKey().publicKey());
            assertEquals(r.transcriptHash(), r.epochKey().epochId());
            assertEquals(t, r.epochKey().threshold());
        }
        if (t > 1) {
            assertEquals(n, new HashSet<>(outcome.trusteeKeys()).size());
        }
        assertEquals(outcome, TranscriptVerifier.verify(results.get(0).transcript()));
        assertEquals(outcome, TranscriptVerifier.verify(results.get(n - 1).transcript().encode()));
    }

    @Test
    void withThresholdOneEveryTrusteeKeyIsTheJointKey() throws Exception {
        List<DkgResult> results = new InProcessCeremony(1, 3, "threshold-one").run();
        for (Point yi : results.get(0).trusteeKeys()) {
            assertEquals(results.get(0).jointKey(), yi);
        }
    }

    @Test
    void independentCeremoniesOfTheSameTrusteesProduceUnrelatedKeys() throws Exception {
        CeremonyOutcome a = new InProcessCeremony(2, 3, "same-trustees").run().get(0).outcome();
        InProcessCeremony second = new InProcessCeremony(2, 3, "same-trustees");
        CeremonyParameters other = new CeremonyParameters("another session".getBytes(StandardCharsets.US_ASCII), 2,
                second.params.participantKeys());
        List<Participant> ps = List.of(
                new Participant(other, 1, second.keys.get(0), new TestDrbg("x1")),
                new Participant(other, 2, second.keys.get(1), new TestDrbg("x2")),
                new Participant(other, 3, second.keys.get(2), new TestDrbg("x3")));
        List<byte[]> r1 = ps.stream().map(Participant::round1).toList();
        List<byte[]> r2 = new java.util.ArrayList<>();
        for (Participant p : ps) {
            r2.add(p.round2(r1));
        }
        CeremonyOutcome b = ps.get(0).finish(r2).outcome();
        assertNotEquals(a.jointKey(), b.jointKey());
        assertNotEquals(a.transcriptHash(), b.transcriptHash());
    }

    @Test
    void stepsMustRunOnceAndInOrder() throws Exception {
        InProcessCeremony c = new InProcessCeremony(2, 3, "order");
        Participant p = c.participant(1);
        assertThrows(IllegalStateException.class, () -> p.round2(List.of()));
        assertThrows(IllegalStateException.class, () -> p.finish(List.of()));
        List<byte[]> r1 = c.round1();
        assertThrows(IllegalStateException.class, p::round1);
        assertThrows(IllegalStateException.class, () -> p.finish(List.of()));
        c.round2(r1);
        assertThrows(IllegalStateException.class, () -> p.round2(r1));
    }

    @Test
    void aParticipantMustHoldTheStaticKeyAtItsIndex() {
        InProcessCeremony c = new InProcessCeremony(2, 3, "wrong-key");
        assertThrows(IllegalArgumentException.class,
                () -> new Participant(c.params, 2, c.keys.get(0), new TestDrbg("w")));
        assertThrows(IllegalArgumentException.class,
                () -> new Participant(c.params, 4, c.keys.get(0), new TestDrbg("w")));
        assertThrows(IllegalArgumentException.class,
                () -> new Participant(c.params, 0, c.keys.get(0), new TestDrbg("w")));
    }

    @Test
    void parametersRejectBadThresholdsDuplicateKeysAndEmptySessionIds() {
        InProcessCeremony c = new InProcessCeremony(2, 3, "params");
        List<Point> keys = c.params.participantKeys();
        byte[] sid = {1};
        assertThrows(IllegalArgumentException.class, () -> new CeremonyParameters(sid, 0, keys));
        assertThrows(IllegalArgumentException.class, () -> new CeremonyParameters(sid, 4, keys));
        assertThrows(IllegalArgumentException.class, () -> new CeremonyParameters(new byte[0], 2, keys));
        assertThrows(IllegalArgumentException.class,
                () -> new CeremonyParameters(sid, 2, List.of(keys.get(0), keys.get(1), keys.get(0))));
        assertThrows(IllegalArgumentException.class, () -> new CeremonyParameters(sid, 1, List.of()));
        assertNotEquals(new CeremonyParameters(sid, 2, keys).context(),
                new CeremonyParameters(sid, 2, List.of(keys.get(1), keys.get(0), keys.get(2))).context());
    }
}
