package org.heteronym.cli.trustee;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import org.heteronym.crypto.escrow.dkg.CeremonyOutcome;
import org.heteronym.crypto.escrow.dkg.CeremonyParameters;
import org.heteronym.crypto.escrow.dkg.DkgAbortException;
import org.heteronym.crypto.escrow.dkg.DkgTranscript;
import org.heteronym.crypto.escrow.dkg.TranscriptVerifier;

/**
 * A minimal ceremony coordinator on the JDK HTTP server (127.0.0.1, ephemeral port) implementing the service's
 * ceremony API: stores messages, relays them when a round is complete, and verifies the transcript with
 * {@link TranscriptVerifier} when Round 2 completes. {@link #tamperRound1Of} makes it corrupt one participant's
 * Round 1 message in what it relays.
 */
final class FakeCoordinator implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Base64.Encoder B64 = Base64.getEncoder();

    final String id;
    final CeremonyParameters params;
    final HttpServer server;
    final byte[][][] messages;
    volatile int tamperRound1Of;
    String state = "round1";
    CeremonyOutcome outcome;
    String abortReason;
    Integer culprit;

    FakeCoordinator(String id, CeremonyParameters params) throws IOException {
        this.id = id;
        this.params = params;
        int n = params.participantCount();
        this.messages = new byte[][][] {new byte[n][], new byte[n][]};
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/escrow/v1/ceremonies/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized CeremonyOutcome outcome() {
        return outcome;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/escrow/v1/ceremonies/".length());
            String[] parts = path.split("/");
            if (!parts[0].equals(id)) {
                problem(exchange, 404, "no such ceremony");
                return;
            }
            synchronized (this) {
                String method = exchange.getRequestMethod();
                if (parts.length == 1 && method.equals("GET")) {
                    json(exchange, 200, ceremony());
                } else if (parts.length == 2 && method.equals("GET") && parts[1].matches("round[12]")) {
                    json(exchange, 200, round(parts[1].charAt(5) - '1'));
                } else if (parts.length == 3 && method.equals("PUT") && parts[1].matches("round[12]")) {
                    put(exchange, parts[1].charAt(5) - '1', Integer.parseInt(parts[2]),
                            exchange.getRequestBody().readNBytes(1 << 20));
                } else {
                    problem(exchange, 404, "not found");
                }
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private ObjectNode ceremony() {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id);
        json.put("session_id", B64.encodeToString(params.sessionId()));
        json.put("threshold", params.threshold());
        ArrayNode list = json.putArray("participants");
        for (int i = 1; i <= params.participantCount(); i++) {
            list.addObject().put("index", i).put("name", "trustee " + i)
                    .put("public_key", B64.encodeToString(params.participantKey(i).encode()));
        }
        json.put("context", params.context().toHex());
        json.put("state", state);
        if (outcome != null) {
            json.put("epoch_id", outcome.transcriptHash().toHex());
            json.put("joint_key", B64.encodeToString(outcome.jointKey().encode()));
        }
        if (abortReason != null) {
            json.put("abort_reason", abortReason);
            json.put("culprit", culprit);
        }
        return json;
    }

    synchronized ObjectNode round(int r) {
        long received = Arrays.stream(messages[r]).filter(m -> m != null).count();
        ObjectNode json = JSON.createObjectNode();
        boolean complete = received == params.participantCount();
        json.put("complete", complete);
        json.put("received", received);
        if (complete) {
            ArrayNode list = json.putArray("messages");
            for (int i = 0; i < messages[r].length; i++) {
                byte[] m = messages[r][i].clone();
                if (r == 0 && tamperRound1Of == i + 1) {
                    m[m.length / 2] ^= 0x01;
                }
                list.add(B64.encodeToString(m));
            }
        }
        return json;
    }

    private void put(HttpExchange exchange, int r, int index, byte[] body) throws IOException {
        if (index < 1 || index > params.participantCount()) {
            problem(exchange, 404, "no participant " + index);
            return;
        }
        byte[] stored = messages[r][index - 1];
        if (stored != null) {
            if (Arrays.equals(stored, body)) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                problem(exchange, 409, "a different message is stored for participant " + index);
            }
            return;
        }
        if (!state.equals("round" + (r + 1))) {
            problem(exchange, 409, "the ceremony is in state " + state);
            return;
        }
        try {
            if (r == 0) {
                TranscriptVerifier.checkRound1Message(params, index, body);
            } else {
                TranscriptVerifier.checkRound2Message(params, Arrays.asList(messages[0]), index, body);
            }
        } catch (DkgAbortException e) {
            problem(exchange, 400, e.getMessage());
            return;
        }
        messages[r][index - 1] = body;
        exchange.sendResponseHeaders(201, -1);
        if (Arrays.stream(messages[r]).allMatch(m -> m != null)) {
            if (r == 0) {
                state = "round2";
            } else {
                try {
                    outcome = TranscriptVerifier.verify(new DkgTranscript(params, Arrays.asList(messages[0]),
                            Arrays.asList(messages[1])));
                    state = "complete";
                } catch (DkgAbortException e) {
                    state = "aborted";
                    abortReason = e.reason().toString();
                    culprit = e.culprit();
                }
            }
        }
    }

    private static void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(JSON.createObjectNode().put("title", "error").put("detail", detail));
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
