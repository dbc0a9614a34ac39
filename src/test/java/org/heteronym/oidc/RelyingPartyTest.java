package org.heteronym.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.member.WithMemberFixture;
import org.junit.jupiter.api.Test;

/**
 * An off-the-shelf relying party (Nimbus OAuth 2.0 SDK with OpenID Connect) given only the issuer URL and its client
 * credentials: it discovers the endpoints and keys, sends the member through login, redeems the code with PKCE, and
 * validates the ID token (signature, issuer, audience, expiry, nonce, {@code at_hash}) before calling userinfo.
 */
@QuarkusTest
@TestProfile(RealIssuerProfile.class)
class RelyingPartyTest extends WithMemberFixture {

    @Test
    void anOffTheShelfClientLogsAMemberInWithDiscoveryAndClientCredentialsAlone() throws Exception {
        MemberBrowserless person = fixture.enrolled(fixture.pki.physician("Ana Pereira",
                MemberFixture.freshLicence()));
        TestForum forum = TestForum.register("rp", List.of("physician"), false);

        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(RealIssuerProfile.ISSUER));
        Login first = login(provider, forum, person);
        Login second = login(provider, forum, new MemberBrowserless(person.authenticator));
        assertEquals(first.claims.getSubject(), second.claims.getSubject(), "the same pseudonym every time");

        TestForum other = TestForum.register("rp-other", List.of("physician"), false);
        assertNotEquals(first.claims.getSubject(), login(provider, other, person).claims.getSubject());
    }

    @Test
    void aClientAuthenticatingWithASignedAssertionLogsInAndAForgedOneIsRefused() throws Exception {
        MemberBrowserless person = fixture.enrolled(fixture.pki.physician("Nuno Costa",
                MemberFixture.freshLicence()));
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("forum-key-1").generate();
        TestForum forum = TestForum.withKey("rp-jwt", org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(
                key.toJSONString()));
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(RealIssuerProfile.ISSUER));
        ClientID client = new ClientID(forum.clientId);
        Login login = login(provider, forum, person, () -> assertion(client, provider, key));
        assertTrue(login.claims.getSubject().getValue().length() > 20);

        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("forum-key-1").generate();
        TokenRequest forged = new TokenRequest(provider.getTokenEndpointURI(), assertion(client, provider, stranger),
                new AuthorizationCodeGrant(new AuthorizationCode("x"), URI.create(forum.redirectUri),
                new CodeVerifier()));
        TokenResponse refused = OIDCTokenResponseParser.parse(forged.toHTTPRequest().send());
        assertEquals("invalid_client", refused.toErrorResponse().getErrorObject().getCode());
    }

    /** A fresh signed client assertion (a new jti every time), as Nimbus makes it. */
    private static PrivateKeyJWT assertion(ClientID client, OIDCProviderMetadata provider, ECKey key) {
        try {
            return new PrivateKeyJWT(client, provider.getTokenEndpointURI(), JWSAlgorithm.ES256, key.toECPrivateKey(),
                    key.getKeyID(), null);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Login(IDTokenClaimsSet claims, AccessToken accessToken) {
    }

    private static Login login(OIDCProviderMetadata provider, TestForum forum, MemberBrowserless person)
            throws Exception {
        return login(provider, forum, person, () -> new ClientSecretBasic(new ClientID(forum.clientId),
                new Secret(forum.secret)));
    }

    private static Login login(OIDCProviderMetadata provider, TestForum forum, MemberBrowserless person,
                               Supplier<ClientAuthentication> authentication) throws Exception {
        ClientID client = new ClientID(forum.clientId);
        URI callback = URI.create(forum.redirectUri);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile", "email"),
                client, callback).endpointURI(provider.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();

        URI back = TestForum.follow(person, person.request().urlEncodingEnabled(false).get(request.toString()));
        AuthenticationSuccessResponse answer = assertInstanceOf(AuthenticationSuccessResponse.class,
                com.nimbusds.openid.connect.sdk.AuthenticationResponseParser.parse(back));
        assertEquals(state, answer.getState());
        assertEquals(provider.getIssuer(), answer.getIssuer(), "RFC 9207 iss in the authorization response");
        AuthorizationCode code = answer.getAuthorizationCode();

        TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(), authentication.get(),
                new AuthorizationCodeGrant(code, callback, verifier));
        TokenResponse response = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> ((TokenErrorResponse) response).getErrorObject().toString());
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();

        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), client, JWSAlgorithm.ES256,
                provider.getJWKSetURI().toURL());
        IDTokenClaimsSet claims = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
        AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
        AccessTokenValidator.validate(accessToken, JWSAlgorithm.ES256, claims.getAccessTokenHash());

        UserInfoResponse info = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
        UserInfoSuccessResponse userInfo = assertInstanceOf(UserInfoSuccessResponse.class, info);
        assertEquals(claims.getSubject(), userInfo.getUserInfo().getSubject());
        assertEquals(claims.getStringClaim("email"), userInfo.getUserInfo().getEmailAddress());

        // the same code again (a fresh request: an assertion's jti is single use): refused, and the access token it
        // issued stops working
        TokenRequest again = new TokenRequest(provider.getTokenEndpointURI(), authentication.get(),
                new AuthorizationCodeGrant(code, callback, verifier));
        TokenResponse replay = OIDCTokenResponseParser.parse(again.toHTTPRequest().send());
        assertEquals("invalid_grant", replay.toErrorResponse().getErrorObject().getCode());
        UserInfoResponse revoked = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
        assertEquals("invalid_token", revoked.toErrorResponse().getErrorObject().getCode());
        return new Login(claims, accessToken);
    }
}
