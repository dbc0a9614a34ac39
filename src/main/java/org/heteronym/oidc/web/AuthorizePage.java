package org.heteronym.oidc.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumClients;
import org.heteronym.member.LoginMember;
import org.heteronym.member.MemberAccounts;
import org.heteronym.member.web.MemberSession;
import org.heteronym.oidc.AuthorizationError;
import org.heteronym.oidc.AuthorizationRequest;
import org.heteronym.oidc.AuthorizationResponses;
import org.heteronym.oidc.ForumLogins;
import org.heteronym.oidc.LoginOutcome;
import org.heteronym.oidc.OidcEndpoints;
import org.heteronym.oidc.UnknownClientOrRedirect;
import org.heteronym.web.ContentSecurityPolicy;

/**
 * The authorization endpoint (GET and form POST, OpenID Connect Core §3.1.2.1) and the consent form's answer.
 *
 * <p>The member session cookie is {@code SameSite=Strict}, so a member arriving from a forum is not signed in here:
 * every forum login passes through a passkey assertion on /sign-in, which then returns to this endpoint. The same
 * property protects the consent form: a cross-site POST carries no session and is sent to sign-in instead.
 */
@Path(OidcEndpoints.AUTHORIZE)
public class AuthorizePage {

    private final ForumClients forums;
    private final MemberAccounts accounts;
    private final ForumLogins logins;
    private final CurrentIdentityAssociation identities;
    private final ContentSecurityPolicy csp;
    private final String issuer;

    AuthorizePage(ForumClients forums, MemberAccounts accounts, ForumLogins logins,
                  CurrentIdentityAssociation identities, ContentSecurityPolicy csp,
                  @ConfigProperty(name = "heteronym.public-url") String issuer) {
        this.csp = csp;
        this.forums = forums;
        this.accounts = accounts;
        this.logins = logins;
        this.identities = identities;
        this.issuer = issuer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> get(@Context UriInfo uri) {
        return handle(uri.getQueryParameters(), Optional.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> post(MultivaluedMap<String, String> form) {
        return handle(form, Optional.empty());
    }

    /** The consent form: the request's parameters again, and the member's decision. */
    @POST
    @Path("consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> consent(MultivaluedMap<String, String> form, @FormParam("decision") String decision) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>(form);
        params.remove("decision");
        return handle(params, Optional.of("allow".equals(decision)));
    }

    private Uni<Response> handle(MultivaluedMap<String, String> params, Optional<Boolean> consent) {
        AuthorizationRequest.Target target;
        try {
            target = AuthorizationRequest.target(params);
        } catch (UnknownClientOrRedirect e) {
            return Uni.createFrom().item(badRequest(e));
        }
        return forums.active(target.clientId()).chain(forum -> {
            if (forum.isEmpty()) {
                return Uni.createFrom().item(badRequest(new UnknownClientOrRedirect(
                        "No forum with this client_id can log members in.")));
            }
            AuthorizationRequest.Target checked;
            AuthorizationRequest request;
            try {
                checked = target.checkedAgainst(forum.get());
                request = AuthorizationRequest.parse(params, checked);
            } catch (UnknownClientOrRedirect e) {
                return Uni.createFrom().item(badRequest(e));
            } catch (AuthorizationError e) {
                return Uni.createFrom().item(redirect(AuthorizationResponses.error(target.redirectUri(), e,
                        Optional.ofNullable(params.getFirst("state")).filter(s -> s.length() <= 512), issuer)));
            }
            return signedIn().chain(member -> member.isEmpty()
                    ? Uni.createFrom().item(signIn(request, params))
                    : decide(request, forum.get(), member.get(), consent));
        });
    }

    private Uni<Response> decide(AuthorizationRequest request, Forum forum, LoginMember member,
                                 Optional<Boolean> consent) {
        if (consent.isPresent() && !consent.get()) {
            return Uni.createFrom().item(respond(logins.declined(request), request));
        }
        return logins.authorize(request, forum, member, consent.orElse(false))
                .onFailure(AuthorizationError.class).recoverWithItem(e -> logins.error(request, (AuthorizationError) e))
                .map(outcome -> respond(outcome, request));
    }

    private Uni<Optional<LoginMember>> signedIn() {
        return MemberSession.memberId(identities).chain(id -> id.isEmpty()
                ? Uni.createFrom().item(Optional.<LoginMember>empty()) : accounts.forLogin(id.get()));
    }

    /** Not signed in: {@code login_required} for {@code prompt=none}, else sign in and come back here. */
    private Response signIn(AuthorizationRequest request, MultivaluedMap<String, String> params) {
        if (request.prompt().contains("none")) {
            return respond(logins.error(request, new AuthorizationError("login_required",
                    "the member is not signed in")), request);
        }
        String next = OidcEndpoints.AUTHORIZE + "?" + query(params);
        return redirect(URI.create("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }

    private Response respond(LoginOutcome outcome, AuthorizationRequest request) {
        return switch (outcome) {
            case LoginOutcome.Redirect r -> redirect(r.location());
            case LoginOutcome.ConsentNeeded c -> Response.fromResponse(page(200, OidcPages.consent(c.forumName(),
                    c.handle(), c.email(), c.profession().orElse(null), hiddenFields(request))))
                    .header(ContentSecurityPolicy.HEADER, consentPolicy(request.redirectUri())).build();
            case LoginOutcome.Refused r -> page(403, OidcPages.refused(r.forumName(), r.reason(),
                    r.back().toString()));
        };
    }

    /**
     * The site's policy, except that the consent form may lead to the forum: browsers apply {@code form-action} to
     * the redirect that follows a form submission, so {@code 'self'} alone would stop the member at our door.
     */
    private String consentPolicy(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return csp.allowingFormAction(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** The request as the consent form re-sends it: its parameters, normalised, each once. */
    private static List<OidcPages.Param> hiddenFields(AuthorizationRequest request) {
        List<OidcPages.Param> fields = new java.util.ArrayList<>(List.of(
                new OidcPages.Param("response_type", "code"),
                new OidcPages.Param("client_id", request.clientId()),
                new OidcPages.Param("redirect_uri", request.redirectUri()),
                new OidcPages.Param("scope", request.scope()),
                new OidcPages.Param("code_challenge", request.codeChallenge()),
                new OidcPages.Param("code_challenge_method", "S256")));
        request.state().ifPresent(s -> fields.add(new OidcPages.Param("state", s)));
        request.nonce().ifPresent(n -> fields.add(new OidcPages.Param("nonce", n)));
        return fields;
    }

    private static String query(MultivaluedMap<String, String> params) {
        return params.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v)))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Response badRequest(UnknownClientOrRedirect e) {
        return page(400, OidcPages.badRequest(e.getMessage()));
    }

    private static Response page(int status, Object entity) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store")
                .entity(entity).build();
    }

    private static Response redirect(URI location) {
        return Response.seeOther(location).header("Cache-Control", "no-store").build();
    }
}
