package org.heteronym.oidc;

import java.util.List;
import java.util.Map;

/** Reads form and query parameters as OAuth 2.0 wants them read (RFC 6749 §3.1, §3.2). */
public final class FormParams {

    private FormParams() {
    }

    /** The parameter's one value; null if absent or empty; {@code invalid_request} if repeated. */
    public static String single(Map<String, List<String>> params, String name) {
        List<String> values = params == null ? null : params.get(name);
        if (values == null || values.isEmpty() || values.getFirst().isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthError.invalidRequest(name + " is repeated");
        }
        return values.getFirst();
    }
}
