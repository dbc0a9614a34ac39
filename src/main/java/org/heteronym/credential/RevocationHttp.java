package org.heteronym.credential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP side of revocation checking: one exchange with a total time bound and a body bound, no redirects.
 * A responder is outside our control, so a slow or endless answer must cost a bounded amount of time and memory.
 */
final class RevocationHttp {

    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    RevocationHttp(Duration connectTimeout, Duration requestTimeout, int maxBytes) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = Objects.requireNonNull(requestTimeout);
        this.maxBytes = maxBytes;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * The body of a 200 response, or empty. The whole exchange (connect, headers and body) must finish within the
     * request timeout, and a body larger than the bound is abandoned as it arrives.
     */
    Optional<byte[]> send(HttpRequest request) throws InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> bounded(maxBytes));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
        return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    }

    /** Collects at most {@code max} bytes, then cancels the stream and fails. */
    private static HttpResponse.BodySubscriber<byte[]> bounded(int max) {
        return new HttpResponse.BodySubscriber<>() {
            private final CompletableFuture<byte[]> result = new CompletableFuture<>();
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<byte[]> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                if (result.isDone()) {
                    return;
                }
                for (ByteBuffer b : buffers) {
                    if (out.size() + b.remaining() > max) {
                        subscription.cancel();
                        result.completeExceptionally(new IOException("response larger than " + max + " bytes"));
                        return;
                    }
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    out.write(chunk, 0, chunk.length);
                }
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.complete(out.toByteArray());
            }
        };
    }
}
