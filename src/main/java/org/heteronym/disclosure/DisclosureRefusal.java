package org.heteronym.disclosure;

import org.heteronym.web.ApiException;
import org.heteronym.web.ProblemType;

public class DisclosureRefusal extends ApiException {
    public DisclosureRefusal(ProblemType problem, String detail) {
        super(problem, detail);
    }
}
