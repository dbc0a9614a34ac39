package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdOpeningTest {
    private static final int L = IdentityRecord.DEFAULT_CHUNK_COUNT;

    @ParameterizedTest(name = "{0}-of-{1}")
    @CsvSource({"1, 1", "2, 3", "3, 5", "5, 9"})
    void everyThresholdSubsetOpensAndNoSmallerSubsetDoes(int t, int n) throws Exception {
        TestDrbg random = new TestDrbg("threshold-" + t + "-" + n);
        TrustedDealer.Dealt dealt = TrustedDealer.split(t, n, random);
        IdentityRecord record = Fixtures.record();
        Envelope env = Envelopes.seal(record, L, dealt.epoch(), random);
        OfficerKeyPair officer = OfficerKeyPair.generate(random);
        List<VerifiedShare> shares = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ShareContext ctx = Fixtures.context(env, i, officer.publicKey());
            DecryptionShare share = ShareProver.createShare(dealt.trustee(i), env, ctx, random);
            shares.add(ShareVerifier.verify(DecryptionShare.decode(share.encode()), env, ctx, dealt.epoch()));
        }

        List<int[]> full = subsets(n, t);
        for (int[] subset : full) {
            OpenedIdentity opened = EnvelopeOpener.open(env, pick(shares, subset), officer, dealt.epoch());
            assertEquals(record, opened.record());
            assertEquals(t, opened.trusteeIndices().size());
        }

        for (int[] subset : subsets(n, t - 1)) {
            List<VerifiedShare> few = pick(shares, subset);
            assertThrows(OpeningException.class, () -> EnvelopeOpener.open(env, few, officer, dealt.epoch()));
            // Bypass the threshold check: the cryptography itself must not yield the record.
            try {
                assertNotEquals(record, EnvelopeOpener.recover(env, few, officer.secret()));
            } catch (OpeningException expected) {
                // decoding failed, as it should with overwhelming probability
            }
        }
    }

    static List<VerifiedShare> pick(List<VerifiedShare> shares, int[] subset) {
        List<VerifiedShare> out = new ArrayList<>();
        for (int i : subset) {
            out.add(shares.get(i - 1));
        }
        return out;
    }

    /** All k-subsets of {1..n}, in lexicographic order; one empty subset for k = 0. */
    static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        collect(n, k, 1, new int[k], 0, out);
        return out;
    }

    private static void collect(int n, int k, int next, int[] cur, int len, List<int[]> out) {
        if (len == k) {
            out.add(cur.clone());
            return;
        }
        for (int i = next; i <= n - (k - len) + 1; i++) {
            cur[len] = i;
            collect(n, k, i + 1, cur, len + 1, out);
        }
    }
}
