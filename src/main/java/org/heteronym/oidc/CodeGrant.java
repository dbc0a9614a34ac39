package org.heteronym.oidc;

/**
 * What the authorize step grants and the token step redeems.
 *
 * @param claims JSON object of the extra ID-token claims decided at consent (handle, relay e-mail, profession)
 */
public record CodeGrant(String clientId, String redirectUri, String codeChallenge, String nonce, String pseudonym,
                        String scope, String claims) {
}
