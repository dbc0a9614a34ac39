package org.heteronym.cli.trustee;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;

/**
 * The secret contents of a key file, before encryption: {@code 0x01 || d (32) || u16 count || count × (epoch id (32)
 * || u8 index || x_i (32))}.
 */
final class KeyFilePlaintext {

    static final byte PLAINTEXT_VERSION = 0x01;
    static final int SHARE_RECORD_LENGTH = 32 + 1 + 32;

    private KeyFilePlaintext() {
    }

    /** The static secret and the epoch shares; the caller owns and wipes them. */
    record Contents(byte[] staticSecret, List<EpochShare> shares) {
    }

    /** Parses the decrypted contents and checks the secret key against the header's public key. */
    static Contents decode(byte[] pt, Point publicKey, String name) throws TrusteeException {
        // Authenticated, so a fault here is a bug or a file from an incompatible writer, not an attack.
        if (pt.length < 1 + 32 + 2 || pt[0] != PLAINTEXT_VERSION) {
            throw malformed(name, "unsupported key file contents");
        }
        ByteBuffer in = ByteBuffer.wrap(pt);
        in.get();
        byte[] d = new byte[32];
        in.get(d);
        int count = Short.toUnsignedInt(in.getShort());
        if (in.remaining() != count * SHARE_RECORD_LENGTH) {
            Arrays.fill(d, (byte) 0);
            throw malformed(name, "key file contents have the wrong length");
        }
        List<EpochShare> shares = new ArrayList<>(count);
        byte[] x = new byte[32];
        try {
            StaticKeyPair pair = StaticKeyPair.decodeSecret(d);
            if (!pair.publicKey().equals(publicKey)) {
                throw malformed(name, "the secret key does not match \"public_key\"");
            }
            for (int k = 0; k < count; k++) {
                byte[] epoch = new byte[32];
                in.get(epoch);
                int index = Byte.toUnsignedInt(in.get());
                in.get(x);
                EpochShare share = new EpochShare(Hash32.of(epoch), index, x);
                share.trusteeKey(); // validates index and x_i
                shares.add(share);
            }
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            Arrays.fill(d, (byte) 0);
            shares.forEach(EpochShare::wipe);
            throw malformed(name, "invalid key material");
        } catch (TrusteeException e) {
            Arrays.fill(d, (byte) 0);
            throw e;
        } finally {
            Arrays.fill(x, (byte) 0);
        }
        return new Contents(d, shares);
    }

    private static TrusteeException malformed(String name, String why) {
        return TrusteeException.unavailable("key file " + name + " is not a valid " + TrusteeKeyFile.WHAT + ": " + why);
    }

    static byte[] encode(byte[] staticSecret, List<EpochShare> shares) {
        byte[] out = new byte[1 + 32 + 2 + shares.size() * SHARE_RECORD_LENGTH];
        ByteBuffer buffer = ByteBuffer.wrap(out);
        buffer.put(PLAINTEXT_VERSION).put(staticSecret).putShort((short) shares.size());
        for (EpochShare s : shares) {
            byte[] x = s.secret();
            buffer.put(s.epochId().toBytes()).put((byte) s.index()).put(x);
            Arrays.fill(x, (byte) 0);
        }
        return out;
    }
}
