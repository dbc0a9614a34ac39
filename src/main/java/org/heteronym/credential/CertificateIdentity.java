package org.heteronym.credential;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * The identity a trusted leaf certificate states, read with its anchor's rules (see {@link X509TrustAnchor}):
 * licence number and name from subject attributes, profession from certificate policies. Any of them missing or
 * ambiguous refuses as {@link RefusalReason#NO_PROFESSION}.
 */
record CertificateIdentity(String licenceNumber, String fullName, Profession profession) {

    static CertificateIdentity read(X509Certificate leaf, X509TrustAnchor anchor) throws CredentialRefusal {
        X500Name subject = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        String licence = single(subject, anchor.licenceAttributeOid())
                .orElseThrow(() -> new CredentialRefusal(RefusalReason.NO_PROFESSION, "no single licence number"));
        Optional<String> name = single(subject, anchor.nameAttributeOid());
        if (name.isEmpty()) {
            Optional<String> given = single(subject, X509TrustAnchor.GIVEN_NAME_OID);
            Optional<String> surname = single(subject, X509TrustAnchor.SURNAME_OID);
            if (given.isPresent() && surname.isPresent()) {
                name = Optional.of(given.get() + " " + surname.get());
            }
        }
        String fullName = name.orElseThrow(() -> new CredentialRefusal(RefusalReason.NO_PROFESSION, "no name"));
        return new CertificateIdentity(licence, fullName, profession(leaf, anchor));
    }

    /** Without the identity: this record must never reach a log line. */
    @Override
    public String toString() {
        return "CertificateIdentity[" + profession + "]";
    }

    private static Profession profession(X509Certificate leaf, X509TrustAnchor anchor) throws CredentialRefusal {
        byte[] ext = leaf.getExtensionValue(Extension.certificatePolicies.getId());
        if (ext == null) {
            throw new CredentialRefusal(RefusalReason.NO_PROFESSION, "no certificatePolicies");
        }
        Set<Profession> found = new HashSet<>();
        try {
            CertificatePolicies policies = CertificatePolicies.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
            for (PolicyInformation p : policies.getPolicyInformation()) {
                Profession mapped = anchor.professionByPolicy().get(p.getPolicyIdentifier().getId());
                if (mapped != null) {
                    found.add(mapped);
                }
            }
        } catch (RuntimeException e) {
            throw new CredentialRefusal(RefusalReason.NO_PROFESSION, "unreadable certificatePolicies");
        }
        if (found.size() != 1) {
            throw new CredentialRefusal(RefusalReason.NO_PROFESSION, found.size() + " professions in the policies");
        }
        return found.iterator().next();
    }

    /** The single string value of a subject attribute; empty if absent, repeated or not a string. */
    private static Optional<String> single(X500Name subject, String oid) {
        ASN1ObjectIdentifier type = new ASN1ObjectIdentifier(oid);
        List<String> values = new ArrayList<>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type)) {
                    if (!(atv.getValue() instanceof ASN1String s)) {
                        return Optional.empty();
                    }
                    values.add(s.getString().strip());
                }
            }
        }
        return values.size() == 1 && !values.get(0).isEmpty() ? Optional.of(values.get(0)) : Optional.empty();
    }
}
