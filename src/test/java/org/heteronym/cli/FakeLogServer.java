package org.heteronym.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heteronym.crypto.tlog.TileException;
import org.heteronym.crypto.tlog.TilePath;

/**
 * Serves a {@link FakeLog} over the log's public HTTP API on 127.0.0.1 (ephemeral port), under {@code /log}, for
 * the {@code heteronym} command run in-process ({@link InProcessCli}).
 */
final class FakeLogServer implements AutoCloseable {

    private static final Pattern ENTRY = Pattern.compile("/log/v1/entries/(\\d+)");

    private final HttpServer server;
    volatile FakeLog log;
    /** Compress every response with Content-Encoding: gzip, as tlog-tiles allows without negotiation. */
    volatile boolean gzip;

    FakeLogServer(FakeLog log) throws IOException {
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/log/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/log";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            FakeLog current = log;
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/log/checkpoint")) {
                send(exchange, 200, "text/plain; charset=utf-8", current.checkpointNote.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/log/v1/vkey")) {
                send(exchange, 200, "text/plain", (current.signer.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/log/tile/")) {
                byte[] tile;
                try {
                    tile = current.tile(TilePath.parse(path.substring("/log/".length())));
                } catch (TileException e) {
                    problem(exchange, 400, "Bad tile path", e.getMessage());
                    return;
                }
                if (tile == null) {
                    problem(exchange, 404, "Not Found", "tile does not exist yet");
                } else {
                    send(exchange, 200, "application/octet-stream", tile);
                }
            } else if (ENTRY.matcher(path).matches()) {
                Matcher m = ENTRY.matcher(path);
                m.matches();
                long index = Long.parseLong(m.group(1));
                if (index >= current.size()) {
                    problem(exchange, 404, "Not Found", "no entry " + index);
                } else {
                    json(exchange, current.entryJson(index));
                }
            } else if (path.equals("/log/v1/proof/inclusion")) {
                long index = Long.parseLong(query.get("index"));
                long size = Long.parseLong(query.get("size"));
                if (size > current.size() || index >= size) {
                    problem(exchange, 400, "Bad Request", "no such proof");
                } else {
                    json(exchange, current.inclusionJson(index, size));
                }
            } else if (path.equals("/log/v1/proof/consistency")) {
                long oldSize = Long.parseLong(query.get("old"));
                long newSize = Long.parseLong(query.get("new"));
                if (newSize > current.size() || oldSize > newSize) {
                    problem(exchange, 400, "Bad Request", "no such proof");
                } else {
                    json(exchange, current.consistencyJson(oldSize, newSize));
                }
            } else {
                problem(exchange, 404, "Not Found", "no resource " + path);
            }
        } catch (RuntimeException e) {
            problem(exchange, 500, "Internal Server Error", e.toString());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return params;
    }

    private void json(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        String body = "{\"type\":\"about:blank\",\"title\":" + FakeLog.quote(title) + ",\"status\":" + status
                + ",\"detail\":" + FakeLog.quote(detail) + "}";
        send(exchange, status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (gzip) {
            java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(compressed)) {
                out.write(body);
            }
            body = compressed.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
