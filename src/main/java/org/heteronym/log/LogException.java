package org.heteronym.log;

import org.heteronym.web.ApiException;

public class LogException extends ApiException {
    public LogException(LogProblem problem, String detail) {
        super(problem, detail);
    }
}
