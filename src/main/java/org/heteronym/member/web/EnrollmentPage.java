package org.heteronym.member.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.webauthn.WebAuthnSecurity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.heteronym.credential.Profession;
import org.heteronym.member.Challenge;
import org.heteronym.member.ChallengeService;
import org.heteronym.member.EnrollmentRefusal;
import org.heteronym.member.EnrollmentService;
import org.heteronym.member.EnrollmentStep;
import org.heteronym.member.Evidence;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Enrollment as a person goes through it: get a challenge, answer it with a signature or an attestation, then
 * create a passkey. A refusal re-renders the page with the reason and a fresh challenge; nothing is kept.
 */
@Path("/enroll")
public class EnrollmentPage {

    /** Holds the pending enrollment's token between the evidence and the passkey; scoped to /enroll. */
    static final String COOKIE = "heteronym-enrollment";

    private final EnrollmentService enrollment;
    private final ChallengeService challenges;
    private final WebAuthnSecurity webAuthn;
    private final CurrentIdentityAssociation identity;
    /** Secure cookies need https; the development service runs on plain http://localhost. */
    private final boolean secureCookies;

    EnrollmentPage(EnrollmentService enrollment, ChallengeService challenges, WebAuthnSecurity webAuthn,
                   CurrentIdentityAssociation identity) {
        this.enrollment = enrollment;
        this.challenges = challenges;
        this.webAuthn = webAuthn;
        this.identity = identity;
        this.secureCookies = challenges.service().startsWith("https:");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> form() {
        return withFreshChallenge(null, 200);
    }

    /** The exact bytes to sign, as a file, so that no editor adds a newline. */
    @GET
    @Path("/challenge/{value}")
    @Produces(MediaType.TEXT_PLAIN)
    public Response challengeFile(@PathParam("value") String value) {
        Challenge challenge;
        try {
            challenge = new Challenge(value, challenges.service());
        } catch (IllegalArgumentException e) {
            return Response.status(404).entity("No such challenge.").build();
        }
        return Response.ok(challenge.text())
                .header("Content-Disposition", "attachment; filename=\"challenge.txt\"").build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> submit(@RestForm String challenge, @RestForm FileUpload signature,
                                @RestForm String presentation) {
        Evidence evidence = new Evidence(challenge, read(signature),
                Optional.ofNullable(presentation).map(String::strip).filter(p -> !p.isEmpty()));
        return MemberSession.memberId(identity)
                .chain(member -> enrollment.accept(evidence, member))
                .map(step -> switch (step) {
                    case EnrollmentStep.Reverified reverified ->
                            Response.seeOther(URI.create("/me?notice=reverified")).build();
                    case EnrollmentStep.Pending pending -> Response.seeOther(URI.create("/enroll/passkey"))
                            .cookie(pendingCookie(pending.token(), -1)).build();
                })
                .onFailure(EnrollmentRefusal.class)
                .recoverWithUni(e -> withFreshChallenge((EnrollmentRefusal) e, ((EnrollmentRefusal) e).status()));
    }

    @GET
    @Path("/passkey")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> passkeyPage(@CookieParam(COOKIE) String token) {
        return enrollment.pending(token == null ? "" : token)
                .map(pending -> Response.ok(Pages.passkey(Profession.valueOf(pending.evidence.profession()).label(),
                        pending.evidence.authority(), pending.returningMember)).build())
                .onFailure(EnrollmentRefusal.class).recoverWithUni(e -> withFreshChallenge((EnrollmentRefusal) e, 410));
    }

    /** WebAuthn creation options for the pending member id; the browser never chooses whose passkey it makes. */
    @GET
    @Path("/passkey/options")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> passkeyOptions(@CookieParam(COOKIE) String token, @Context RoutingContext context) {
        return enrollment.pending(token == null ? "" : token)
                .chain(pending -> webAuthn.getRegisterChallenge(pending.memberId, "Heteronym member", context))
                .map(webAuthn::toJsonString);
    }

    /** Verifies the new passkey, creates or refreshes the member, and signs them in. */
    @POST
    @Path("/passkey")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> registerPasskey(@CookieParam(COOKIE) String token, JsonObject credential,
                                         @Context RoutingContext context) {
        String pendingToken = token == null ? "" : token;
        return enrollment.pending(pendingToken)
                .chain(pending -> MemberSession.verified(webAuthn.register(pending.memberId, credential, context)))
                .chain(passkey -> enrollment.complete(pendingToken, passkey))
                .map(memberId -> {
                    webAuthn.rememberUser(memberId, context);
                    return Response.ok(Map.of("next", "/me?notice=enrolled"))
                            .cookie(pendingCookie("", 0)).build();
                });
    }

    private Uni<Response> withFreshChallenge(EnrollmentRefusal refusal, int status) {
        return enrollment.ready()
                .chain(challenges::issue)
                .map(challenge -> page(Pages.enroll(challenge, refusal == null ? null : refusal.userMessage()), status))
                .onFailure(EnrollmentRefusal.class)
                .recoverWithItem(e -> page(Pages.notReady(((EnrollmentRefusal) e).userMessage()), 503));
    }

    private static Response page(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    private NewCookie pendingCookie(String token, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(token).path("/enroll").httpOnly(true).secure(secureCookies)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    private static Optional<byte[]> read(FileUpload upload) {
        if (upload == null || upload.size() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(upload.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
