package org.heteronym.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmarks' HTTP/1.1 client: one keep-alive connection per load-generator thread and server, plain blocking
 * sockets (the generator's threads are virtual), no redirects followed. The load generator shares the two cores with
 * the server it measures, so its cost per request matters: the JDK's {@code HttpClient} spent about 320 µs of CPU per
 * request, which on this machine is a fifth of a core at 1,000 requests/s. This client writes one request and reads
 * one response (Content-Length, chunked, or until close), nothing more; a connection the server closed while idle is
 * reopened once. A cookie jar per simulated browser makes a "fresh browser" per login cost nothing but a new map.
 */
final class BenchHttp {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final ThreadLocal<Map<String, Connection>> CONNECTIONS = ThreadLocal.withInitial(HashMap::new);

    /** One answer, read whole. Header names are lower case. */
    record Answer(String method, String url, int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }

        /** The redirect target, resolved against the request. */
        String location() {
            String location = header("location");
            if (location == null) {
                throw new IllegalStateException(method + " " + URI.create(url).getPath() + " answered " + status
                        + " without a Location");
            }
            return URI.create(url).resolve(location).toString();
        }
    }

    /** One simulated browser: its cookies. */
    static final class Browser {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Answer get(String url) {
            return remember(send("GET", url, cookieHeader(), null, null));
        }

        Answer postJson(String url, String json) {
            return remember(send("POST", url, cookieHeader(), "application/json", json));
        }

        Answer postForm(String url, Map<String, String> form) {
            return remember(send("POST", url, cookieHeader(), "application/x-www-form-urlencoded", form(form)));
        }

        private Map<String, String> cookieHeader() {
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }

        private Answer remember(Answer answer) {
            for (String header : answer.headers().getOrDefault("set-cookie", List.of())) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return answer;
        }
    }

    private BenchHttp() {
    }

    /** A form POST with HTTP Basic client credentials (RFC 6749 §2.3.1). */
    static Answer postForm(String url, String clientId, String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return send("POST", url, Map.of("Authorization", "Basic " + basic), "application/x-www-form-urlencoded",
                form(form));
    }

    /** Any request; {@code contentType} and {@code body} may be null. */
    static Answer send(String method, String url, Map<String, String> headers, String contentType, String body) {
        URI uri = URI.create(url);
        String authority = uri.getHost() + ":" + uri.getPort();
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\nHost: ")
                .append(authority).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null || method.equals("POST")) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Connection> mine = CONNECTIONS.get();
        for (int attempt = 0; ; attempt++) {
            Connection connection = mine.get(authority);
            boolean reused = connection != null;
            try {
                if (connection == null) {
                    connection = new Connection(uri.getHost(), uri.getPort());
                    mine.put(authority, connection);
                }
                Answer answer = connection.exchange(method, url, request, content);
                if (!connection.open) {
                    mine.remove(authority);
                }
                return answer;
            } catch (IOException e) {
                mine.remove(authority);
                if (connection != null) {
                    connection.close();
                }
                if (!(reused && attempt == 0 && e instanceof StaleConnection)) {
                    throw new IllegalStateException(method + " " + url + " failed: " + e, e);
                }
            }
        }
    }

    /** The server closed a kept-alive connection before answering anything on it: safe to send again. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("connection closed before any answer");
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean open = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
        }

        Answer exchange(String method, String url, byte[] head, byte[] body) throws IOException {
            out.write(head);
            out.write(body);
            out.flush();
            String statusLine = line(true);
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            Map<String, List<String>> headers = new HashMap<>();
            for (String line = line(false); !line.isEmpty(); line = line(false)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>(1)).add(line.substring(colon + 1).strip());
            }
            String length = first(headers, "content-length");
            byte[] content;
            if (status == 204 || status == 304) {
                content = new byte[0];
            } else if (length != null) {
                content = in.readNBytes(Integer.parseInt(length));
            } else if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
                content = chunked();
            } else {
                content = in.readAllBytes();
                open = false;
            }
            if ("close".equalsIgnoreCase(first(headers, "connection"))) {
                open = false;
            }
            if (!open) {
                close();
            }
            return new Answer(method, url, status, headers, new String(content, StandardCharsets.UTF_8));
        }

        private byte[] chunked() throws IOException {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                content.write(in.readNBytes(size));
                line(false);
            }
            for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
                // trailers are not used here
            }
            return content.toByteArray();
        }

        private int chunkSize() throws IOException {
            String line = line(false);
            int semicolon = line.indexOf(';');
            return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
        }

        private String line(boolean first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    if (first && line.isEmpty()) {
                        throw new StaleConnection();
                    }
                    throw new IOException("connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static String first(Map<String, List<String>> headers, String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.getFirst();
        }

        void close() {
            open = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket
            }
        }
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        return query == null ? Map.of() : Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
    }

    /** Fails the operation unless the answer has this status. */
    static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException(answer.method() + " " + URI.create(answer.url()).getPath() + " answered "
                    + answer.status() + ": " + abbreviate(answer.body()));
        }
        return answer;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
