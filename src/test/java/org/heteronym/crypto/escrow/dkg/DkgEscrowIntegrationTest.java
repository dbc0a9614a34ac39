package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EnvelopeOpener;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.Lagrange;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.OpenedIdentity;
import org.heteronym.crypto.escrow.OpeningException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.crypto.escrow.TestDrbg;
import org.heteronym.crypto.escrow.VerifiedShare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DKG output drives the existing escrow core: seal under Y, t DKG shares open, t−1 cannot. */
class DkgEscrowIntegrationTest {
    private static final IdentityRecord RECORD = new IdentityRecord("General Medical Council", "7654321",
            "Dr. Amaka Nwosu-Lindqvist", Optional.of(LocalDate.of(1984, 7, 12)), "General practitioner",
            Hash32.sha256("evidence bundle".getBytes(StandardCharsets.UTF_8)), LocalDate.of(2026, 1, 20));

    @ParameterizedTest(name = "{0}-of-{1} with trustees {2}")
    @CsvSource({"1, 1, 1", "2, 3, 2 3", "3, 5, 1 3 5", "3, 5, 2 4 5", "5, 9, 2 3 5 8 9"})
    void envelopeSealedUnderTheDkgKeyOpensWithTDkgSharesButNotWithFewer(int t, int n, String subset)
            throws Exception {
        List<DkgResult> results = new InProcessCeremony(t, n, "escrow-" + t + "-of-" + n).run();
        EpochKey epoch = results.get(0).epochKey();
        TestDrbg random = new TestDrbg("escrow-integration-" + t + "-" + n);
        Envelope env = Envelopes.seal(RECORD, IdentityRecord.DEFAULT_CHUNK_COUNT, epoch, random);
        assertEquals(epoch.epochId(), env.epochId());
        OfficerKeyPair officer = OfficerKeyPair.generate(random);

        List<VerifiedShare> shares = new ArrayList<>();
        for (String s : subset.split(" ")) {
            int i = Integer.parseInt(s);
            DkgResult mine = results.get(i - 1);
            // Each trustee uses its own result: its share and its own copy of the epoch key.
            ShareContext ctx = context(env, i, officer);
            shares.add(ShareVerifier.verify(ShareProver.createShare(mine.trusteeKey(), env, ctx, random), env, ctx,
                    epoch));
        }
        assertEquals(t, shares.size());
        OpenedIdentity opened = EnvelopeOpener.open(env, shares, officer, epoch);
        assertEquals(RECORD, opened.record());

        if (t > 1) {
            assertThrows(OpeningException.class,
                    () -> EnvelopeOpener.open(env, shares.subList(0, t - 1), officer, epoch));
        }
    }

    @ParameterizedTest(name = "{0}-of-{1}")
    @CsvSource({"2, 3", "3, 5", "5, 9"})
    void anyTVerificationKeysInterpolateToTheJointKeyAndNoTMinusOneDo(int t, int n) throws Exception {
        CeremonyOutcome o = new InProcessCeremony(t, n, "degree-" + t + "-of-" + n).run().get(0).outcome();
        for (int start = 1; start + t - 1 <= n; start++) {
            assertEquals(o.jointKey(), interpolateAtZero(o, range(start, t)).orElseThrow());
            assertNotEquals(Optional.of(o.jointKey()), interpolateAtZero(o, range(start, t - 1)));
        }
    }

    private static int[] range(int start, int count) {
        return java.util.stream.IntStream.range(start, start + count).toArray();
    }

    private static Optional<Point> interpolateAtZero(CeremonyOutcome o, int[] indices) {
        List<Point> ys = java.util.Arrays.stream(indices).mapToObj(o::trusteeKey).toList();
        return Point.linearCombination(List.of(Lagrange.atZero(indices)), ys);
    }

    private static ShareContext context(Envelope env, int trustee, OfficerKeyPair officer) {
        return new ShareContext(42, Hash32.sha256("request-42".getBytes(StandardCharsets.US_ASCII)), 7,
                env.envelopeHash(), 100, Hash32.sha256("root-100".getBytes(StandardCharsets.US_ASCII)), env.epochId(),
                trustee, officer.publicKey());
    }
}
