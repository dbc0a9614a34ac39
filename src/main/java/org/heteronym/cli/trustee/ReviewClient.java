package org.heteronym.cli.trustee;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.heteronym.cli.ServiceHttp;
import org.heteronym.cli.disclosure.TrusteeRequestSignature;
import org.heteronym.crypto.escrow.Scalar;

/**
 * The trustee review API, {@code {service}/disclosure/v1/review/requests}: every call, reads included, signed with
 * the static key d_i in the {@code Heteronym-Trustee} header (docs/disclosure.md §4).
 */
final class ReviewClient implements AutoCloseable {

    static final String BASE_PATH = "/disclosure/v1/review/requests";
    static final int MAX_JSON_BYTES = 8 << 20;
    static final int MAX_ORDER_BYTES = 4 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String origin;
    private final String prefix;
    private final UUID trustee;
    private final Scalar staticSecret;
    private final ServiceHttp http;

    ReviewClient(URI service, UUID trustee, Scalar staticSecret, Duration timeout) {
        String text = service.toString().replaceAll("/+$", "");
        URI base = URI.create(text);
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        this.prefix = base.getRawPath() == null ? "" : base.getRawPath();
        this.trustee = trustee;
        this.staticSecret = staticSecret;
        this.http = new ServiceHttp(timeout, "heteronym-trustee");
    }

    byte[] list() throws TrusteeException {
        return get(BASE_PATH, MAX_JSON_BYTES);
    }

    byte[] request(String id) throws TrusteeException {
        return get(BASE_PATH + "/" + id, MAX_JSON_BYTES);
    }

    byte[] order(String id) throws TrusteeException {
        return get(BASE_PATH + "/" + id + "/order", MAX_ORDER_BYTES, "application/octet-stream");
    }

    /** POSTs a JSON body; returns the status (201 stored, 200 already stored). */
    int post(String path, String json) throws TrusteeException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = signed("POST", BASE_PATH + path, body)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, 64 * 1024, 201, 200).status();
        } catch (ServiceHttp.Failure e) {
            throw TrusteeException.unavailable(e.getMessage());
        }
    }

    private byte[] get(String path, int maxBytes) throws TrusteeException {
        return get(path, maxBytes, "application/json");
    }

    private byte[] get(String path, int maxBytes, String accept) throws TrusteeException {
        try {
            return http.send(signed("GET", path, new byte[0]).setHeader("Accept", accept).GET().build(), maxBytes,
                    200).body();
        } catch (ServiceHttp.Failure e) {
            throw TrusteeException.unavailable(e.getMessage());
        }
    }

    /** The path signed is the one sent: the service's base path, if any, included. */
    private HttpRequest.Builder signed(String method, String path, byte[] body) throws ServiceHttp.Failure {
        String sent = prefix + path;
        return http.request(origin + sent).header("Accept", "application/json")
                .header(TrusteeRequestSignature.HEADER, TrusteeRequestSignature.header(trustee, staticSecret, method,
                        sent, Instant.now().getEpochSecond(), body, RANDOM));
    }

    @Override
    public void close() {
        http.close();
    }
}
