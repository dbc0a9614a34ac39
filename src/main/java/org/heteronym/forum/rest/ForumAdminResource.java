package org.heteronym.forum.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.forum.ForumProblem;
import org.heteronym.forum.ForumRefusal;
import org.heteronym.forum.ForumRegistry;
import org.heteronym.forum.ForumSpec;
import org.heteronym.forum.Registration;

/** The forums that may log members in (docs/forums.md, "Administration"). */
@Path("/admin/v1/forums")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class ForumAdminResource {

    private final ForumRegistry registry;

    ForumAdminResource(ForumRegistry registry) {
        this.registry = registry;
    }

    /** 201 with the forum; for {@code client_secret_basic} the only answer that shows the secret. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@Valid @NotNull ForumRequest request) {
        return registry.register(request.spec()).map(registration -> secretBearing(Response
                .created(URI.create("/admin/v1/forums/" + registration.forum().clientId())), registration));
    }

    @GET
    public Uni<List<Map<String, Object>>> list() {
        return registry.list().map(forums -> forums.stream().map(ForumViews::forum).toList());
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> get(@PathParam("id") String id) {
        return registry.get(id).map(ForumViews::forum);
    }

    /** Retires the forum: it logs nobody in from now on; the record stays and the id is never reused. */
    @DELETE
    @Path("{id}")
    public Uni<Map<String, Object>> retire(@PathParam("id") String id) {
        return registry.retire(id).map(ForumViews::forum);
    }

    /** A new client secret, shown once; the old one stops working at once. */
    @POST
    @Path("{id}/secret")
    public Uni<Response> rotateSecret(@PathParam("id") String id) {
        return registry.rotateSecret(id).map(registration -> secretBearing(Response.ok(), registration));
    }

    /** A secret must not be kept by caches or proxies between the operator and the service (RFC 9111 §5.2.2.5). */
    private static Response secretBearing(Response.ResponseBuilder builder, Registration registration) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return builder.entity(ForumViews.registration(registration)).cacheControl(noStore)
                .header("Pragma", "no-cache").build();
    }

    /**
     * Required members only; {@link ForumSpec#validate} checks the content, with typed refusals. Members this API does
     * not know are refused, not ignored: a misspelt {@code backchannel_logout_uri} must not silently register a
     * forum without one, and a {@code client_secret} sent here would not be used.
     */
    public record ForumRequest(
            @NotNull @JsonProperty("client_id") String clientId,
            @NotNull @JsonProperty("client_name") String clientName,
            @NotNull @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
            @JsonProperty("jwks_uri") String jwksUri,
            @JsonProperty("jwks") JsonNode jwks,
            @NotNull @JsonProperty("redirect_uris") List<String> redirectUris,
            @NotNull @JsonProperty("allowed_professions") List<String> allowedProfessions,
            @JsonProperty("release_profession") Boolean releaseProfession,
            @JsonProperty("backchannel_logout_uri") String backchannelLogoutUri,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

        ForumSpec spec() {
            if (unknown != null && !unknown.isEmpty()) {
                throw new ForumRefusal(ForumProblem.UNKNOWN_FIELD, "unknown members " + new TreeSet<>(unknown.keySet())
                        + "; see docs/forums.md for the fields of a forum");
            }
            return new ForumSpec(clientId, clientName, tokenEndpointAuthMethod, jwksUri, jwks, redirectUris,
                    allowedProfessions, releaseProfession, backchannelLogoutUri);
        }
    }
}
