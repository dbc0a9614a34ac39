package org.heteronym.cli;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.heteronym.crypto.order.CourtAnchor;
import org.heteronym.crypto.order.CourtOrderException;
import org.heteronym.crypto.order.CourtOrderSignature;

/**
 * The auditor's check of a logged court order: {@link CourtOrderSignature} with the anchor the filing names and the
 * order date alone (no filing instant, no revocation: the auditor may run years later, docs/disclosure.md §7).
 */
final class CourtOrderCheck implements OrderSignatureCheck {

    @Override
    public Optional<String> failure(String cmsBase64, byte[] orderSha256, List<X509Certificate> anchorCertificates,
                                    LocalDate orderDate) {
        try {
            CourtOrderSignature.verify(Base64.getDecoder().decode(cmsBase64), orderSha256,
                    List.of(new CourtAnchor("logged", anchorCertificates)), orderDate, List.of());
            return Optional.empty();
        } catch (CourtOrderException e) {
            return Optional.of(e.getMessage());
        } catch (IllegalArgumentException e) {
            return Optional.of("order_signature is not base64 or the digest is malformed");
        }
    }
}
