package org.heteronym.credential;

import org.heteronym.web.ApiException;
import org.heteronym.web.ProblemType;

/**
 * The operator's change to the trust anchors or licensing authorities is refused. (Evidence a member submits is
 * refused with {@link CredentialRefusal} instead.)
 */
public class CredentialAdminRefusal extends ApiException {
    public CredentialAdminRefusal(ProblemType problem, String detail) {
        super(problem, detail);
    }
}
