package org.heteronym.cli.disclosure;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.Scalar;

/**
 * The {@code Heteronym-Trustee} header of docs/disclosure.md §4: a Schnorr proof by the static key d_i over the
 * method, the path with its query as sent, the time and the body's SHA-256.
 */
public final class TrusteeRequestSignature {

    public static final String HEADER = "Heteronym-Trustee";

    private TrusteeRequestSignature() {
    }

    public static String header(UUID trustee, Scalar staticSecret, String method, String pathWithQuery,
            long unixTime, byte[] body, SecureRandom random) {
        byte[] signature = DisclosureStatements.signRequest(staticSecret, method, pathWithQuery, unixTime, body,
                random).encode();
        return "trustee=" + trustee + ", time=" + unixTime + ", signature="
                + Base64.getEncoder().encodeToString(signature);
    }
}
