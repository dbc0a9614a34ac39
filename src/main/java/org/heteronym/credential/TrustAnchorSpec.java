package org.heteronym.credential;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trust anchor as the operator asks to register it, not yet checked.
 *
 * @param licenceAttributeOid null for the default, serialNumber (2.5.4.5)
 * @param nameAttributeOid    null for the default, CN (2.5.4.3)
 * @param professionByPolicy  certificate policy OID → profession wire name ({@link Profession#wireName()})
 */
public record TrustAnchorSpec(String id, List<String> caCertificates, String licenceAttributeOid,
                              String nameAttributeOid, Map<String, String> professionByPolicy) {

    public static final int MAX_CA_CERTIFICATES = 4;
    public static final int MAX_POLICIES = 32;

    /** The anchor this spec defines, or a {@link CredentialAdminRefusal} naming the first thing wrong with it. */
    public X509TrustAnchor validate(Instant now) {
        RegistryRules.id(id);
        if (caCertificates == null || caCertificates.isEmpty() || caCertificates.size() > MAX_CA_CERTIFICATES) {
            throw new CredentialAdminRefusal(CredentialProblem.BAD_CERTIFICATE,
                    "ca_certificates needs 1 to " + MAX_CA_CERTIFICATES + " PEM certificates");
        }
        return withCertificates(CaCertificates.parseAll(caCertificates, now));
    }

    /** The anchor with these (already checked) certificates and this spec's id and rules, checked. */
    X509TrustAnchor withCertificates(List<X509Certificate> certs) {
        RegistryRules.id(id);
        String licenceOid = licenceAttributeOid == null ? X509TrustAnchor.SERIAL_NUMBER_OID
                : RegistryRules.oid("licence_attribute_oid", licenceAttributeOid);
        String nameOid = nameAttributeOid == null ? X509TrustAnchor.COMMON_NAME_OID
                : RegistryRules.oid("name_attribute_oid", nameAttributeOid);
        RegistryRules.count("profession_by_policy", professionByPolicy, MAX_POLICIES);
        Map<String, Profession> professions = new LinkedHashMap<>();
        professionByPolicy.forEach((policy, profession) -> professions.put(
                RegistryRules.oid("profession_by_policy key", policy),
                RegistryRules.profession("profession_by_policy[" + policy + "]", profession)));
        return new X509TrustAnchor(id, certs, licenceOid, nameOid, professions);
    }
}
