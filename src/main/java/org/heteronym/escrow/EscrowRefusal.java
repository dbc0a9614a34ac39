package org.heteronym.escrow;

import org.heteronym.web.ApiException;

public class EscrowRefusal extends ApiException {
    public EscrowRefusal(EscrowProblem problem, String detail) {
        super(problem, detail);
    }
}
