package org.heteronym.log;

import org.heteronym.web.ProblemType;

/** The log's refusals (docs/api-errors.md). */
public enum LogProblem implements ProblemType {
    EMPTY_LOG("log-empty", "The log has no checkpoint yet", 404),
    SIZE_OUT_OF_RANGE("log-size-out-of-range", "Tree size out of range", 400),
    INDEX_OUT_OF_RANGE("log-index-out-of-range", "Index out of range", 404),
    LEAF_NOT_FOUND("log-leaf-not-found", "No such leaf", 404),
    TILE_NOT_FOUND("log-tile-not-found", "No such tile", 404),
    BAD_TILE_PATH("log-bad-tile-path", "Malformed tile path", 400),
    BAD_PARAMETER("log-bad-parameter", "Invalid parameter", 400);

    private final String slug;
    private final String title;
    private final int status;

    LogProblem(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
