package org.heteronym.crypto.order;

import static org.heteronym.crypto.order.CourtOrderException.Reason.MALFORMED;
import static org.heteronym.crypto.order.CourtOrderException.Reason.NOT_DETACHED;
import static org.heteronym.crypto.order.CourtOrderException.Reason.NOT_ONE_SIGNER;
import static org.heteronym.crypto.order.CourtOrderException.Reason.WRONG_CONTENT_TYPE;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * The parts of a court order's CMS SignedData that the checks read: its one SignerInfo, the signer's certificate
 * and all the certificates it carries.
 *
 * <p>The SignerInfo is bound to the caller's SHA-256 of the document instead of the document (BC's precomputed
 * digest form of {@link CMSSignedData}), so that the signature can be checked from the log alone (§2).
 *
 * @param signer            the only SignerInfo
 * @param signerHolder      the signer's certificate as found in the SignedData, with its encoded public key info
 * @param signerCertificate the same certificate, for the JDK
 * @param certificates      every certificate of the SignedData, the signer's included
 */
record SignedOrder(SignerInformation signer, X509CertificateHolder signerHolder, X509Certificate signerCertificate,
                   List<X509Certificate> certificates) {

    /** Parses {@code cms}: one BER/DER object, a SignedData over id-data, detached, with exactly one SignerInfo. */
    static SignedOrder parse(byte[] cms, byte[] documentSha256) throws CourtOrderException {
        ContentInfo info;
        SignedData signedData;
        try {
            // fromByteArray refuses trailing bytes, which CMSSignedData(byte[]) would silently ignore
            info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
            if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                throw new CourtOrderException(MALFORMED, "not a CMS SignedData: content type " + info.getContentType());
            }
            signedData = SignedData.getInstance(info.getContent());
        } catch (IOException | RuntimeException e) {
            throw new CourtOrderException(MALFORMED, "not a CMS SignedData: " + e.getMessage());
        }
        ContentInfo encapsulated = signedData.getEncapContentInfo();
        if (encapsulated.getContent() != null) {
            // §2 wants the signature alone in the log; an attached copy of the document would put it there too
            throw new CourtOrderException(NOT_DETACHED, "the SignedData encapsulates content; a detached signature is"
                    + " required");
        }
        if (!CMSObjectIdentifiers.data.equals(encapsulated.getContentType())) {
            throw new CourtOrderException(WRONG_CONTENT_TYPE, "encapsulated content type "
                    + encapsulated.getContentType() + " is not id-data (rule 1)");
        }
        int signers = signedData.getSignerInfos().size();
        if (signers != 1) {
            throw new CourtOrderException(NOT_ONE_SIGNER, signers + " SignerInfos, expected exactly one (rule 1)");
        }

        try {
            CMSSignedData signed = new CMSSignedData(
                    Map.of(NISTObjectIdentifiers.id_sha256, documentSha256.clone()), info);
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.size() != 1) {
                throw new CourtOrderException(MALFORMED, matches.size()
                        + " certificates of the SignedData match the signer, expected exactly one (rule 3)");
            }
            X509CertificateHolder signerHolder = matches.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
                certificates.add(converter.getCertificate(h));
            }
            return new SignedOrder(signer, signerHolder, converter.getCertificate(signerHolder), certificates);
        } catch (CMSException | CertificateException | RuntimeException e) {
            throw new CourtOrderException(MALFORMED, "unreadable SignerInfo or certificates: " + e.getMessage());
        }
    }
}
