package org.heteronym.credential;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * A real CRL and OCSP responder on 127.0.0.1 (ephemeral port): GET /crl serves {@link #crl}, POST /ocsp answers with
 * a BC-built BasicOCSPResponse signed by {@link #signingKey} (the intermediate CA's by default), GOOD unless the serial
 * is marked revoked; serials marked unknown get UNKNOWN. /stall and /huge misbehave, to test timeouts and size limits.
 *
 * <p>Public for other features' tests (court orders): one responder answers for one issuer, whose key signs the
 * OCSP responses with SHA256withECDSA, so the issuer's key must be an EC key.
 */
public final class X509TestResponder implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<BigInteger, CertificateStatus> statuses = new ConcurrentHashMap<>();

    volatile byte[] crl = new byte[0];
    volatile PrivateKey signingKey;
    volatile X509Certificate signingCert;
    /** Certificates sent with the OCSP response (a delegated responder's). */
    volatile X509Certificate[] responseCerts = new X509Certificate[0];

    X509TestResponder(X509TestPki pki) throws IOException {
        this(pki.caKey.getPrivate(), pki.ca);
    }

    /** Answers OCSP for the certificates {@code issuer} issued, signing with {@code issuerKey}; serves no CRL yet. */
    public X509TestResponder(PrivateKey issuerKey, X509Certificate issuer) throws IOException {
        this.signingKey = issuerKey;
        this.signingCert = issuer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/crl", this::crl);
        server.createContext("/ocsp", this::ocsp);
        server.createContext("/stall", this::stall);
        server.createContext("/huge", this::huge);
        server.setExecutor(executor);
        server.start();
    }

    public String crlUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crl";
    }

    /** Answers headers, then stalls mid-body for 20 s. */
    String stallUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/stall";
    }

    /** Serves 2 MiB of junk. */
    String hugeUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/huge";
    }

    public String ocspUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp";
    }

    public void revoke(BigInteger serial) {
        statuses.put(serial, new RevokedStatus(Date.from(Instant.now().minus(Duration.ofHours(1))),
                CRLReason.keyCompromise));
    }

    /** Suspended: revoked with reason certificateHold (RFC 5280 §5.3.1), which the CA may lift later. */
    void hold(BigInteger serial) {
        statuses.put(serial, new RevokedStatus(Date.from(Instant.now().minus(Duration.ofHours(1))),
                CRLReason.certificateHold));
    }

    public void unknown(BigInteger serial) {
        statuses.put(serial, new UnknownStatus());
    }

    private void crl(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = crl;
            ex.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void stall(HttpExchange ex) throws IOException {
        try (ex) {
            ex.sendResponseHeaders(200, 1000);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[10]);
            out.flush();
            Thread.sleep(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void huge(HttpExchange ex) throws IOException {
        try (ex) {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 32; i++) {
                    out.write(chunk);
                }
            }
        } catch (IOException e) {
            // the client hung up, as it should
        }
    }

    private void ocsp(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                OCSPReq req = new OCSPReq(in.readNBytes(16 * 1024));
                X509CertificateHolder signer = new JcaX509CertificateHolder(signingCert);
                BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(
                        X500Name.getInstance(signer.getSubject())));
                Instant now = Instant.now();
                for (Req r : req.getRequestList()) {
                    CertificateStatus status = statuses.getOrDefault(r.getCertID().getSerialNumber(),
                            CertificateStatus.GOOD);
                    b.addResponse(r.getCertID(), status, Date.from(now.minus(Duration.ofMinutes(1))),
                            Date.from(now.plus(Duration.ofHours(1))), null);
                }
                X509CertificateHolder[] chain = new X509CertificateHolder[responseCerts.length];
                for (int i = 0; i < chain.length; i++) {
                    chain[i] = new JcaX509CertificateHolder(responseCerts[i]);
                }
                BasicOCSPResp basic = b.build(X509TestPki.signer(signingKey), chain, Date.from(now));
                body = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            } catch (Exception e) {
                ex.sendResponseHeaders(500, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** From now on, GET /crl serves {@code der}. */
    public void serveCrl(byte[] der) {
        crl = der.clone();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
