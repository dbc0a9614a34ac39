package org.heteronym.oidc;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

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
     * service ever verifies access tokens, so a MAC serves, at a fraction of an ECDSA signature's cost. It is built
     * with jose4j, which {@link AccessTokens} reads it with, rather than SmallRye JWT's builder, which looks up a
     * dozen configuration properties per token (a tenth of the token endpoint's CPU when measured).
     */
    public String macAccessToken(Map<String, Object> claims) {
        SigningKey key = keys.current();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(key.accessTokenKid());
        jws.setHeader(HeaderParameterNames.TYPE, AccessTokens.TYPE);
        jws.setPayload(JsonUtil.toJson(claims));
        jws.setKey(key.accessTokenKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot MAC an access token", e);
        }
    }
}
