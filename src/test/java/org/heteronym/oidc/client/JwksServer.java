package org.heteronym.oidc.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A forum's web server on loopback serving JWK Sets, one per path, each answer chosen by the test: a set, an error
 * status, a late answer or a body trickled slower than our timeout. It counts the requests each path received.
 */
final class JwksServer implements AutoCloseable {

    /** How a path answers. */
    record Answer(int status, String body, long delayMillis, boolean trickle) {
        static Answer keys(PublicJsonWebKey... keys) {
            return body(new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }

        static Answer body(String body) {
            return new Answer(200, body, 0, false);
        }

        static Answer status(int status) {
            return new Answer(status, "", 0, false);
        }

        Answer late(long millis) {
            return new Answer(status, body, millis, trickle);
        }

        /** Headers at once, then one byte a second. */
        Answer trickled() {
            return new Answer(status, body, delayMillis, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger paths = new AtomicInteger();

    JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(path, Answer.status(404));
            try (exchange) {
                Thread.sleep(answer.delayMillis());
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                OutputStream out = exchange.getResponseBody();
                for (byte b : body) {
                    out.write(b);
                    if (answer.trickle()) {
                        out.flush();
                        Thread.sleep(1000);
                    }
                }
            } catch (InterruptedException | IOException e) {
                // the client went away (as ours does when a body is too slow or too large)
            }
        });
        server.start();
    }

    /** A new path answering {@code answer}; returns its URL. */
    String serve(Answer answer) {
        String path = "/jwks-" + paths.incrementAndGet();
        answers.put(path, answer);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on the path of {@code url} answers {@code answer}. */
    void change(String url, Answer answer) {
        answers.put(pathOf(url), answer);
    }

    int hits(String url) {
        AtomicInteger count = hits.get(pathOf(url));
        return count == null ? 0 : count.get();
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf('/', "http://".length()));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
