package org.heteronym.credential;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A certification authority this service trusts for health-professional certificates (e.g. France's IGC-Santé,
 * Germany's eHBA PKI), and the rules that read a member's identity from the leaf certificates it issues.
 *
 * <p><b>Profession mechanism: certificate policies.</b> The profession is read <em>only</em> from the leaf's
 * certificatePolicies extension: each policy OID present in the leaf is looked up in {@link #professionByPolicy()};
 * the policies that map must all name the same {@link Profession}, otherwise (none, or two different ones) the
 * credential is refused with {@link RefusalReason#NO_PROFESSION}. Policies were chosen over subject attributes
 * (title, OU) because a CA asserts a policy deliberately and policy OIDs are not free text.
 *
 * <p><b>Identity.</b> The licence number is the single value of the subject attribute {@link #licenceAttributeOid()}
 * (default serialNumber, 2.5.4.5). The name is the single value of {@link #nameAttributeOid()} (default CN,
 * 2.5.4.3); when the subject has no such attribute the name is givenName + " " + surname.
 *
 * @param id                  stable id of the anchor, recorded as the credential's authority (e.g. {@code fr-igc-sante})
 * @param caCertificates      the trusted CA certificates (roots or intermediates used as trust anchors)
 * @param licenceAttributeOid subject attribute OID holding the licence number
 * @param nameAttributeOid    subject attribute OID holding the full name
 * @param professionByPolicy  certificate policy OID to profession
 */
public record X509TrustAnchor(String id, List<X509Certificate> caCertificates, String licenceAttributeOid,
                              String nameAttributeOid, Map<String, Profession> professionByPolicy) {

    /** serialNumber (2.5.4.5). */
    public static final String SERIAL_NUMBER_OID = "2.5.4.5";
    /** commonName (2.5.4.3). */
    public static final String COMMON_NAME_OID = "2.5.4.3";
    /** givenName (2.5.4.42). */
    public static final String GIVEN_NAME_OID = "2.5.4.42";
    /** surname (2.5.4.4). */
    public static final String SURNAME_OID = "2.5.4.4";

    public X509TrustAnchor {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("anchor id is blank");
        }
        caCertificates = List.copyOf(caCertificates);
        if (caCertificates.isEmpty()) {
            throw new IllegalArgumentException("anchor " + id + " has no CA certificate");
        }
        Objects.requireNonNull(licenceAttributeOid, "licenceAttributeOid");
        Objects.requireNonNull(nameAttributeOid, "nameAttributeOid");
        professionByPolicy = Map.copyOf(professionByPolicy);
        if (professionByPolicy.isEmpty()) {
            throw new IllegalArgumentException("anchor " + id + " maps no policy to a profession");
        }
    }

    /** An anchor with the default identity rules: licence number in serialNumber, name in CN (or givenName + surname). */
    public static X509TrustAnchor of(String id, List<X509Certificate> caCertificates,
                                     Map<String, Profession> professionByPolicy) {
        return new X509TrustAnchor(id, caCertificates, SERIAL_NUMBER_OID, COMMON_NAME_OID, professionByPolicy);
    }
}
