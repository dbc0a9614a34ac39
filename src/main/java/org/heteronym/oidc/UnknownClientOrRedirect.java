package org.heteronym.oidc;

/**
 * An authorization request whose client id is not an active forum, or whose redirect URI is not one the forum
 * registered (exactly). The member is shown the error and is not redirected anywhere (RFC 6749 §4.1.2.1): a redirect
 * to an unchecked address would make this service an open redirector and could leak a code.
 */
public final class UnknownClientOrRedirect extends RuntimeException {

    public UnknownClientOrRedirect(String message) {
        super(message, null, false, false);
    }
}
