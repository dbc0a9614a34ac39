package org.heteronym.crypto.order;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A court order signature that passed {@link CourtOrderSignature#verify}: rules 1 to 3 of docs/disclosure.md §2.
 * Only {@link CourtOrderSignature} creates these (a value with a record's accessors, but no public constructor, as
 * for every verified value here), so holding one means the checks were made.
 *
 * <p>Security guarantees: see {@link CourtOrderSignature}. Revocation (rule 4) is not part of it; the service
 * checks it separately, at filing.
 */
public final class VerifiedCourtOrder {

    private final String anchorId;
    private final List<X509Certificate> path;
    private final String signerSubject;

    VerifiedCourtOrder(String anchorId, List<X509Certificate> path, String signerSubject) {
        this.anchorId = anchorId;
        this.path = List.copyOf(path);
        this.signerSubject = signerSubject;
    }

    /** The id of the anchor the path ends at. */
    public String anchorId() {
        return anchorId;
    }

    /** The court's signing certificate: the path's first element. */
    public X509Certificate signerCertificate() {
        return path.get(0);
    }

    /** The certification path, signer first, each certificate issued by the next, ending with the anchor's CA. */
    public List<X509Certificate> path() {
        return path;
    }

    /** The signer's subject distinguished name, RFC 2253. */
    public String signerSubject() {
        return signerSubject;
    }

    @Override
    public String toString() {
        return "VerifiedCourtOrder[" + anchorId + ", " + signerSubject + ", " + path.size() + " certificates]";
    }
}
