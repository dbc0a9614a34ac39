package org.heteronym.log;

import org.heteronym.web.ApiException;
import org.heteronym.web.ProblemType;

public class LogException extends ApiException {
    public LogException(ProblemType problem, String detail) {
        super(problem, detail);
    }
}
