package org.heteronym.crypto.escrow.dkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.TestDrbg;

/**
 * TEST ONLY: n trustees with fixed-seed static keys and randomness, and an honest in-process coordinator that
 * relays every message to everyone in participant order.
 */
final class InProcessCeremony {
    final CeremonyParameters params;
    final List<StaticKeyPair> keys = new ArrayList<>();
    final List<Participant> participants = new ArrayList<>();

    InProcessCeremony(int t, int n, String seed) {
        this(t, n, seed, seed);
    }

    /** The trustees of {@code keySeed} in a ceremony with its own session id and randomness. */
    InProcessCeremony(int t, int n, String keySeed, String seed) {
        for (int i = 1; i <= n; i++) {
            keys.add(StaticKeyPair.generate(new TestDrbg(keySeed + "/static-" + i)));
        }
        List<Point> pub = keys.stream().map(StaticKeyPair::publicKey).toList();
        params = new CeremonyParameters(("heteronym/test/" + seed).getBytes(StandardCharsets.US_ASCII), t, pub);
        for (int i = 1; i <= n; i++) {
            participants.add(new Participant(params, i, keys.get(i - 1), new TestDrbg(seed + "/participant-" + i)));
        }
    }

    Participant participant(int i) {
        return participants.get(i - 1);
    }

    List<byte[]> round1() {
        return participants.stream().map(Participant::round1).toList();
    }

    List<byte[]> round2(List<byte[]> round1) throws DkgAbortException {
        List<byte[]> out = new ArrayList<>();
        for (Participant p : participants) {
            out.add(p.round2(round1));
        }
        return out;
    }

    List<DkgResult> finish(List<byte[]> round2) throws DkgAbortException {
        List<DkgResult> out = new ArrayList<>();
        for (Participant p : participants) {
            out.add(p.finish(round2));
        }
        return out;
    }

    List<DkgResult> run() throws DkgAbortException {
        return finish(round2(round1()));
    }
}
