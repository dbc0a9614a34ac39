package org.heteronym.credential;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Revocation by OCSP or CRL over HTTP (java.net.http).
 *
 * <p>If the certificate's Authority Information Access names an OCSP responder, OCSP alone decides (no fallback to
 * the CRL): the request carries a SHA-1 CertID (no nonce); the response must be signed by the issuer itself or by a
 * delegated responder certificate issued by the issuer, valid now and carrying id-kp-OCSPSigning; it must contain a
 * SingleResponse for exactly our CertID, with thisUpdate not in the future and nextUpdate not passed (or, without
 * nextUpdate, thisUpdate at most {@link #MAX_OCSP_AGE} old). Otherwise the first http(s) URL of the CRL distribution
 * points is fetched; the CRL must be issued and signed by the issuer, and its nextUpdate present and not passed. CRLs
 * are cached in memory until their nextUpdate.
 *
 * <p>Both protocols need only the issuer certificate and the serial number (RFC 6960 §4.1.1 CertID: hashes of the
 * issuer's name and key, and the serial; RFC 5280 §5.3 CRL entries: the serial under the issuer's signature), so
 * {@link #check(X509Certificate, BigInteger, List, List, Instant)} works without the leaf certificate: the licence
 * monitor keeps only a {@link LicenceStatusHandle.CertificateStatus}, never the member's certificate.
 *
 * <p>Any failure (no URL, timeout, oversize, bad signature, stale data) gives {@link Status#UNAVAILABLE}; callers must
 * refuse on anything but {@link Status#GOOD}. URLs come from certificates; callers should pass only certificates that
 * already chain to a trusted anchor.
 */
public final class X509RevocationChecker implements RevocationChecker {

    /** Largest OCSP response or CRL read. */
    public static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    /** Accepted clock difference with responders. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Oldest acceptable OCSP response when it has no nextUpdate. */
    public static final Duration MAX_OCSP_AGE = Duration.ofHours(24);

    /** CRLs kept in memory at most (the cache is emptied when full). */
    public static final int MAX_CACHED_CRLS = 64;

    private static final Provider BC = new BouncyCastleProvider();

    private final RevocationHttp http;
    private final Map<String, X509CRL> crlCache = new ConcurrentHashMap<>();

    /** With 5 s connect and 10 s request timeouts. */
    public X509RevocationChecker() {
        this(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public X509RevocationChecker(Duration connectTimeout, Duration requestTimeout) {
        this.http = new RevocationHttp(connectTimeout, requestTimeout, MAX_RESPONSE_BYTES);
    }

    /** Reads the OCSP and CRL URLs from {@code cert} and checks its serial number. */
    @Override
    public Status check(X509Certificate cert, X509Certificate issuer, Instant now) {
        List<URI> ocsp;
        List<URI> crls;
        try {
            ocsp = RevocationUrls.ocspUrls(cert);
            crls = RevocationUrls.crlUrls(cert);
        } catch (RuntimeException e) {
            return Status.UNAVAILABLE;  // unreadable AIA or CRL distribution points
        }
        return check(issuer, cert.getSerialNumber(), ocsp, crls, now);
    }

    /**
     * The status of the certificate with {@code serial} issued by {@code issuer}: by OCSP at the first of
     * {@code ocspUrls} if there is one, otherwise by the CRL at the first of {@code crlUrls}.
     *
     * @param issuer   the certificate that issued the one checked; it must sign the OCSP response (or the delegated
     *                 responder's certificate) and the CRL
     * @param serial   the checked certificate's serial number
     * @param ocspUrls the OCSP responders its Authority Information Access names
     * @param crlUrls  the http(s) URLs of its CRL distribution points
     * @param now      the instant at which the answer must be fresh
     */
    public Status check(X509Certificate issuer, BigInteger serial, List<URI> ocspUrls, List<URI> crlUrls,
                        Instant now) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(now, "now");
        try {
            if (!ocspUrls.isEmpty()) {
                return ocsp(issuer, serial, ocspUrls.get(0), now);
            }
            if (!crlUrls.isEmpty()) {
                return crl(issuer, serial, crlUrls.get(0), now);
            }
            return Status.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.UNAVAILABLE;
        } catch (Exception e) {
            return Status.UNAVAILABLE;
        }
    }

    // ---- OCSP

    private Status ocsp(X509Certificate issuer, BigInteger serial, URI url, Instant now) throws Exception {
        X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
        CertificateID id = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().setProvider(BC).build().get(CertificateID.HASH_SHA1),
                issuerHolder, serial);
        OCSPReq req = new OCSPReqBuilder().addRequest(id).build();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(http.timeout())
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded()))
                .build();
        Optional<byte[]> body = http.send(request);
        if (body.isEmpty()) {
            return Status.UNAVAILABLE;
        }
        OCSPResp resp = new OCSPResp(body.get());
        if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
            return Status.UNAVAILABLE;
        }
        if (!signedByIssuerOrDelegate(basic, issuer, now)) {
            return Status.UNAVAILABLE;
        }
        for (SingleResp single : basic.getResponses()) {
            if (!sameCertId(single.getCertID(), id)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
                return Status.UNAVAILABLE;
            }
            Date next = single.getNextUpdate();
            if (next != null ? next.toInstant().plus(CLOCK_SKEW).isBefore(now)
                    : thisUpdate.plus(MAX_OCSP_AGE).isBefore(now)) {
                return Status.UNAVAILABLE;
            }
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return Status.GOOD;
            }
            if (status instanceof RevokedStatus) {
                return Status.REVOKED;  // any reason, certificateHold (suspension) included
            }
            if (status instanceof UnknownStatus) {
                return Status.UNKNOWN;
            }
            return Status.UNAVAILABLE;
        }
        return Status.UNAVAILABLE;
    }

    /** Same hash algorithm, issuer name and key hashes and serial; tolerant of absent vs NULL algorithm parameters. */
    private static boolean sameCertId(CertificateID a, CertificateID b) {
        return a.getHashAlgOID().equals(b.getHashAlgOID())
                && Arrays.equals(a.getIssuerNameHash(), b.getIssuerNameHash())
                && Arrays.equals(a.getIssuerKeyHash(), b.getIssuerKeyHash())
                && a.getSerialNumber().equals(b.getSerialNumber());
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer, Instant now)
            throws Exception {
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder().setProvider(BC);
        ContentVerifierProvider byIssuer = verifiers.build(issuer.getPublicKey());
        if (basic.isSignatureValid(byIssuer)) {
            return true;
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            if (!responder.getIssuer().equals(new JcaX509CertificateHolder(issuer).getSubject())
                    || !responder.isSignatureValid(byIssuer)
                    || !responder.isValidOn(Date.from(now))) {
                continue;
            }
            org.bouncycastle.asn1.x509.ExtendedKeyUsage eku =
                    org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions());
            if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                continue;
            }
            if (basic.isSignatureValid(verifiers.build(responder))) {
                return true;
            }
        }
        return false;
    }

    // ---- CRL

    private Status crl(X509Certificate issuer, BigInteger serial, URI url, Instant now) throws Exception {
        // Keyed by the issuer's key too, not only its name: a CRL verified under one key must never answer for
        // another issuer that merely shares the name and the distribution point.
        String key = url + "|" + issuer.getSubjectX500Principal().getName() + "|"
                + Base64.getEncoder().encodeToString(issuer.getPublicKey().getEncoded());
        X509CRL crl = crlCache.get(key);
        if (crl == null || !fresh(crl, now)) {
            crlCache.remove(key);
            Optional<byte[]> body = http.send(HttpRequest.newBuilder(url).timeout(http.timeout()).GET().build());
            if (body.isEmpty()) {
                return Status.UNAVAILABLE;
            }
            crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(body.get()));
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                return Status.UNAVAILABLE;
            }
            try {
                crl.verify(issuer.getPublicKey());
            } catch (Exception e) {
                return Status.UNAVAILABLE;
            }
            if (!fresh(crl, now)) {
                return Status.UNAVAILABLE;
            }
            if (crlCache.size() >= MAX_CACHED_CRLS) {
                crlCache.clear();
            }
            crlCache.put(key, crl);
        }
        // An entry revokes whatever its reason, certificateHold included: the licence monitor suspends on either.
        X509CRLEntry entry = crl.getRevokedCertificate(serial);
        return entry == null ? Status.GOOD : Status.REVOKED;
    }

    private static boolean fresh(X509CRL crl, Instant now) {
        return crl.getNextUpdate() != null
                && !crl.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))
                && crl.getNextUpdate().toInstant().plus(CLOCK_SKEW).isAfter(now);
    }
}
