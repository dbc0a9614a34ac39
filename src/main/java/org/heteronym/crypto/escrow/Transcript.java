package org.heteronym.crypto.escrow;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An injective encoding of a sequence of typed fields, used as the input of every hash in the escrow core.
 * The byte string is {@code field(0x01, tag) || field(type, value)...}, each
 * {@code field = u8 type || u32be len(value) || value}; see docs/escrow-protocol.md, "Transcripts".
 *
 * <h2>Security guarantees</h2>
 * Each field carries its type and length, so two different field sequences never produce the same bytes, and the
 * leading protocol tag separates the schemas of different protocols.
 *
 * <h2>WARNING</h2>
 * Never append secret values: transcripts are hashed into public challenges and may be logged for debugging.
 * A transcript is mutable and not thread-safe.
 */
public final class Transcript {
    static final byte TYPE_PROTOCOL = 0x01;
    static final byte TYPE_POINT = 0x02;
    static final byte TYPE_SCALAR = 0x03;
    static final byte TYPE_UINT = 0x04;
    static final byte TYPE_BYTES = 0x05;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    private Transcript(String protocolTag) {
        field(TYPE_PROTOCOL, protocolTag.getBytes(StandardCharsets.US_ASCII));
    }

    /** Starts a transcript; the tag names protocol and version, e.g. {@code heteronym/v1/share-proof}. */
    public static Transcript start(String protocolTag) {
        if (protocolTag.isEmpty() || !protocolTag.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("protocol tag must be non-empty printable ASCII");
        }
        return new Transcript(protocolTag);
    }

    public Transcript point(Point p) {
        return field(TYPE_POINT, p.encode());
    }

    /** A recomputed commitment; the caller has already rejected the identity. */
    Transcript point(ECPoint p) {
        return field(TYPE_POINT, p.getEncoded(true));
    }

    public Transcript scalar(Scalar s) {
        return field(TYPE_SCALAR, s.encode());
    }

    public Transcript uint(long v) {
        byte[] b = new byte[8];
        Bytes.putU64(b, 0, v);
        return field(TYPE_UINT, b);
    }

    public Transcript bytes(byte[] b) {
        return field(TYPE_BYTES, b);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** HashToScalar(transcript bytes, dst). */
    public Scalar challenge(String dst) {
        return HashToScalar.hash(toByteArray(), dst);
    }

    /** SHA-256 of the transcript bytes. */
    public Hash32 sha256() {
        return Hash32.sha256(toByteArray());
    }

    private Transcript field(byte type, byte[] value) {
        byte[] header = new byte[5];
        header[0] = type;
        Bytes.putU32(header, 1, value.length);
        out.writeBytes(header);
        out.writeBytes(value);
        return this;
    }
}
