package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Non-interactive Schnorr proof of knowledge of x with X = x·G, in compact form (c, z), bound to a
 * caller-given context. (The DKG does not use it: COCKTAIL-DKG defines its own Schnorr signature for proofs of
 * possession; see docs/escrow-protocol.md §21.)
 *
 * <p>Prove: w random, T = w·G, c = H(tag; context, X, T), z = w + c·x. Verify: T' = z·G − c·X ≠ O and
 * c = H(tag; context, X, T'). Tag {@value #PROTOCOL_TAG}, DST {@value #DST}.
 *
 * <h2>Security guarantees</h2>
 * Special-sound and honest-verifier zero-knowledge; with Fiat–Shamir in the random oracle model, a proof that
 * verifies shows knowledge of the discrete log of X (extraction by rewinding) and reveals nothing about x.
 * Because X and the context are hashed, a proof cannot be replayed for another key or another context.
 *
 * <h2>WARNING</h2>
 * The context must identify the session and the purpose (e.g. DKG epoch, participant index); an empty or
 * reused context allows replay of a proof between sessions. Never reuse a nonce: two proofs with the same w
 * reveal x. Not constant-time (see {@link Scalar}).
 */
public record SchnorrProof(Scalar c, Scalar z) {
    public static final String PROTOCOL_TAG = "heteronym/v1/schnorr-pok";
    public static final String DST = "heteronym-v1-schnorr-pok-challenge";
    public static final int ENCODED_LENGTH = 64;

    public SchnorrProof {
        if (c.isZero() || z.isZero()) {
            throw new IllegalArgumentException("proof scalars must be non-zero");
        }
    }

    public static SchnorrProof prove(Scalar x, byte[] context, SecureRandom random) {
        return prove(x, context, Scalar.random(random));
    }

    static SchnorrProof prove(Scalar x, byte[] context, Scalar w) {
        if (x.isZero() || w.isZero()) {
            throw new IllegalArgumentException("secret and nonce must be non-zero");
        }
        Point bigX = Point.multiplyGenerator(x);
        ECPoint t = Point.multiplyGenerator(w).raw();
        Scalar c = challenge(context, bigX, t);
        return new SchnorrProof(c, w.add(c.multiply(x)));
    }

    public void verify(Point publicKey, byte[] context) throws InvalidProofException {
        BigInteger negC = P256.negate(c.toBigInteger());
        ECPoint t = P256.sumOfTwo(P256.G, z.toBigInteger(), publicKey.raw(), negC).normalize();
        if (t.isInfinity() || !challenge(context, publicKey, t).equals(c)) {
            throw new InvalidProofException("Schnorr proof of knowledge does not verify");
        }
    }

    public byte[] encode() {
        byte[] out = new byte[ENCODED_LENGTH];
        System.arraycopy(c.encode(), 0, out, 0, 32);
        System.arraycopy(z.encode(), 0, out, 32, 32);
        return out;
    }

    public static SchnorrProof decode(byte[] enc) throws MalformedEncodingException {
        if (enc == null || enc.length != ENCODED_LENGTH) {
            throw new MalformedEncodingException("Schnorr proof: expected 64 bytes");
        }
        byte[] cb = new byte[32];
        byte[] zb = new byte[32];
        System.arraycopy(enc, 0, cb, 0, 32);
        System.arraycopy(enc, 32, zb, 0, 32);
        return new SchnorrProof(Scalar.decodeNonZero(cb), Scalar.decodeNonZero(zb));
    }

    private static Scalar challenge(byte[] context, Point publicKey, ECPoint t) {
        return Transcript.start(PROTOCOL_TAG).bytes(context).point(publicKey).point(t).challenge(DST);
    }
}
