package org.heteronym.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits on what anyone can make the service do (issue 8): request rates on the endpoints that cost the most or that
 * an attacker would hammer (enrollment, the authorization and token endpoints, filings), per client address and, at
 * the token endpoint, per client id; and the body size per path, since only a filing carries a large document.
 * Refusals are problem+json: 429 with Retry-After, or 413.
 */
@ApplicationScoped
public class AbuseLimits {

    static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", "Too many requests", 429);
    static final ProblemType TOO_LARGE = new ProblemType("body-too-large", "Request body too large", 413);
    static final String FILINGS = "/disclosure/v1/requests";
    private static final String COUNTED = AbuseLimits.class.getName();

    private final TokenBuckets enrollment;
    private final TokenBuckets authorize;
    private final TokenBuckets token;
    private final TokenBuckets filing;
    private final long maxBody;
    private final long maxFilingBody;

    AbuseLimits(@ConfigProperty(name = "heteronym.rate-limit.enrollment-per-minute") int enrollment,
                @ConfigProperty(name = "heteronym.rate-limit.authorize-per-minute") int authorize,
                @ConfigProperty(name = "heteronym.rate-limit.token-per-minute") int token,
                @ConfigProperty(name = "heteronym.rate-limit.filing-per-minute") int filing,
                @ConfigProperty(name = "heteronym.http.max-body-bytes") long maxBody,
                @ConfigProperty(name = "heteronym.http.max-filing-body-bytes") long maxFilingBody) {
        this.enrollment = new TokenBuckets(enrollment);
        this.authorize = new TokenBuckets(authorize);
        this.token = new TokenBuckets(token);
        this.filing = new TokenBuckets(filing);
        this.maxBody = maxBody;
        this.maxFilingBody = maxFilingBody;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 200);
    }

    private void filter(RoutingContext context) {
        // a request can pass the filters twice (an error re-routed to its handler); it is counted once
        if (context.get(COUNTED) != null) {
            context.next();
            return;
        }
        context.put(COUNTED, Boolean.TRUE);
        String path = context.normalizedPath();
        HttpMethod method = context.request().method();
        boolean isFiling = method == HttpMethod.POST && path.equals(FILINGS);
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}")
                && Long.parseLong(length) > (isFiling ? maxFilingBody : maxBody)) {
            refuse(context, Problem.of(TOO_LARGE, "a request body to " + path + " may have at most "
                    + (isFiling ? maxFilingBody : maxBody) + " bytes"), 0);
            return;
        }
        long now = System.nanoTime();
        String address = context.request().remoteAddress() == null ? "?" : context.request().remoteAddress().hostAddress();
        long wait = 0;
        if (method == HttpMethod.POST && path.startsWith("/enroll")) {
            wait = enrollment.take(address, now);
        } else if (path.startsWith("/oidc/authorize")) {
            wait = authorize.take(address, now);
        } else if (method == HttpMethod.POST && path.equals("/oidc/token")) {
            wait = Math.max(token.take("ip:" + address, now),
                    token.take("client:" + basicUser(context.request().getHeader("Authorization")), now));
        } else if (isFiling) {
            wait = filing.take(address, now);
        }
        if (wait > 0) {
            refuse(context, Problem.of(RATE_LIMITED, "too many requests to " + path + " from you; retry in " + wait
                    + " s"), wait);
            return;
        }
        context.next();
    }

    /** The client id of HTTP Basic credentials, or "" (then the per-address bucket is the limit that matters). */
    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "";
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? "" : decoded.substring(0, Math.min(colon, 200));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void refuse(RoutingContext context, Problem problem, long retryAfter) {
        var response = context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (retryAfter > 0) {
            response.putHeader("Retry-After", Long.toString(retryAfter));
        }
        response.end(io.vertx.core.json.Json.encode(problem));
    }
}
