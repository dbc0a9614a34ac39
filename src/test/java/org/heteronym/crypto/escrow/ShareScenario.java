package org.heteronym.crypto.escrow;

import java.util.ArrayList;
import java.util.List;

/** TEST ONLY: a 3-of-5 epoch, one sealed envelope, an officer, and trustee 1's share for request 42. */
abstract class ShareScenario {
    static final int L = IdentityRecord.DEFAULT_CHUNK_COUNT;
    final TestDrbg random = new TestDrbg("share-proof");
    final TrustedDealer.Dealt dealt = TrustedDealer.split(3, 5, random);
    final Envelope env = Envelopes.seal(Fixtures.record(), L, dealt.epoch(), random);
    final OfficerKeyPair officer = OfficerKeyPair.generate(random);
    final ShareContext ctx1 = Fixtures.context(env, 1, officer.publicKey());
    final DecryptionShare share1 = ShareProver.createShare(dealt.trustee(1), env, ctx1, random);

    List<VerifiedShare> verifiedShares(int... indices) throws Exception {
        List<VerifiedShare> out = new ArrayList<>();
        for (int i : indices) {
            ShareContext ctx = ctx1.forTrustee(i);
            out.add(ShareVerifier.verify(ShareProver.createShare(dealt.trustee(i), env, ctx, random), env, ctx,
                    dealt.epoch()));
        }
        return out;
    }
}
