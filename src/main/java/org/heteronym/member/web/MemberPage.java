package org.heteronym.member.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.heteronym.member.MemberAccounts;
import java.util.Optional;
import org.heteronym.member.MemberView;

/** The landing page, and the signed-in member's own page: status, profession, when the seal was made. */
@Path("/")
public class MemberPage {

    private final MemberAccounts accounts;
    private final CurrentIdentityAssociation identities;

    MemberPage(MemberAccounts accounts, CurrentIdentityAssociation identities) {
        this.accounts = accounts;
        this.identities = identities;
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
    public Uni<Response> me(@QueryParam("notice") String notice) {
        return MemberSession.memberId(identities).chain(memberId -> memberId.isEmpty()
                ? Uni.createFrom().item(Optional.<MemberView>empty())
                : accounts.view(memberId.get()))
                .map(view -> view.map(member -> Response.ok(Pages.member(member, notices(notice))).build())
                        .orElseGet(() -> Response.seeOther(URI.create("/sign-in?next=/me")).build()));
    }

    private static String notices(String notice) {
        return switch (notice == null ? "" : notice) {
            case "enrolled" -> "Welcome. Your licence is verified and your passkey is ready.";
            case "reverified" -> "Your licence was verified again and your sealed identity refreshed.";
            default -> null;
        };
    }
}
