package org.heteronym.cli.trustee;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.heteronym.cli.ServiceHttp;
import org.heteronym.cli.HttpText;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/**
 * The service's ceremony API, {@code {service}/escrow/v1/ceremonies/{id}}: the ceremony document, and per round
 * a PUT of this trustee's message and a GET of the collected messages.
 *
 * <p>Nothing returned here is trusted; the caller verifies it. Transport problems, HTTP errors and unparseable
 * responses become {@link TrusteeException#unavailable} (exit 2). Every response is bounded in size and time.
 */
final class CeremonyClient implements AutoCloseable {

    static final Pattern CEREMONY_ID = Pattern.compile("[A-Za-z0-9._~-]{1,200}");
    static final int MAX_CEREMONY_BYTES = 1 << 20;
    /** n ≤ 255 messages of at most a few tens of KiB each, in base64. */
    static final int MAX_ROUND_BYTES = 32 << 20;
    private static final int MAX_ERROR_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    record ParticipantInfo(int index, String name, Point publicKey) {
    }

    /** {@code GET ceremonies/{id}}; the optional fields are null when absent. */
    record CeremonyInfo(String id, byte[] sessionId, int threshold, List<ParticipantInfo> participants,
            String context, String state, String epochId, byte[] jointKey, String abortReason, Integer culprit) {
    }

    /** {@code GET ceremonies/{id}/round{1,2}}; {@code messages} is null unless complete. */
    record RoundStatus(boolean complete, int received, List<byte[]> messages) {
    }

    private final String base;
    private final ServiceHttp http;

    CeremonyClient(URI service, String ceremonyId, Duration timeout) {
        String text = service.toString();
        this.base = (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/escrow/v1/ceremonies/"
                + ceremonyId;
        this.http = new ServiceHttp(timeout, "heteronym-trustee");
    }

    CeremonyInfo ceremony() throws TrusteeException {
        String url = base;
        JsonNode json = json(send(get(url), url, MAX_CEREMONY_BYTES, 200), url);
        String id = text(json, "id", url, true);
        byte[] sessionId = base64(json, "session_id", url, true);
        int threshold = integer(json, "threshold", url, true);
        JsonNode list = json.get("participants");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 255) {
            throw malformed(url, "\"participants\" is not an array of 1..255 participants");
        }
        List<ParticipantInfo> participants = new ArrayList<>();
        for (JsonNode p : list) {
            if (!p.isObject()) {
                throw malformed(url, "a participant is not an object");
            }
            int index = integer(p, "index", url, true);
            if (index != participants.size() + 1) {
                throw malformed(url, "participants are not listed in index order 1..n");
            }
            String name = text(p, "name", url, false);
            try {
                participants.add(new ParticipantInfo(index, name == null ? "" : HttpText.printable(name),
                        Point.decode(base64(p, "public_key", url, true))));
            } catch (MalformedEncodingException e) {
                throw malformed(url, "the public key of participant " + index + " is not a P-256 point");
            }
        }
        return new CeremonyInfo(id, sessionId, threshold, List.copyOf(participants),
                text(json, "context", url, true), text(json, "state", url, true), text(json, "epoch_id", url, false),
                base64(json, "joint_key", url, false), text(json, "abort_reason", url, false),
                json.hasNonNull("culprit") ? integer(json, "culprit", url, true) : null);
    }

    /** PUTs this trustee's message for {@code round}; 201 and 200 are success, anything else an error. */
    void putMessage(int round, int index, byte[] message) throws TrusteeException {
        String url = base + "/round" + round + "/" + index;
        HttpRequest request = request(url)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(message))
                .build();
        send(request, url, MAX_ERROR_BYTES, 201, 200);
    }

    RoundStatus round(int round, int n) throws TrusteeException {
        String url = base + "/round" + round;
        JsonNode json = json(send(get(url), url, MAX_ROUND_BYTES, 200), url);
        JsonNode complete = json.get("complete");
        if (complete == null || !complete.isBoolean()) {
            throw malformed(url, "\"complete\" is not a boolean");
        }
        int received = integer(json, "received", url, true);
        if (!complete.booleanValue()) {
            return new RoundStatus(false, received, null);
        }
        JsonNode list = json.get("messages");
        if (list == null || !list.isArray() || list.size() != n) {
            // The participant would blame the coordinator anyway; say it plainly.
            throw TrusteeException.failed("the service relayed " + (list == null || !list.isArray() ? "no"
                    : list.size()) + " round " + round + " messages for " + n + " participants");
        }
        List<byte[]> messages = new ArrayList<>(n);
        for (JsonNode m : list) {
            if (!m.isTextual()) {
                throw malformed(url, "a message is not a base64 string");
            }
            try {
                messages.add(Base64.getDecoder().decode(m.textValue()));
            } catch (IllegalArgumentException e) {
                throw malformed(url, "a message is not valid base64");
            }
        }
        return new RoundStatus(true, received, messages);
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    private HttpRequest.Builder request(String url) throws TrusteeException {
        try {
            return http.request(url);
        } catch (ServiceHttp.Failure e) {
            throw TrusteeException.unavailable(e.getMessage());
        }
    }

    private HttpRequest get(String url) throws TrusteeException {
        return request(url).header("Accept", "application/json").GET().build();
    }

    private byte[] send(HttpRequest request, String url, int maxBytes, int... okStatus) throws TrusteeException {
        try {
            return http.send(request, maxBytes, okStatus).body();
        } catch (ServiceHttp.Failure e) {
            throw TrusteeException.unavailable(e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ JSON

    private static JsonNode json(byte[] body, String url) throws TrusteeException {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw malformed(url, "not a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw malformed(url, "not valid JSON");
        }
    }

    private static TrusteeException malformed(String url, String why) {
        return TrusteeException.unavailable("server error: malformed response from " + url + ": " + why);
    }

    private static String text(JsonNode json, String field, String url, boolean required) throws TrusteeException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw malformed(url, "\"" + field + "\" is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(url, "\"" + field + "\" is not a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode json, String field, String url, boolean required) throws TrusteeException {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw malformed(url, "\"" + field + "\" is not an integer");
        }
        return value.intValue();
    }

    private static byte[] base64(JsonNode json, String field, String url, boolean required) throws TrusteeException {
        String value = text(json, field, url, required);
        if (value == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw malformed(url, "\"" + field + "\" is not valid base64");
        }
    }

    /** Abandons anything still in flight. */
    @Override
    public void close() {
        http.close();
    }
}
