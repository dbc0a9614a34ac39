package org.heteronym.credential;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The allow-list of status list locations per licensing authority. A status list URI comes from the credential, so
 * without a list the authority's (or a thief of its key's) attestation could steer this service to any host; with
 * it, the service only ever fetches from places the operator registered.
 *
 * <p>A prefix is an absolute {@code https} URI with a host, no user info, query or fragment, whose path ends in
 * {@code /}, so that it pins the host and port ({@code https://a.example/} does not admit
 * {@code https://a.example.evil/}). Plain {@code http} is accepted only to a loopback host (127.0.0.0/8, [::1],
 * localhost), where no network lies between the two ends: development and tests. A status URI is allowed when it
 * passes the same scheme rules, has no dot segments (which a server might resolve out of the prefix) and starts with
 * one of the prefixes, compared as strings.
 */
public final class StatusListPrefixes {

    public static final int MAX_LENGTH = 500;
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private StatusListPrefixes() {
    }

    /** What is wrong with {@code prefix} as an allow-list entry; empty if nothing. */
    public static Optional<String> problem(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.length() > MAX_LENGTH) {
            return Optional.of("a prefix has 1 to " + MAX_LENGTH + " characters");
        }
        URI uri = parse(prefix);
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of("not an absolute URI with a host: " + prefix);
        }
        Optional<String> scheme = schemeProblem(uri);
        if (scheme.isPresent()) {
            return scheme;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("a prefix has no query or fragment: " + prefix);
        }
        if (!uri.getScheme().equals(uri.getScheme().toLowerCase(Locale.ROOT))
                || !uri.getHost().equals(uri.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.of("write the scheme and host in lower case: " + prefix);
        }
        String path = uri.getRawPath();
        if (path == null || !path.endsWith("/") || hasDotSegments(uri)) {
            return Optional.of("a prefix's path ends with '/' and has no '.' or '..' segment: " + prefix);
        }
        return Optional.empty();
    }

    /** True when {@code uri} is a well-formed status list URI under one of {@code prefixes}. */
    public static boolean allows(List<String> prefixes, String uri) {
        URI parsed = parse(uri);
        if (parsed == null || !parsed.isAbsolute() || parsed.getHost() == null
                || schemeProblem(parsed).isPresent() || parsed.getRawFragment() != null || hasDotSegments(parsed)) {
            return false;
        }
        return prefixes.stream().anyMatch(uri::startsWith);
    }

    private static Optional<String> schemeProblem(URI uri) {
        if (uri.getRawUserInfo() != null) {
            return Optional.of("no user info in status list URIs");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("status lists are fetched over https (http only to a loopback host): " + uri);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
    }

    private static boolean hasDotSegments(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String lower = path.toLowerCase(Locale.ROOT);
        return !uri.normalize().getRawPath().equals(path) || lower.contains("%2e") || lower.contains("%2f")
                || path.contains("\\");
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
