package org.heteronym.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.tlog.EntryBundle;
import org.heteronym.crypto.tlog.TilePath;
import org.heteronym.crypto.tlog.Tiles;

/**
 * Reads the log's public HTTP API: the checkpoint and tiles of c2sp.org/tlog-tiles under the base URL, and
 * the JSON entry and proof endpoints under {@code v1/}.
 *
 * <p>Nothing returned here is trusted: every response is bounded in size and time, and the caller verifies it.
 * Transport problems, HTTP errors and unparseable responses become {@link AuditException#unavailable} (exit 2);
 * deciding whether well-formed content is <em>correct</em> is left to the caller (exit 1 if not).
 */
final class LogClient implements AutoCloseable {

    /** Checkpoints are signed notes, which the verifier bounds at 1 MiB. */
    static final int MAX_CHECKPOINT_BYTES = 1 << 20;
    static final int MAX_TILE_BYTES = Tiles.WIDTH * MerkleHash.SIZE;
    static final int MAX_BUNDLE_BYTES = Tiles.WIDTH * (2 + EntryBundle.MAX_ENTRY_BYTES);
    /** An entry of 64 KiB is about 87 KiB of base64; proofs are a few KiB. */
    static final int MAX_JSON_BYTES = 1 << 20;
    private static final int MAX_ERROR_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** {@code GET v1/entries/{index}}. {@code leafHash} is null if the server did not send one. */
    record EntryResponse(long index, byte[] leafHash, byte[] entry) {
    }

    /** {@code GET v1/proof/inclusion}. */
    record InclusionProofResponse(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path) {
    }

    /** {@code GET v1/proof/consistency}. */
    record ConsistencyProofResponse(long first, long second, List<byte[]> path) {
    }

    private final String base;
    private final Duration timeout;
    private final HttpClient http;

    LogClient(URI base, Duration timeout) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String baseUrl() {
        return base;
    }

    byte[] checkpoint() throws AuditException {
        return get("checkpoint", MAX_CHECKPOINT_BYTES);
    }

    byte[] tile(TilePath tile) throws AuditException {
        return get(tile.path(), tile.entryBundle() ? MAX_BUNDLE_BYTES : MAX_TILE_BYTES);
    }

    EntryResponse entry(long index) throws AuditException {
        String path = "v1/entries/" + index;
        JsonNode json = getJson(path);
        return new EntryResponse(requireLong(json, "index", path), optionalBase64(json, "leaf_hash", path),
                requireBase64(json, "entry", path));
    }

    InclusionProofResponse inclusionProof(long index, long treeSize) throws AuditException {
        String path = "v1/proof/inclusion?index=" + index + "&size=" + treeSize;
        JsonNode json = getJson(path);
        return new InclusionProofResponse(requireLong(json, "leaf_index", path), requireLong(json, "tree_size", path),
                requireBase64(json, "leaf_hash", path), requireBase64List(json, "inclusion_path", path));
    }

    InclusionProofResponse inclusionProofOfLeaf(byte[] leafHash, long treeSize) throws AuditException {
        String path = "v1/proof/inclusion?leaf_hash=" + java.util.HexFormat.of().formatHex(leafHash) + "&size=" + treeSize;
        JsonNode json = getJson(path);
        return new InclusionProofResponse(requireLong(json, "leaf_index", path), requireLong(json, "tree_size", path),
                requireBase64(json, "leaf_hash", path), requireBase64List(json, "inclusion_path", path));
    }

    /** Any JSON object below this client's base URL (bounded, with the same error handling as the log reads). */
    JsonNode json(String path) throws AuditException {
        return getJson(path);
    }

    ConsistencyProofResponse consistencyProof(long oldSize, long newSize) throws AuditException {
        String path = "v1/proof/consistency?old=" + oldSize + "&new=" + newSize;
        JsonNode json = getJson(path);
        return new ConsistencyProofResponse(requireLong(json, "first", path), requireLong(json, "second", path),
                requireBase64List(json, "consistency_path", path));
    }

    private JsonNode getJson(String path) throws AuditException {
        byte[] body = get(path, MAX_JSON_BYTES);
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw malformed(path, "not a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw malformed(path, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(path, "not valid JSON");
        }
    }

    private byte[] get(String path, int maxBytes) throws AuditException {
        String url = base + "/" + path;
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Accept-Encoding", "gzip, identity")
                    .header("User-Agent", "heteronym-audit")
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            throw AuditException.unavailable("cannot build a request for " + url + ": " + e.getMessage());
        }
        // gzip output can exceed its input by a few bytes per block; the decoded size is bounded separately.
        int maxWireBytes = maxBytes + 64 * 1024;
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> info.statusCode() == 200
                ? new BoundedBody(maxWireBytes, false) : new BoundedBody(MAX_ERROR_BYTES, true));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the response headers; this bounds the whole exchange, body included.
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw AuditException.unavailable("timed out after " + timeout.toSeconds() + " s fetching " + url);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (HttpText.inCauses(cause, HttpTimeoutException.class)) {
                throw AuditException.unavailable("timed out after " + timeout.toSeconds() + " s fetching " + url);
            }
            if (HttpText.inCauses(cause, BoundedBody.TooLarge.class)) {
                throw AuditException.unavailable("server error: response from " + url + " exceeds " + maxBytes
                        + " bytes");
            }
            if (HttpText.inCauses(cause, ConnectException.class)) {
                throw AuditException.unavailable("cannot fetch " + url + ": cannot connect to the log ("
                        + HttpText.firstMessage(cause).replace("ConnectException", "connection refused")
                        + "); is it running and is the URL right?");
            }
            throw AuditException.unavailable("cannot fetch " + url + ": " + HttpText.firstMessage(cause));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw AuditException.unavailable("interrupted while fetching " + url);
        }
        byte[] body = decode(response, url, response.statusCode() == 200 ? maxBytes : MAX_ERROR_BYTES);
        if (response.statusCode() != 200) {
            throw AuditException.unavailable("server error: HTTP " + response.statusCode() + " for " + url
                    + HttpText.problemDetail(response, body));
        }
        return body;
    }

    /** Undoes a gzip Content-Encoding, bounding the decoded size. */
    private static byte[] decode(HttpResponse<byte[]> response, String url, int maxBytes) throws AuditException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity")
                .strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "identity", "" -> {
                if (response.body().length > maxBytes) {
                    throw AuditException.unavailable("server error: response from " + url + " exceeds " + maxBytes
                            + " bytes");
                }
                return response.body();
            }
            case "gzip" -> {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                    byte[] decoded = in.readNBytes(maxBytes + 1);
                    if (decoded.length > maxBytes) {
                        throw AuditException.unavailable("server error: response from " + url + " exceeds "
                                + maxBytes + " bytes once decompressed");
                    }
                    return decoded;
                } catch (IOException e) {
                    throw AuditException.unavailable("server error: response from " + url + " is not valid gzip");
                }
            }
            default -> throw AuditException.unavailable("server error: unsupported Content-Encoding " + encoding
                    + " for " + url);
        }
    }

    private static AuditException malformed(String path, String why) {
        return AuditException.unavailable("server error: malformed response to " + path + ": " + why);
    }

    private static long requireLong(JsonNode json, String field, String path) throws AuditException {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw malformed(path, "\"" + field + "\" is not an integer");
        }
        return value.longValue();
    }

    private static byte[] requireBase64(JsonNode json, String field, String path) throws AuditException {
        byte[] value = optionalBase64(json, field, path);
        if (value == null) {
            throw malformed(path, "\"" + field + "\" is missing");
        }
        return value;
    }

    private static byte[] optionalBase64(JsonNode json, String field, String path) throws AuditException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return decodeBase64(value, field, path);
    }

    private static List<byte[]> requireBase64List(JsonNode json, String field, String path) throws AuditException {
        JsonNode value = json.get(field);
        if (value == null || !value.isArray()) {
            throw malformed(path, "\"" + field + "\" is not an array");
        }
        if (value.size() > 128) {
            throw malformed(path, "\"" + field + "\" has " + value.size() + " elements");
        }
        List<byte[]> hashes = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            hashes.add(decodeBase64(element, field, path));
        }
        return hashes;
    }

    private static byte[] decodeBase64(JsonNode value, String field, String path) throws AuditException {
        if (!value.isTextual()) {
            throw malformed(path, "\"" + field + "\" is not a base64 string");
        }
        try {
            return Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw malformed(path, "\"" + field + "\" is not valid base64");
        }
    }

    /** Abandons anything still in flight: a stalled server must not keep the auditor from exiting. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
