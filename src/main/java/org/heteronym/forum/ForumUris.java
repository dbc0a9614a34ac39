package org.heteronym.forum;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.heteronym.web.ProblemType;

/**
 * The addresses a forum registers: redirect URIs, the JWK Set URI and the back-channel logout URI. Each is an
 * absolute {@code https} URI, or {@code http} to a loopback host ({@code localhost}, {@code 127.0.0.1},
 * {@code [::1]}, RFC 8252 §7.3), where no network lies between the two ends: development and tests. It has a host,
 * no user info, no fragment (RFC 6749 §3.1.2, OpenID Connect Back-Channel Logout 1.0 §2.2), no {@code .} or
 * {@code ..} segment, lower-case scheme and host, and printable ASCII only. A query is allowed: phpBB's callback
 * carries one.
 *
 * <p>Redirect URIs are matched as exact strings at the authorization endpoint (RFC 9700 §2.1), so a {@code *} is
 * refused rather than stored: it would look like a wildcard and match nothing but itself.
 */
final class ForumUris {

    static final int MAX_LENGTH = 500;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    /** Where an address is used: its field name and the refusal it gets. */
    enum Use {
        REDIRECT("redirect_uris", ForumProblem.BAD_REDIRECT_URI),
        JWKS("jwks_uri", ForumProblem.BAD_JWKS_URI),
        LOGOUT("backchannel_logout_uri", ForumProblem.BAD_LOGOUT_URI);

        private final String field;
        private final ProblemType problem;

        Use(String field, ProblemType problem) {
            this.field = field;
            this.problem = problem;
        }
    }

    private ForumUris() {
    }

    /** {@code text} if it is acceptable for {@code use}, else a refusal naming what is wrong. */
    static String check(Use use, String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw refuse(use, "has 1 to " + MAX_LENGTH + " characters", text);
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw refuse(use, "is printable ASCII without spaces (percent-encode anything else)", text);
        }
        if (text.indexOf('*') >= 0) {
            throw refuse(use, "has no wildcard: each URI is registered and matched exactly", text);
        }
        if (text.indexOf('#') >= 0) {
            throw refuse(use, "has no fragment", text);
        }
        URI uri = parse(text);
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refuse(use, "is an absolute URI with a host", text);
        }
        String host = uri.getHost();
        if (!uri.getScheme().equals(uri.getScheme().toLowerCase(Locale.ROOT))
                || !host.equals(host.toLowerCase(Locale.ROOT))) {
            throw refuse(use, "has its scheme and host in lower case", text);
        }
        if (!(uri.getScheme().equals("https") || uri.getScheme().equals("http") && LOOPBACK.contains(host))) {
            throw refuse(use, "uses https (http only to localhost, 127.0.0.1 or [::1])", text);
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse(use, "has no user info", text);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String lower = path.toLowerCase(Locale.ROOT);
        if (!uri.normalize().getRawPath().equals(path) || lower.contains("%2e") || path.contains("\\")) {
            throw refuse(use, "has no '.' or '..' path segment", text);
        }
        return text;
    }

    private static ForumRefusal refuse(Use use, String rule, String text) {
        return new ForumRefusal(use.problem, use.field + ": a URI " + rule + "; not " + ForumRules.printable(text));
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
