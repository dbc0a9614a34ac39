package org.heteronym.cli.trustee;

import java.util.Arrays;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.TrusteeKey;

/** One epoch share held by the trustee. {@link #secret()} returns a copy the caller must wipe. */
public final class EpochShare {
    private final Hash32 epochId;
    private final int index;
    private final byte[] secret;

    EpochShare(Hash32 epochId, int index, byte[] secret) {
        this.epochId = epochId;
        this.index = index;
        this.secret = secret.clone();
    }

    public Hash32 epochId() {
        return epochId;
    }

    public int index() {
        return index;
    }

    /** x_i, 32 bytes big-endian; wipe the copy after use. */
    byte[] secret() {
        return secret.clone();
    }

    /** x_i as a {@link TrusteeKey}. */
    public TrusteeKey trusteeKey() throws MalformedEncodingException {
        byte[] x = secret();
        try {
            return new TrusteeKey(index, Scalar.decodeNonZero(x));
        } finally {
            Arrays.fill(x, (byte) 0);
        }
    }

    void wipe() {
        Arrays.fill(secret, (byte) 0);
    }
}
