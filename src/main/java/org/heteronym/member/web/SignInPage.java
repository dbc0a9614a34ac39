package org.heteronym.member.web;

import io.quarkus.security.webauthn.WebAuthnSecurity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.heteronym.disclosure.Objections;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.heteronym.member.MemberPasskeys;

/** Sign-in with a discoverable passkey (no user name to type), and sign-out. */
@Path("/")
public class SignInPage {

    private final WebAuthnSecurity webAuthn;
    private final MemberPasskeys passkeys;
    private final Objections disclosures;

    SignInPage(WebAuthnSecurity webAuthn, MemberPasskeys passkeys, Objections disclosures) {
        this.webAuthn = webAuthn;
        this.passkeys = passkeys;
        this.disclosures = disclosures;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Object page(@QueryParam("next") String next, @QueryParam("notice") String notice) {
        return Pages.signIn(LocalPath.orDefault(next, "/me"), "signed-out".equals(notice)
                ? "You are signed out." : null);
    }

    @GET
    @Path("sign-in/options")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> options(@Context RoutingContext context) {
        return webAuthn.getLoginChallenge(null, context).map(webAuthn::toJsonString);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, String>> signIn(@QueryParam("next") String next, JsonObject assertion,
                                           @Context RoutingContext context) {
        String then = LocalPath.orDefault(next, "/me");
        return MemberSession.verified(webAuthn.login(assertion, context))
                .call(passkey -> passkeys.update(passkey.getCredentialID(), passkey.getCounter()))
                .flatMap(passkey -> disclosures.hasUnseenNotice(passkey.getUsername()).map(unseen -> {
                    webAuthn.rememberUser(passkey.getUsername(), context);
                    // a court-ordered disclosure request names the member: they see it before going on
                    return Map.of("next", unseen ? "/me?notice=disclosure&next="
                            + URLEncoder.encode(then, StandardCharsets.UTF_8) : then);
                }));
    }

    @POST
    @Path("sign-out")
    public Response signOut(@Context RoutingContext context) {
        webAuthn.logout(context);
        return Response.seeOther(URI.create("/sign-in?notice=signed-out")).build();
    }
}
