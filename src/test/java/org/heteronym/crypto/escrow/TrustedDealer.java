package org.heteronym.crypto.escrow;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * TEST ONLY: a trusted-dealer Shamir split of a fresh secret x into x_i = f(i), f of degree t−1 with f(0) = x.
 * Production keys come from the DKG, where no single party ever knows x.
 */
public final class TrustedDealer {
    public record Dealt(EpochKey epoch, List<TrusteeKey> trustees, Scalar jointSecret, List<Scalar> coefficients) {
        public TrusteeKey trustee(int index) {
            return trustees.get(index - 1);
        }
    }

    private TrustedDealer() {}

    public static Dealt split(int t, int n, SecureRandom random) {
        List<Scalar> coeffs = new ArrayList<>();
        for (int k = 0; k < t; k++) {
            coeffs.add(Scalar.random(random));
        }
        return fromCoefficients(t, n, coeffs);
    }

    static Dealt fromCoefficients(int t, int n, List<Scalar> coeffs) {
        List<TrusteeKey> trustees = new ArrayList<>();
        List<Point> keys = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Scalar xi = evaluate(coeffs, i);
            TrusteeKey key = new TrusteeKey(i, xi);
            trustees.add(key);
            keys.add(key.publicKey());
        }
        Point y = Point.multiplyGenerator(coeffs.get(0));
        Transcript tr = Transcript.start("heteronym/test/dealer-epoch").uint(t).uint(n).point(y);
        keys.forEach(tr::point);
        return new Dealt(new EpochKey(tr.sha256(), t, y, keys), trustees, coeffs.get(0), List.copyOf(coeffs));
    }

    static Scalar evaluate(List<Scalar> coeffs, int x) {
        Scalar acc = Scalar.of(0);
        for (int k = coeffs.size() - 1; k >= 0; k--) {
            acc = acc.multiply(Scalar.of(x)).add(coeffs.get(k));
        }
        return acc;
    }
}
