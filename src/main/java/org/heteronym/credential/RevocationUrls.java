package org.heteronym.credential;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Where a certificate says its revocation status is published: OCSP responders (AIA) and CRL distribution points. */
final class RevocationUrls {

    private RevocationUrls() {
    }

    static List<URI> ocspUrls(X509Certificate cert) {
        List<URI> urls = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return urls;
        }
        AuthorityInformationAccess aia =
                AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        for (AccessDescription ad : aia.getAccessDescriptions()) {
            if (AccessDescription.id_ad_ocsp.equals(ad.getAccessMethod())) {
                uri(ad.getAccessLocation(), urls);
            }
        }
        return urls;
    }

    static List<URI> crlUrls(X509Certificate cert) {
        List<URI> urls = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return urls;
        }
        CRLDistPoint dps = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        for (DistributionPoint dp : dps.getDistributionPoints()) {
            DistributionPointName name = dp.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName gn : GeneralNames.getInstance(name.getName()).getNames()) {
                    uri(gn, urls);
                }
            }
        }
        return urls;
    }

    private static void uri(GeneralName gn, List<URI> into) {
        if (gn.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return;
        }
        try {
            URI u = URI.create(ASN1IA5String.getInstance(gn.getName()).getString());
            if (("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null) {
                into.add(u);
            }
        } catch (IllegalArgumentException e) {
            // not a usable URL
        }
    }
}
