package org.heteronym.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} is {@code about:blank} for plain HTTP failures and
 * {@code urn:heteronym:problem:<slug>} for the service's own refusals (listed in docs/api-errors.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null);
    }

    public static Problem http(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }
}
