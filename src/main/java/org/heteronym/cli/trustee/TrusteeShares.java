package org.heteronym.cli.trustee;

import java.security.SecureRandom;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.TrusteeKey;

/**
 * Decryption shares from a key file's epoch share, for the disclosure feature: {@link ShareProver#createShare}
 * with the share's x_i.
 *
 * <h2>WARNING</h2>
 * As for {@link ShareProver}: the caller must first check that the disclosure is authorised and logged, and must
 * build the {@link ShareContext} from the verified log.
 */
public final class TrusteeShares {
    private TrusteeShares() {}

    public static DecryptionShare createShare(EpochShare share, Envelope envelope,
            ShareContext context, SecureRandom random) {
        if (!share.epochId().equals(envelope.epochId()) || !share.epochId().equals(context.epochId())) {
            throw new IllegalArgumentException("the share is for epoch " + share.epochId().toHex()
                    + ", not the envelope's epoch " + envelope.epochId().toHex());
        }
        TrusteeKey key;
        try {
            key = share.trusteeKey();
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException("invalid share in the key file", e);
        }
        return ShareProver.createShare(key, envelope, context, random);
    }
}
