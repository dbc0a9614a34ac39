package org.heteronym.crypto.escrow.dkg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;

/**
 * The COCKTAIL(P-256, SHA-256) ciphersuite of C2SP COCKTAIL-DKG v0.2.1 (c2sp.org/cocktail-dkg): session context,
 * H6 key and nonce derivation, XAES-256-GCM share encryption, the COCKTAIL Schnorr signature (used for proofs of
 * possession and for the CertEq transcript signatures) and the canonical transcript T. Every function here is
 * byte-compatible with the specification and is checked against the CCTV P-256 vectors
 * ({@code CocktailConformanceTest}); Heteronym's own framing lives in the message classes.
 *
 * <h2>Security guarantees</h2>
 * Points are decoded strictly (compressed SEC1, never the identity); scalars are decoded canonically. Schnorr
 * nonces are deterministic (HashToScalar of the secret key and message), so a signer never reuses a nonce for two
 * different messages. Signature messages are domain-separated by the H7 and NONCE prefixes from any standard
 * signature scheme, and H6 outputs are bound to both ECDH secrets, E, both static keys and the context.
 *
 * <h2>WARNING</h2>
 * Not constant-time (see {@link Scalar}). Deterministic Schnorr nonces are exposed to fault-injection attacks
 * (the specification's SHOULD to mix in randomness is not followed, to keep signatures reproducible); run trustee
 * ceremonies on ordinary, non-hostile hardware.
 */
final class CocktailP256 {
    static final String CIPHERSUITE_ID = "COCKTAIL(P-256, SHA-256)";
    static final String CONTEXT_PREFIX = "COCKTAIL-DKG-CONTEXT";
    static final String H6_PREFIX = "COCKTAIL-DKG-P256-SHA256-H6";
    static final String H7_PREFIX = "COCKTAIL-DKG-P256-SHA256-H7";
    static final String NONCE_PREFIX = "COCKTAIL-DKG-P256-SHA256-NONCE";
    static final int SCALAR_LENGTH = Scalar.LENGTH;
    static final int POINT_LENGTH = Point.ENCODED_LENGTH;
    static final int SIGNATURE_LENGTH = POINT_LENGTH + SCALAR_LENGTH;
    /** Heteronym sends no application payload, so every ciphertext is exactly one scalar plus the AEAD tag. */
    static final int CIPHERTEXT_LENGTH = SCALAR_LENGTH + XAes256Gcm.TAG_LENGTH;
    static final int FRAMED_CIPHERTEXT_LENGTH = 8 + CIPHERTEXT_LENGTH;

    private static final byte[] CS_ID = ascii(CIPHERSUITE_ID);

    private CocktailP256() {}

    /**
     * The RECOMMENDED context construction: SHA-256("COCKTAIL-DKG-CONTEXT" || u64be(len(sid)) || sid ||
     * u64be(len(cs_id)) || cs_id || u32le(n) || P_1 || ... || P_n).
     */
    static Hash32 context(byte[] sessionId, List<Point> staticKeys) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(ascii(CONTEXT_PREFIX));
        Wire.u64be(b, sessionId.length);
        b.writeBytes(sessionId);
        Wire.u64be(b, CS_ID.length);
        b.writeBytes(CS_ID);
        Wire.u32le(b, staticKeys.size());
        staticKeys.forEach(p -> b.writeBytes(p.encode()));
        return Hash32.sha256(b.toByteArray());
    }

    /** H6(x, E, P_s, P_r, extra) = SHA-256(prefix || x || E || P_s || P_r || u64le(len(extra)) || extra). */
    static byte[] h6(byte[] x, Point e, Point sender, Point recipient, byte[] extra) {
        MessageDigest h = Wire.sha256();
        h.update(ascii(H6_PREFIX));
        h.update(x);
        h.update(e.encode());
        h.update(sender.encode());
        h.update(recipient.encode());
        ByteArrayOutputStream len = new ByteArrayOutputStream();
        Wire.u64le(len, extra.length);
        h.update(len.toByteArray());
        h.update(extra);
        return h.digest();
    }

    /** derive_extra(context, label) = u64le(len(context)) || context || u64le(len(label)) || label. */
    static byte[] deriveExtra(byte[] context, String label) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Wire.u64le(b, context.length);
        b.writeBytes(context);
        byte[] l = ascii(label);
        Wire.u64le(b, l.length);
        b.writeBytes(l);
        return b.toByteArray();
    }

    /** AEAD key (32 bytes) and nonce (24 bytes) for one sender → recipient share. */
    record KeyAndNonce(byte[] key, byte[] nonce) {
        void wipe() {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(nonce, (byte) 0);
        }
    }

    /**
     * x = ecdh_encode(S^e) || ecdh_encode(S^d); key = H6(x, E, P_s, P_r, derive_extra(ctx, "key")),
     * nonce = H6(x, E, P_s, P_r, derive_extra(ctx, "nonce"))[0:24].
     */
    static KeyAndNonce keyAndNonce(Point ephemeralSecret, Point staticSecret, Point e, Point sender, Point recipient,
            Hash32 context) {
        byte[] x = new byte[2 * POINT_LENGTH];
        System.arraycopy(ephemeralSecret.encode(), 0, x, 0, POINT_LENGTH);
        System.arraycopy(staticSecret.encode(), 0, x, POINT_LENGTH, POINT_LENGTH);
        byte[] ctx = context.toBytes();
        byte[] key = h6(x, e, sender, recipient, deriveExtra(ctx, "key"));
        byte[] nonceFull = h6(x, e, sender, recipient, deriveExtra(ctx, "nonce"));
        byte[] nonce = Arrays.copyOf(nonceFull, XAes256Gcm.NONCE_LENGTH);
        Arrays.fill(x, (byte) 0);
        Arrays.fill(nonceFull, (byte) 0);
        return new KeyAndNonce(key, nonce);
    }

    /** Sender side: S^e = e_i·P_j, S^d = d_i·P_j. */
    static KeyAndNonce senderKey(Scalar ephemeral, Scalar staticSecret, Point e, Point sender, Point recipient,
            Hash32 context) {
        return keyAndNonce(recipient.multiply(ephemeral), recipient.multiply(staticSecret), e, sender, recipient,
                context);
    }

    /** Recipient side: S^e = d_i·E_j, S^d = d_i·P_j. */
    static KeyAndNonce recipientKey(Scalar staticSecret, Point e, Point sender, Point recipient, Hash32 context) {
        return keyAndNonce(e.multiply(staticSecret), sender.multiply(staticSecret), e, sender, recipient, context);
    }

    /** c = XAES-256-GCM(key, nonce, s || payload), no additional data. */
    static byte[] encrypt(KeyAndNonce kn, byte[] plaintext) {
        return XAes256Gcm.seal(kn.key(), kn.nonce(), plaintext, new byte[0]);
    }

    /** The plaintext, or empty if authentication fails. */
    static Optional<byte[]> decrypt(KeyAndNonce kn, byte[] ciphertext) {
        return Optional.ofNullable(XAes256Gcm.open(kn.key(), kn.nonce(), ciphertext, new byte[0]));
    }

    /** HashToScalar(input) = OS2IP(SHA-256(0x01 || input) || SHA-256(0x02 || input)[0:16]) mod q. */
    static Scalar hashToScalar(byte[]... input) {
        byte[] wide = new byte[48];
        for (int c = 1; c <= 2; c++) {
            MessageDigest h = Wire.sha256();
            h.update((byte) c);
            for (byte[] part : input) {
                h.update(part);
            }
            byte[] d = h.digest();
            System.arraycopy(d, 0, wide, 32 * (c - 1), c == 1 ? 32 : 16);
            Arrays.fill(d, (byte) 0);
        }
        Scalar s = Scalar.reduceBigEndian(wide);
        Arrays.fill(wide, (byte) 0);
        return s;
    }

    /**
     * COCKTAIL Schnorr Sign: k = H2S(NONCE || sk || m), R = k·B, c = H2S(H7 || R || pk || m), z = k + c·sk;
     * signature R (33 bytes) || z (32 bytes).
     */
    static byte[] sign(Scalar sk, byte[] message) {
        if (sk.isZero()) {
            throw new IllegalArgumentException("signing key must be non-zero");
        }
        Point pk = Point.multiplyGenerator(sk);
        byte[] skBytes = sk.encode();
        Scalar k = hashToScalar(ascii(NONCE_PREFIX), skBytes, message);
        Arrays.fill(skBytes, (byte) 0);
        if (k.isZero()) {
            // Probability 2^-256; the specification makes this an unrecoverable failure for (sk, m).
            throw new IllegalStateException("Schnorr nonce is zero: this session must be abandoned");
        }
        Point r = Point.multiplyGenerator(k);
        Scalar c = hashToScalar(ascii(H7_PREFIX), r.encode(), pk.encode(), message);
        byte[] sig = new byte[SIGNATURE_LENGTH];
        System.arraycopy(r.encode(), 0, sig, 0, POINT_LENGTH);
        System.arraycopy(k.add(c.multiply(sk)).encode(), 0, sig, POINT_LENGTH, SCALAR_LENGTH);
        return sig;
    }

    /**
     * COCKTAIL Schnorr Verify: z canonical, R a valid non-identity point, c = H2S(H7 || R || pk || m), accept iff
     * z·B = R + c·pk. Checked as z·B − c·pk = R, so an identity left-hand side is simply unequal to R.
     */
    static boolean verify(Point pk, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Point r;
        Scalar z;
        try {
            r = Point.decode(Arrays.copyOfRange(signature, 0, POINT_LENGTH));
            z = Scalar.decode(Arrays.copyOfRange(signature, POINT_LENGTH, SIGNATURE_LENGTH));
        } catch (MalformedEncodingException e) {
            return false;
        }
        Scalar c = hashToScalar(ascii(H7_PREFIX), r.encode(), pk.encode(), message);
        return Point.linearCombination(List.of(z, c.negate()), List.of(Point.generator(), pk))
                .map(r::equals).orElse(false);
    }

    /** PoP message: context || C_{i,0} || ... || C_{i,t-1} || E_i. */
    static byte[] popMessage(Hash32 context, List<Point> commitment, Point e) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(context.toBytes());
        commitment.forEach(c -> b.writeBytes(c.encode()));
        b.writeBytes(e.encode());
        return b.toByteArray();
    }

    /**
     * The canonical transcript T of Round 3: u64le(len(cs_id)) || cs_id || u64le(len(ctx)) || ctx || u32le(n) ||
     * u32le(t) || P_1..P_n || C_1..C_n || PoP_1..PoP_n || E_1..E_n || u64le(len(ext)) || ext.
     */
    static byte[] transcript(Hash32 context, int t, List<Point> staticKeys, List<List<Point>> commitments,
            List<byte[]> pops, List<Point> ephemeralKeys, byte[] extension) {
        int n = staticKeys.size();
        if (commitments.size() != n || pops.size() != n || ephemeralKeys.size() != n) {
            throw new IllegalArgumentException("need one commitment, PoP and ephemeral key per participant");
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Wire.u64le(b, CS_ID.length);
        b.writeBytes(CS_ID);
        byte[] ctx = context.toBytes();
        Wire.u64le(b, ctx.length);
        b.writeBytes(ctx);
        Wire.u32le(b, n);
        Wire.u32le(b, t);
        staticKeys.forEach(p -> b.writeBytes(p.encode()));
        for (List<Point> c : commitments) {
            if (c.size() != t) {
                throw new IllegalArgumentException("every commitment has exactly t points");
            }
            c.forEach(p -> b.writeBytes(p.encode()));
        }
        pops.forEach(b::writeBytes);
        ephemeralKeys.forEach(p -> b.writeBytes(p.encode()));
        Wire.u64le(b, extension.length);
        b.writeBytes(extension);
        return b.toByteArray();
    }

    /** Feldman check s·B = Σ_k i^k·C_k, as Σ_k i^k·C_k − s·B = O. */
    static boolean shareMatchesCommitment(Scalar share, int index, List<Point> commitment) {
        List<Scalar> ks = new java.util.ArrayList<>(commitment.size() + 1);
        List<Point> ps = new java.util.ArrayList<>(commitment.size() + 1);
        Scalar power = Scalar.of(1);
        Scalar i = Scalar.of(index);
        for (Point c : commitment) {
            ks.add(power);
            ps.add(c);
            power = power.multiply(i);
        }
        ks.add(share.negate());
        ps.add(Point.generator());
        return Point.linearCombination(ks, ps).isEmpty();
    }

    /** f(x) = a_0 + a_1·x + ... by Horner's rule. */
    static Scalar evaluate(List<Scalar> coefficients, int x) {
        Scalar acc = Scalar.of(0);
        Scalar sx = Scalar.of(x);
        for (int k = coefficients.size() - 1; k >= 0; k--) {
            acc = acc.multiply(sx).add(coefficients.get(k));
        }
        return acc;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
