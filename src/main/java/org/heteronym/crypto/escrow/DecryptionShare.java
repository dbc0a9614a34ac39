package org.heteronym.crypto.escrow;

import java.util.ArrayList;
import java.util.List;

/**
 * A trustee's unverified response for one envelope: one {@link ChunkShare} per chunk. The context is not part
 * of the encoding: the verifier supplies the context it expects, from the log.
 * Encoding: {@code u8 0x01 || u32 trusteeIndex || u8 L || ChunkShare[162] × L}.
 *
 * <h2>Security guarantees</h2>
 * Strict decoding only (see {@link ChunkShare}); validity comes from {@link ShareVerifier}.
 *
 * <h2>WARNING</h2>
 * Pass it only to {@link ShareVerifier#verify}; the opener accepts nothing but {@link VerifiedShare}s.
 */
public final class DecryptionShare {
    public static final byte VERSION = 0x01;
    private static final int HEADER_LENGTH = 6;
    private final int trusteeIndex;
    private final List<ChunkShare> chunks;

    public DecryptionShare(int trusteeIndex, List<ChunkShare> chunks) {
        if (trusteeIndex < 1 || trusteeIndex > EpochKey.MAX_TRUSTEES) {
            throw new IllegalArgumentException("trustee index must be 1.." + EpochKey.MAX_TRUSTEES);
        }
        if (chunks.isEmpty() || chunks.size() > Envelope.MAX_CHUNKS) {
            throw new IllegalArgumentException("need 1..255 chunk shares");
        }
        this.trusteeIndex = trusteeIndex;
        this.chunks = List.copyOf(chunks);
    }

    public int trusteeIndex() {
        return trusteeIndex;
    }

    public List<ChunkShare> chunks() {
        return chunks;
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + ChunkShare.ENCODED_LENGTH * chunks.size()];
        out[0] = VERSION;
        Bytes.putU32(out, 1, trusteeIndex);
        out[5] = (byte) chunks.size();
        for (int j = 0; j < chunks.size(); j++) {
            System.arraycopy(chunks.get(j).encode(), 0, out, HEADER_LENGTH + ChunkShare.ENCODED_LENGTH * j,
                    ChunkShare.ENCODED_LENGTH);
        }
        return out;
    }

    public static DecryptionShare decode(byte[] enc) throws MalformedEncodingException {
        if (enc == null || enc.length < HEADER_LENGTH) {
            throw new MalformedEncodingException("decryption share: too short");
        }
        if (enc[0] != VERSION) {
            throw new MalformedEncodingException("decryption share: unknown version");
        }
        long index = Bytes.getU32(enc, 1);
        int l = enc[5] & 0xFF;
        if (index < 1 || index > EpochKey.MAX_TRUSTEES) {
            throw new MalformedEncodingException("decryption share: trustee index out of range");
        }
        if (l == 0 || enc.length != HEADER_LENGTH + ChunkShare.ENCODED_LENGTH * l) {
            throw new MalformedEncodingException("decryption share: length does not match chunk count");
        }
        List<ChunkShare> chunks = new ArrayList<>(l);
        for (int j = 0; j < l; j++) {
            chunks.add(ChunkShare.decode(enc, HEADER_LENGTH + ChunkShare.ENCODED_LENGTH * j));
        }
        return new DecryptionShare((int) index, chunks);
    }
}
