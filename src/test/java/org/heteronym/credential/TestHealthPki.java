package org.heteronym.credential;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.heteronym.testing.ServiceProcess;
import org.heteronym.testing.TrusteeProcesses;

/**
 * A health-professional PKI for tests outside this package: a root and an intermediate CA (Bouncy Castle), a real
 * OCSP and CRL responder on loopback, doctors' certificates, their CMS signatures, and revocation.
 */
public final class TestHealthPki implements AutoCloseable {

    /** What a doctor holds: a certificate and its key, which can sign a challenge. */
    public static final class Doctor {
        private final X509TestPki pki;
        private final X509TestPki.Leaf leaf;

        private Doctor(X509TestPki pki, X509TestPki.Leaf leaf) {
            this.pki = pki;
            this.leaf = leaf;
        }

        /** A CMS SignedData over {@code content}, encapsulated, as {@code openssl cms -sign -nodetach} makes it. */
        public byte[] sign(byte[] content) throws Exception {
            return pki.sign(content, true, leaf);
        }

        public X509Certificate certificate() {
            return leaf.cert();
        }
    }

    private final X509TestPki pki;
    private final X509TestResponder responder;

    private TestHealthPki(X509TestPki pki, X509TestResponder responder) {
        this.pki = pki;
        this.responder = responder;
    }

    public static TestHealthPki start(String name) throws Exception {
        X509TestPki pki = X509TestPki.create(name);
        X509TestResponder responder = new X509TestResponder(pki);
        responder.crl = pki.crl(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofDays(1)));
        return new TestHealthPki(pki, responder);
    }

    /** The trust anchor to register: the intermediate "health professionals" CA, as PEM. */
    public String caPem() throws Exception {
        return pem(pki.ca);
    }

    /** The policy OIDs this PKI's certificates carry, mapped to profession wire names, for the anchor's rules. */
    /** Registers this PKI's CA as a trust anchor of a service process under {@code id} (operator API). */
    public void trustedBy(ServiceProcess service, String id) throws Exception {
        TrusteeProcesses.post(service, "/admin/v1/trust-anchors", Map.of("id", id,
                "ca_certificates", List.of(caPem()), "profession_by_policy", professionByPolicy()), 201);
    }

    public static Map<String, String> professionByPolicy() {
        return Map.of(X509TestPki.PHYSICIAN_POLICY, "physician", X509TestPki.RESIDENT_POLICY, "resident");
    }

    /** A physician certificate with an OCSP responder, valid for a year. */
    public Doctor physician(String name, String licence) throws Exception {
        return new Doctor(pki, pki.leaf().commonName(name).licence(licence).ocsp(responder.ocspUrl()).build());
    }

    /** A resident's certificate (the resident policy OID), with an OCSP responder. */
    public Doctor resident(String name, String licence) throws Exception {
        return new Doctor(pki, pki.leaf().commonName(name).licence(licence).policy(X509TestPki.RESIDENT_POLICY)
                .ocsp(responder.ocspUrl()).build());
    }

    /** A certificate that expired yesterday. */
    public Doctor expiredPhysician(String name, String licence) throws Exception {
        return new Doctor(pki, pki.leaf().commonName(name).licence(licence).ocsp(responder.ocspUrl())
                .validity(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(1))).build());
    }

    /** The CA revokes the doctor's certificate: its OCSP responder says so from now on. */
    public void revoke(Doctor doctor) {
        responder.revoke(doctor.certificate().getSerialNumber());
    }

    private static String pem(X509Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public void close() throws IOException {
        responder.close();
    }
}
