package org.heteronym.oidc;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Signs ID tokens (SmallRye JWT, ES256) with the current key, naming it in the {@code kid} header. */
@ApplicationScoped
public class IdTokenSigner {

    private final SigningKeys keys;

    IdTokenSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** @param claims every claim of the token, {@code iss}, {@code aud}, {@code iat} and {@code exp} included */
    public String sign(Map<String, Object> claims) {
        return sign(claims, "JWT");
    }

    /**
     * @param type the {@code typ} header: {@code JWT} for ID tokens, {@code at+jwt} for access tokens (RFC 9068),
     *             so that one kind of token can never be taken for another
     */
    public String sign(Map<String, Object> claims, String type) {
        SigningKey key = keys.current();
        return Jwt.claims(claims).jws().algorithm(SignatureAlgorithm.ES256).keyId(key.kid()).type(type)
                .sign(key.privateKey());
    }

    /**
     * MACs an access token (HS256, {@code typ: at+jwt}) under the current key's derived access-token key. Only this
     * service ever verifies access tokens, so a MAC serves, at a fraction of an ECDSA signature's cost.
     */
    public String macAccessToken(Map<String, Object> claims) {
        SigningKey key = keys.current();
        return Jwt.claims(claims).jws().algorithm(SignatureAlgorithm.HS256).keyId(key.accessTokenKid())
                .type(AccessTokens.TYPE).sign(key.accessTokenKey());
    }
}
