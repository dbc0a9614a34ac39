package org.heteronym.member.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.heteronym.disclosure.DisclosureNotice;
import org.heteronym.disclosure.DisclosureRefusal;
import org.heteronym.disclosure.Objections;
import org.heteronym.member.MemberAccounts;
import org.heteronym.member.MemberView;

/**
 * The landing page, and the signed-in member's own page: status, profession, when the seal was made, and any
 * court-ordered disclosure request naming one of the member's pseudonyms, with a form to object.
 */
@Path("/")
public class MemberPage {

    private final MemberAccounts accounts;
    private final CurrentIdentityAssociation identities;
    private final Objections objections;

    MemberPage(MemberAccounts accounts, CurrentIdentityAssociation identities, Objections objections) {
        this.accounts = accounts;
        this.identities = identities;
        this.objections = objections;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object home() {
        return Pages.home();
    }

    /** Only the passkey session opens this page (a staff bearer token never makes anyone a member). */
    @GET
    @Path("me")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> me(@QueryParam("notice") String notice, @QueryParam("next") String next) {
        String then = next == null ? null : LocalPath.orDefault(next, null);
        return MemberSession.memberId(identities).chain(memberId -> memberId.isEmpty()
                ? Uni.createFrom().item(Optional.<Response>empty())
                : accounts.view(memberId.get()).flatMap(view -> view.isEmpty()
                        ? Uni.createFrom().item(Optional.<Response>empty())
                        : objections.noticesFor(memberId.get()).map(disclosures -> Optional.of(
                                Response.ok(Pages.member(view.get(), notices(notice), disclosures, then)).build()))))
                .map(page -> page.orElseGet(() -> Response.seeOther(URI.create("/sign-in?next=/me")).build()));
    }

    /** An objection to a disclosure request naming the member; recorded, logged (as a digest) and shown to trustees. */
    @POST
    @Path("me/disclosures/{id}/objection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> object(@PathParam("id") UUID id, @FormParam("text") String text) {
        return MemberSession.memberId(identities).chain(memberId -> memberId.isEmpty()
                ? Uni.createFrom().item(Response.seeOther(URI.create("/sign-in?next=/me")).build())
                : objections.fromMember(memberId.get(), id, text)
                        .replaceWith(Response.seeOther(URI.create("/me?notice=objected")).build())
                        .onFailure(DisclosureRefusal.class).recoverWithUni(e -> accounts.view(memberId.get())
                                .flatMap(view -> objections.noticesFor(memberId.get()).map(disclosures -> Response
                                        .status(e instanceof DisclosureRefusal r ? r.type().status() : 400)
                                        .entity(Pages.member(view.orElseThrow(), e.getMessage(), disclosures, null))
                                        .build()))));
    }

    private static String notices(String notice) {
        return switch (notice == null ? "" : notice) {
            case "enrolled" -> "Welcome. Your licence is verified and your passkey is ready.";
            case "reverified" -> "Your licence was verified again and your sealed identity refreshed.";
            case "objected" -> "Your objection is recorded. The trustees will read it before they decide.";
            case "disclosure" -> "A court-ordered disclosure request names one of your pseudonyms. Please read it below.";
            default -> null;
        };
    }
}
