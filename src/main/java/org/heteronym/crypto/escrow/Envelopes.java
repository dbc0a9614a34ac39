package org.heteronym.crypto.escrow;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Sealing an identity record into an {@link Envelope} and re-randomising an envelope.
 *
 * <p>Seal: chunks m_j = encoding[31j, 31j+31), M_j = ChunkMap(m_j), r_j fresh, A_j = r_j·G, B_j = M_j + r_j·Y.
 * Re-randomise: s_j fresh, A'_j = A_j + s_j·G, B'_j = B_j + s_j·Y.
 *
 * <h2>Security guarantees</h2>
 * Under DDH, an envelope reveals nothing about the record beyond L, and a re-randomised envelope is
 * indistinguishable from a fresh sealing of the same record (it is one, with randomness r_j + s_j), so it
 * cannot be linked to its source. Both take randomness only from the injected {@link SecureRandom}.
 *
 * <h2>WARNING</h2>
 * Use a cryptographically strong {@link SecureRandom}: a repeated or predictable r_j or s_j decrypts the chunk
 * for anyone. The record encoding is wiped after use but the {@link IdentityRecord} strings cannot be.
 */
public final class Envelopes {
    private Envelopes() {}

    public static Envelope seal(IdentityRecord record, int chunkCount, EpochKey epoch, SecureRandom random) {
        Scalar[] r = new Scalar[chunkCount];
        byte[] encoded = record.encode(chunkCount);
        try {
            for (int j = 0; j < chunkCount; j++) {
                r[j] = Scalar.random(random);
            }
            return seal(encoded, epoch.jointKey(), epoch.epochId(), r);
        } finally {
            Bytes.wipe(encoded);
        }
    }

    /** Deterministic core, exposed to the test-vector generator. */
    static Envelope seal(byte[] encodedRecord, Point jointKey, Hash32 epochId, Scalar[] r) {
        int l = r.length;
        if (encodedRecord.length != l * ChunkMap.CHUNK_LENGTH) {
            throw new IllegalArgumentException("record encoding must be L·31 bytes");
        }
        ECPoint[] out = new ECPoint[2 * l];
        byte[] chunk = new byte[ChunkMap.CHUNK_LENGTH];
        try {
            for (int j = 0; j < l; j++) {
                System.arraycopy(encodedRecord, j * ChunkMap.CHUNK_LENGTH, chunk, 0, ChunkMap.CHUNK_LENGTH);
                ECPoint m = ChunkMap.encode(chunk).raw();
                BigInteger rj = nonZero(r[j]).toBigInteger();
                out[2 * j] = FixedWindowMultiplier.multiply(P256.G, rj);
                out[2 * j + 1] = FixedWindowMultiplier.multiply(jointKey.raw(), rj).add(m);
            }
        } finally {
            Bytes.wipe(chunk);
        }
        return assemble(epochId, out);
    }

    public static Envelope rerandomise(Envelope source, EpochKey epoch, SecureRandom random) {
        if (!source.epochId().equals(epoch.epochId())) {
            throw new IllegalArgumentException("envelope belongs to another epoch");
        }
        Scalar[] s = new Scalar[source.chunkCount()];
        for (int j = 0; j < s.length; j++) {
            s[j] = Scalar.random(random);
        }
        return rerandomise(source, epoch.jointKey(), s);
    }

    /** Deterministic core, exposed to the test-vector generator. */
    static Envelope rerandomise(Envelope source, Point jointKey, Scalar[] s) {
        int l = source.chunkCount();
        if (s.length != l) {
            throw new IllegalArgumentException("need one s_j per chunk");
        }
        ECPoint[] out = new ECPoint[2 * l];
        for (int j = 0; j < l; j++) {
            BigInteger sj = nonZero(s[j]).toBigInteger();
            out[2 * j] = FixedWindowMultiplier.multiply(P256.G, sj).add(source.a(j).raw());
            out[2 * j + 1] = FixedWindowMultiplier.multiply(jointKey.raw(), sj).add(source.b(j).raw());
        }
        return assemble(source.epochId(), out);
    }

    private static Envelope assemble(Hash32 epochId, ECPoint[] out) {
        // One shared field inversion (Montgomery's trick) instead of one per point.
        P256.CURVE.normalizeAll(out);
        List<Point> a = new ArrayList<>(out.length / 2);
        List<Point> b = new ArrayList<>(out.length / 2);
        for (int j = 0; j < out.length / 2; j++) {
            a.add(new Point(out[2 * j]));
            b.add(new Point(out[2 * j + 1]));
        }
        return new Envelope(epochId, a, b);
    }

    private static Scalar nonZero(Scalar s) {
        if (s.isZero()) {
            throw new IllegalArgumentException("randomiser must be non-zero");
        }
        return s;
    }
}
