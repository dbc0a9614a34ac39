package org.heteronym.credential;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CA certificates as the operator submits them (PEM) and as they are stored and logged (base64 DER), checked
 * defensively: one certificate per PEM, DER exactly as it re-encodes, a CA (basicConstraints cA), allowed to sign
 * certificates when it states a key usage, and not expired.
 */
public final class CaCertificates {

    public static final int MAX_PEM_CHARS = 16_384;
    /** A CA certificate is one to two KiB; the bound keeps a four-certificate anchor well inside one log entry. */
    public static final int MAX_DER_BYTES = 8_192;

    private static final Pattern PEM = Pattern.compile(
            "\\s*-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----\\s*");
    private static final int KEY_CERT_SIGN = 5;

    private CaCertificates() {
    }

    /** The certificate in {@code pem} (the {@code index}th of the request), if it is a usable CA at {@code now}. */
    static X509Certificate parsePem(int index, String pem, Instant now) {
        String where = "ca_certificates[" + index + "]";
        if (pem == null || pem.length() > MAX_PEM_CHARS) {
            throw bad(where + " must be a PEM certificate of at most " + MAX_PEM_CHARS + " characters");
        }
        Matcher m = PEM.matcher(pem);
        if (!m.matches()) {
            throw bad(where + " is not exactly one PEM block \"-----BEGIN CERTIFICATE-----\"");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw bad(where + " has invalid base64");
        }
        X509Certificate cert = parseDer(where, der);
        if (cert.getVersion() != 3 || cert.getBasicConstraints() < 0) {
            throw bad(where + " is not a CA certificate (no basicConstraints with cA true): "
                    + cert.getSubjectX500Principal().getName());
        }
        boolean[] keyUsage = cert.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN])) {
            throw bad(where + " has a key usage without keyCertSign");
        }
        if (!cert.getNotAfter().toInstant().isAfter(now)) {
            throw bad(where + " expired on " + cert.getNotAfter().toInstant());
        }
        return cert;
    }

    /** A stored certificate; {@code where} names it in refusals. */
    public static X509Certificate parseDer(String where, byte[] der) {
        if (der.length == 0 || der.length > MAX_DER_BYTES) {
            throw bad(where + " must be 1 to " + MAX_DER_BYTES + " bytes of DER");
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            // refuse BER, trailing bytes and anything else that has two encodings of one certificate
            if (!Arrays.equals(cert.getEncoded(), der)) {
                throw bad(where + " is not DER-encoded");
            }
            return cert;
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof CredentialAdminRefusal refusal) {
                throw refusal;
            }
            throw bad(where + " is not an X.509 certificate");
        }
    }

    /** The certificates of a request, none repeated. */
    public static List<X509Certificate> parseAll(List<String> pems, Instant now) {
        List<X509Certificate> certs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < pems.size(); i++) {
            X509Certificate cert = parsePem(i, pems.get(i), now);
            String fingerprint = sha256(cert);
            if (seen.contains(fingerprint)) {
                throw bad("ca_certificates[" + i + "] repeats an earlier certificate");
            }
            seen.add(fingerprint);
            certs.add(cert);
        }
        return certs;
    }

    /** Lower-case hex SHA-256 of the DER: the fingerprint operators compare with the CA's published one. */
    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der(cert)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate does not encode", e);
        }
    }

    private static CredentialAdminRefusal bad(String detail) {
        return new CredentialAdminRefusal(CredentialProblem.BAD_CERTIFICATE, detail);
    }
}
