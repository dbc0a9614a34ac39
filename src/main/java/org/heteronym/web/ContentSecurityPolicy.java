package org.heteronym.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Content-Security-Policy of every response ({@code heteronym.http.content-security-policy}), unless the
 * resource set its own: the forum-login consent page must let its form lead to the forum
 * ({@link #allowingFormAction}), and a second, stricter header would be enforced beside it, so the default is
 * added only where none is set.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    private final String policy;

    ContentSecurityPolicy(@ConfigProperty(name = "heteronym.http.content-security-policy") String policy) {
        this.policy = policy;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (!context.response().headers().contains(HEADER)) {
                    context.response().headers().set(HEADER, policy);
                }
            });
            context.next();
        }, 100);
    }

    /** The site's policy, with {@code origin} added to its {@code form-action} directive if it has one. */
    public String allowingFormAction(String origin) {
        return policy.replaceFirst("form-action ([^;]*)", "form-action $1 " + origin.replace("$", ""));
    }
}
