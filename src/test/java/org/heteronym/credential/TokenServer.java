package org.heteronym.credential;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers GET {@code path} with {@code served.get(path)} (404 if absent) and counts the
 * requests, so a test can see that a status list was, or was never, fetched.
 */
final class TokenServer implements AutoCloseable {

    private final HttpServer server;

    TokenServer(Map<String, String> served, AtomicInteger requests) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String token = served.get(exchange.getRequestURI().getPath());
            byte[] body = token == null ? new byte[0] : token.getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "application/statuslist+jwt");
            exchange.sendResponseHeaders(token == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/} */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
