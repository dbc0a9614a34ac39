package org.heteronym.log;

import org.heteronym.web.ProblemType;

/** The log's refusals (docs/api-errors.md). */
public final class LogProblem {

    public static final ProblemType EMPTY_LOG = new ProblemType("log-empty", "The log has no checkpoint yet", 404);
    public static final ProblemType SIZE_OUT_OF_RANGE = new ProblemType("log-size-out-of-range", "Tree size out of range", 400);
    public static final ProblemType INDEX_OUT_OF_RANGE = new ProblemType("log-index-out-of-range", "Index out of range", 404);
    public static final ProblemType LEAF_NOT_FOUND = new ProblemType("log-leaf-not-found", "No such leaf", 404);
    public static final ProblemType TILE_NOT_FOUND = new ProblemType("log-tile-not-found", "No such tile", 404);
    public static final ProblemType BAD_TILE_PATH = new ProblemType("log-bad-tile-path", "Malformed tile path", 400);
    public static final ProblemType BAD_PARAMETER = new ProblemType("log-bad-parameter", "Invalid parameter", 400);

    private LogProblem() {
    }
}
