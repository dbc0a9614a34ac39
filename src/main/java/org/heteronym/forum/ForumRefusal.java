package org.heteronym.forum;

import org.heteronym.web.ApiException;
import org.heteronym.web.ProblemType;

/** The operator's change to the forum registry is refused; the detail names the field and what to change. */
public class ForumRefusal extends ApiException {
    public ForumRefusal(ProblemType problem, String detail) {
        super(problem, detail);
    }
}
