package org.heteronym.credential;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real status list server on 127.0.0.1 (ephemeral port): GET /lists/{name} serves the token put there, else 404. */
final class StatusListTestServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    StatusListTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lists/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                String token = tokens.get(exchange.getRequestURI().getPath().substring("/lists/".length()));
                if (token == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = token.getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().add("Content-Type", "application/statuslist+jwt");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    String uri(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/lists/" + name;
    }

    void serve(String name, String token) {
        tokens.put(name, token);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
