package org.heteronym.web;

/** A kind of refusal the API can answer with; its URI is stable and documented. */
public interface ProblemType {

    /** Short, stable, kebab-case identifier, e.g. {@code log-size-out-of-range}. */
    String slug();

    String title();

    int status();

    default String uri() {
        return "urn:heteronym:problem:" + slug();
    }
}
