package org.heteronym.escrow;

import org.heteronym.web.ApiException;
import org.heteronym.web.ProblemType;

public class EscrowRefusal extends ApiException {
    public EscrowRefusal(ProblemType problem, String detail) {
        super(problem, detail);
    }
}
