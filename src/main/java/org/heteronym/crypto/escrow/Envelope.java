package org.heteronym.crypto.escrow;

import java.util.Arrays;
import java.util.List;

/**
 * An escrow envelope: per-chunk ElGamal ciphertexts (A_j, B_j) = (r_j·G, M_j + r_j·Y) under the joint key Y of
 * one trustee epoch. Wire format: {@code u8 version=0x01 || epochId[32] || u8 L || (A_j[33] || B_j[33]) for j
 * = 0..L−1}; envelopeHash = SHA-256(transcript {@value #HASH_TAG}; bytes(encoding)).
 *
 * <h2>Security guarantees</h2>
 * IND-CPA under DDH on P-256 for each chunk, with independent r_j. The envelope hash is collision resistant
 * and is what the transparency log commits to; decryption shares are bound to it, and the opener recomputes it,
 * so a reordered, truncated or mauled envelope cannot be opened under another envelope's log entry.
 *
 * <h2>WARNING</h2>
 * ElGamal is malleable: anyone holding Y can transform an envelope (that is what re-randomisation is). Never
 * trust an envelope that is not the one committed to, by hash, in the log.
 */
public final class Envelope {
    public static final byte VERSION = 0x01;
    public static final String HASH_TAG = "heteronym/v1/envelope-hash";
    public static final int MAX_CHUNKS = 255;
    static final int HEADER_LENGTH = 1 + Hash32.LENGTH + 1;

    private final Hash32 epochId;
    private final List<Point> a;
    private final List<Point> b;
    private final byte[] encoding;
    private final Hash32 hash;

    Envelope(Hash32 epochId, List<Point> a, List<Point> b) {
        if (a.size() != b.size() || a.isEmpty() || a.size() > MAX_CHUNKS) {
            throw new IllegalArgumentException("envelope must have 1..255 chunk ciphertexts");
        }
        this.epochId = epochId;
        this.a = List.copyOf(a);
        this.b = List.copyOf(b);
        int l = a.size();
        encoding = new byte[HEADER_LENGTH + 2 * Point.ENCODED_LENGTH * l];
        encoding[0] = VERSION;
        epochId.copyTo(encoding, 1);
        encoding[1 + Hash32.LENGTH] = (byte) l;
        for (int j = 0; j < l; j++) {
            int off = HEADER_LENGTH + 2 * Point.ENCODED_LENGTH * j;
            this.a.get(j).copyTo(encoding, off);
            this.b.get(j).copyTo(encoding, off + Point.ENCODED_LENGTH);
        }
        hash = Transcript.start(HASH_TAG).bytes(encoding).sha256();
    }

    public static Envelope decode(byte[] enc) throws MalformedEncodingException {
        if (enc == null || enc.length < HEADER_LENGTH + 2 * Point.ENCODED_LENGTH) {
            throw new MalformedEncodingException("envelope: too short");
        }
        if (enc[0] != VERSION) {
            throw new MalformedEncodingException("envelope: unknown version");
        }
        int l = enc[1 + Hash32.LENGTH] & 0xFF;
        if (l == 0 || enc.length != HEADER_LENGTH + 2 * Point.ENCODED_LENGTH * l) {
            throw new MalformedEncodingException("envelope: length does not match chunk count");
        }
        Point[] as = new Point[l];
        Point[] bs = new Point[l];
        for (int j = 0; j < l; j++) {
            int off = HEADER_LENGTH + 2 * Point.ENCODED_LENGTH * j;
            as[j] = Point.decode(Arrays.copyOfRange(enc, off, off + Point.ENCODED_LENGTH));
            bs[j] = Point.decode(Arrays.copyOfRange(enc, off + Point.ENCODED_LENGTH, off + 2 * Point.ENCODED_LENGTH));
        }
        return new Envelope(Hash32.of(Arrays.copyOfRange(enc, 1, 1 + Hash32.LENGTH)), List.of(as), List.of(bs));
    }

    public byte[] encode() {
        return encoding.clone();
    }

    public Hash32 envelopeHash() {
        return hash;
    }

    public Hash32 epochId() {
        return epochId;
    }

    public int chunkCount() {
        return a.size();
    }

    public Point a(int j) {
        return a.get(j);
    }

    public Point b(int j) {
        return b.get(j);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope e && Arrays.equals(encoding, e.encoding);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "Envelope[" + hash.toHex() + ", L=" + a.size() + "]";
    }
}
