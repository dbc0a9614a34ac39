package org.heteronym.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.heteronym.credential.attestation.AttestationJose;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Reads IETF Token Status Lists (draft-ietf-oauth-status-list): fetches the status list token, checks its signature
 * with the publishing authority's keys, and reads one entry. Anything that prevents a definite answer is refused
 * with {@link RefusalReason#STATUS_UNAVAILABLE}; it never answers "valid" by default. A URI outside the status list
 * prefixes registered for the authority ({@link StatusListPrefixes}) is refused with
 * {@link RefusalReason#UNTRUSTED_STATUS_LIST} before anything is fetched. Thread-safe.
 */
public final class StatusListClient {

    /** A status list entry; only {@link #VALID} lets a credential through. */
    public enum Status {
        VALID, INVALID, SUSPENDED, OTHER;

        static Status of(int value) {
            return switch (value) {
                case 0 -> VALID;
                case 1 -> INVALID;
                case 2 -> SUSPENDED;
                default -> OTHER;
            };
        }
    }

    static final int MAX_TOKEN_BYTES = 1 << 20;
    static final int MAX_LIST_BYTES = 16 << 20;
    static final Duration SKEW = Duration.ofSeconds(60);
    static final Duration MAX_CACHE = Duration.ofHours(1);

    private final Map<String, LicensingAuthority> byIssuer;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Map<String, Cached> cache;

    private record Cached(String authorityId, int bits, byte[] list, Instant expiresAt) {
    }

    public StatusListClient(List<LicensingAuthority> authorities, HttpClient http, Duration requestTimeout) {
        this(authorities, http, requestTimeout, new ConcurrentHashMap<>());
    }

    private StatusListClient(List<LicensingAuthority> authorities, HttpClient http, Duration requestTimeout,
                             Map<String, Cached> cache) {
        this.byIssuer = authorities.stream().collect(Collectors.toUnmodifiableMap(LicensingAuthority::issuer,
                Function.identity()));
        this.http = Objects.requireNonNull(http);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.cache = cache;
    }

    /**
     * A client for another set of authorities that shares this one's HTTP client and list cache, so that a change of
     * the registry does not drop every cached list. A cached list stays tied to the authority id that signed it.
     */
    public StatusListClient withAuthorities(List<LicensingAuthority> authorities) {
        return new StatusListClient(authorities, http, requestTimeout, cache);
    }

    /** A client with 5 s connect and 10 s request timeouts that follows no redirects. */
    public static StatusListClient create(List<LicensingAuthority> authorities) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new StatusListClient(authorities, http, Duration.ofSeconds(10));
    }

    /**
     * The status at {@code index} of the list at {@code uri}, whose token must carry the {@code iss} of a configured
     * authority and be signed by it (for the licence monitor, which holds only "uri#index").
     */
    public Status check(String uri, int index, Instant now) throws CredentialRefusal {
        return lookup(uri, index, Optional.empty(), now);
    }

    /** The status at {@code index} of the list at {@code uri}, which must be signed by {@code authority}. */
    public Status check(LicensingAuthority authority, String uri, int index, Instant now) throws CredentialRefusal {
        return lookup(uri, index, Optional.of(authority), now);
    }

    private Status lookup(String uri, int index, Optional<LicensingAuthority> expected, Instant now)
            throws CredentialRefusal {
        if (index < 0) {
            throw unavailable("negative index");
        }
        // Checked before any fetch: the URI comes from the credential, the allow-list from the operator.
        Set<String> allowedBy = (expected.isPresent() ? List.of(expected.get()) : byIssuer.values()).stream()
                .filter(a -> a.allowsStatusList(uri)).map(LicensingAuthority::id).collect(Collectors.toSet());
        if (allowedBy.isEmpty()) {
            throw new CredentialRefusal(RefusalReason.UNTRUSTED_STATUS_LIST,
                    "status list uri outside the authority's registered prefixes");
        }
        Cached list = cache.get(uri);
        if (list == null || !now.isBefore(list.expiresAt()) || !allowedBy.contains(list.authorityId())) {
            list = fetch(uri, expected, now);
            if (list.expiresAt().isAfter(now)) {
                cache.put(uri, list);
            }
        }
        long bitOffset = (long) index * list.bits();
        long byteIndex = bitOffset / 8;
        if (byteIndex >= list.list().length) {
            throw unavailable("index " + index + " beyond the status list");
        }
        int value = (list.list()[(int) byteIndex] & 0xff) >>> (int) (bitOffset % 8) & ((1 << list.bits()) - 1);
        return Status.of(value);
    }

    private Cached fetch(String uri, Optional<LicensingAuthority> expected, Instant now) throws CredentialRefusal {
        String token = download(uri);
        AttestationJose.Parsed parsed = AttestationJose.parse(token, RefusalReason.STATUS_UNAVAILABLE);
        AttestationJose.requireTyp(parsed, Set.of("statuslist+jwt"), RefusalReason.STATUS_UNAVAILABLE);
        ObjectNode claims = parsed.payload();
        String iss = claims.path("iss").asText(null);
        LicensingAuthority authority;
        if (expected.isPresent()) {
            authority = expected.get();
            if (iss != null && !iss.equals(authority.issuer())) {
                throw unavailable("status list issued by " + iss + ", not " + authority.issuer());
            }
        } else {
            authority = iss == null ? null : byIssuer.get(iss);
            if (authority == null) {
                throw unavailable("status list from an unknown issuer");
            }
            if (!authority.allowsStatusList(uri)) {
                throw new CredentialRefusal(RefusalReason.UNTRUSTED_STATUS_LIST,
                        "status list uri outside its issuer's registered prefixes");
            }
        }
        PublicJsonWebKey key = AttestationJose.selectKey(authority.keys(), parsed.kid(),
                RefusalReason.STATUS_UNAVAILABLE);
        AttestationJose.verify(parsed, key.getPublicKey(), RefusalReason.STATUS_UNAVAILABLE);
        if (!uri.equals(claims.path("sub").asText(null))) {
            throw unavailable("status list sub does not match its uri");
        }
        Optional<Instant> exp = AttestationJose.numericDate(claims, "exp", RefusalReason.STATUS_UNAVAILABLE);
        if (exp.isPresent() && now.isAfter(exp.get().plus(SKEW))) {
            throw unavailable("status list expired");
        }
        Optional<Instant> iat = AttestationJose.numericDate(claims, "iat", RefusalReason.STATUS_UNAVAILABLE);
        if (iat.isPresent() && iat.get().isAfter(now.plus(SKEW))) {
            throw unavailable("status list issued in the future");
        }
        JsonNode statusList = claims.path("status_list");
        int bits = statusList.path("bits").asInt(-1);
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8 || !statusList.path("lst").isTextual()) {
            throw unavailable("status_list needs bits in {1,2,4,8} and lst");
        }
        byte[] list = inflate(AttestationJose.fromBase64Url(statusList.get("lst").asText(),
                RefusalReason.STATUS_UNAVAILABLE));
        Instant expiresAt = now.plus(MAX_CACHE);
        boolean bounded = false;
        if (exp.isPresent()) {
            expiresAt = min(expiresAt, exp.get());
            bounded = true;
        }
        JsonNode ttl = claims.get("ttl");
        if (ttl != null && ttl.canConvertToLong() && ttl.asLong() >= 0) {
            expiresAt = min(expiresAt, now.plusSeconds(ttl.asLong()));
            bounded = true;
        }
        return new Cached(authority.id(), bits, list, bounded ? expiresAt : now);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private String download(String uri) throws CredentialRefusal {
        URI target;
        try {
            target = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw unavailable("invalid status list uri");
        }
        if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme())) {
            throw unavailable("status list uri must be http(s)");
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Accept", "application/statuslist+jwt")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw unavailable("status list server answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_TOKEN_BYTES + 1);
                if (bytes.length > MAX_TOKEN_BYTES) {
                    throw unavailable("status list token too large");
                }
                return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).strip();
            }
        } catch (IOException e) {
            throw unavailable("status list unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static byte[] inflate(byte[] compressed) throws CredentialRefusal {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw unavailable("truncated status list");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_LIST_BYTES) {
                    throw unavailable("status list inflates too large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw unavailable("status list is not zlib data");
        } finally {
            inflater.end();
        }
    }

    private static CredentialRefusal unavailable(String detail) {
        return new CredentialRefusal(RefusalReason.STATUS_UNAVAILABLE, detail);
    }
}
