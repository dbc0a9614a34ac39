package org.heteronym.web;

/**
 * A kind of refusal the API can answer with. Its URI ({@code urn:heteronym:problem:<slug>}) is stable and listed in
 * docs/api-errors.md; each feature declares its own as constants.
 */
public record ProblemType(String slug, String title, int status) {

    public String uri() {
        return "urn:heteronym:problem:" + slug;
    }
}
