package org.heteronym.member.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.webauthn.WebAuthn;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.heteronym.member.MemberAccounts;
import org.heteronym.member.MemberPasskeys;

/** The landing page, and the signed-in member's own page: status, profession, when the seal was made. */
@Path("/")
public class MemberPage {

    private final MemberAccounts accounts;
    private final SecurityIdentity identity;

    MemberPage(MemberAccounts accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object home() {
        return Pages.home();
    }

    /** Only the passkey session opens this page: a staff bearer token never makes anyone a member. */
    @GET
    @Path("me")
    @WebAuthn
    @RolesAllowed(MemberPasskeys.MEMBER_ROLE)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> me(@QueryParam("notice") String notice) {
        return accounts.view(identity.getPrincipal().getName()).map(view -> view
                .map(member -> Response.ok(Pages.member(member, notices(notice))).build())
                // a session that outlived its member (cannot happen today: members are never deleted)
                .orElseGet(() -> Response.seeOther(URI.create("/sign-in")).build()));
    }

    private static String notices(String notice) {
        return switch (notice == null ? "" : notice) {
            case "enrolled" -> "Welcome. Your licence is verified and your passkey is ready.";
            case "reverified" -> "Your licence was verified again and your sealed identity refreshed.";
            default -> null;
        };
    }
}
