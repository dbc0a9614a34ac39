package org.heteronym.crypto.order;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A court anchor (docs/disclosure.md §2): a named list of CA certificates whose signers may sign court orders.
 * Every certificate is a PKIX trust anchor, in any order; a path ends at the first of them it reaches.
 *
 * @param id             the anchor's id, as registered and logged ({@code court-anchor.registered})
 * @param caCertificates the trusted CA certificates (roots, or intermediates trusted directly)
 */
public record CourtAnchor(String id, List<X509Certificate> caCertificates) {

    public CourtAnchor {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("anchor id is blank");
        }
        caCertificates = List.copyOf(caCertificates);
        if (caCertificates.isEmpty()) {
            throw new IllegalArgumentException("anchor " + id + " has no CA certificate");
        }
    }
}
