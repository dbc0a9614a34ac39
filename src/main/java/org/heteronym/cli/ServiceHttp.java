package org.heteronym.cli;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with the service, bounded in size and time, for the trustee and officer tools: a response
 * with an expected status is returned, anything else (transport failure, timeout, other status, oversized body)
 * becomes a {@link Failure} whose message says what happened, with the problem document's title and detail.
 */
public final class ServiceHttp implements AutoCloseable {

    private static final int MAX_ERROR_BYTES = 16 * 1024;

    /** The exchange failed; the message is meant for the user. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        public Failure(String message) {
            super(message);
        }
    }

    /** A response with one of the expected statuses. */
    public record Response(int status, byte[] body) {
    }

    private final Duration timeout;
    private final String userAgent;
    private final HttpClient http;

    public ServiceHttp(Duration timeout, String userAgent) {
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A request builder for {@code url} with this client's timeout and user agent. */
    public HttpRequest.Builder request(String url) throws Failure {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("User-Agent", userAgent);
        } catch (IllegalArgumentException e) {
            throw new Failure("cannot build a request for " + url + ": " + e.getMessage());
        }
    }

    /** Sends {@code request}; a status outside {@code okStatus} or a body over {@code maxBytes} fails. */
    public Response send(HttpRequest request, int maxBytes, int... okStatus) throws Failure {
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> isOk(info.statusCode(),
                okStatus) ? new BoundedBody(maxBytes, false) : new BoundedBody(MAX_ERROR_BYTES, true));
        HttpResponse<byte[]> response;
        String what = request.method() + " " + request.uri();
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new Failure("timed out after " + timeout.toSeconds() + " s: " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (HttpText.inCauses(cause, HttpTimeoutException.class)) {
                throw new Failure("timed out after " + timeout.toSeconds() + " s: " + what);
            }
            if (HttpText.inCauses(cause, BoundedBody.TooLarge.class)) {
                throw new Failure("server error: response to " + what + " exceeds " + maxBytes + " bytes");
            }
            if (HttpText.inCauses(cause, ConnectException.class)) {
                throw new Failure("cannot connect to the service for " + what + "; is it running and is the URL "
                        + "right?");
            }
            throw new Failure("cannot " + what + ": " + HttpText.firstMessage(cause));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted: " + what);
        }
        if (!isOk(response.statusCode(), okStatus)) {
            throw new Failure("server error: HTTP " + response.statusCode() + " for " + what
                    + HttpText.problemDetail(response, response.body()));
        }
        return new Response(response.statusCode(), response.body());
    }

    private static boolean isOk(int status, int... okStatus) {
        for (int ok : okStatus) {
            if (status == ok) {
                return true;
            }
        }
        return false;
    }

    /** Abandons anything still in flight. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
