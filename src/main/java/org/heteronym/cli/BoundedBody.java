package org.heteronym.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an HTTP response body into memory, up to a limit, so that a hostile server cannot exhaust the
 * auditor's memory. Past the limit it cancels the download and either fails ({@link TooLarge}) or, for error
 * bodies that are only shown to the user, keeps the first bytes.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body exceeded the limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("response too large");
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final int maxBytes;
    private final boolean truncate;
    private Flow.Subscription subscription;
    private boolean done;

    public BoundedBody(int maxBytes, boolean truncate) {
        this.maxBytes = maxBytes;
        this.truncate = truncate;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = maxBytes - buffer.size();
            if (item.remaining() > room) {
                done = true;
                subscription.cancel();
                if (truncate) {
                    byte[] part = new byte[room];
                    item.get(part);
                    buffer.writeBytes(part);
                    result.complete(buffer.toByteArray());
                } else {
                    result.completeExceptionally(new TooLarge());
                }
                return;
            }
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            buffer.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        done = true;
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        done = true;
        result.complete(buffer.toByteArray());
    }
}
