package org.heteronym.credential.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.credential.LicensingAuthorityRegistry;
import org.heteronym.credential.LicensingAuthoritySpec;

/** The licensing authorities whose attestations are accepted (docs/credentials.md, "Administration"). */
@Path("/admin/v1/licensing-authorities")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class LicensingAuthorityAdminResource {

    private final LicensingAuthorityRegistry registry;

    LicensingAuthorityAdminResource(LicensingAuthorityRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@Valid @NotNull AuthorityRequest request) {
        return registry.register(request.spec()).map(authority ->
                Response.status(Response.Status.CREATED).entity(CredentialJson.authority(authority)).build());
    }

    @GET
    public Uni<List<Map<String, Object>>> list() {
        return registry.list().map(authorities -> authorities.stream().map(CredentialJson::authority).toList());
    }

    /** Retires the authority: its attestations stop verifying at once; the record stays. */
    @DELETE
    @Path("{id}")
    public Uni<Map<String, Object>> retire(@PathParam("id") String id) {
        return registry.retire(id).map(CredentialJson::authority);
    }

    /** Required members only; {@link LicensingAuthoritySpec#validate} checks the content, with typed refusals. */
    public record AuthorityRequest(
            @NotNull String id,
            @NotNull String issuer,
            @NotNull JsonNode jwks,
            @NotNull List<String> vcts,
            Map<String, String> claims,
            @NotNull Map<String, String> professions,
            @NotNull @JsonProperty("status_list_prefixes") List<String> statusListPrefixes) {

        LicensingAuthoritySpec spec() {
            return new LicensingAuthoritySpec(id, issuer, jwks, vcts, claims, professions, statusListPrefixes);
        }
    }
}
