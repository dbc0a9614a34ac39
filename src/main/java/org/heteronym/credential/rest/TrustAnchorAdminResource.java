package org.heteronym.credential.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import org.heteronym.credential.TrustAnchorRegistry;
import org.heteronym.credential.TrustAnchorSpec;

/** The CAs whose health-professional certificates are accepted (docs/credentials.md, "Administration"). */
@Path("/admin/v1/trust-anchors")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class TrustAnchorAdminResource {

    private final TrustAnchorRegistry registry;

    TrustAnchorAdminResource(TrustAnchorRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@Valid @NotNull TrustAnchorRequest request) {
        return registry.register(request.spec())
                .map(anchor -> Response.status(Response.Status.CREATED).entity(CredentialJson.anchor(anchor)).build());
    }

    @GET
    public Uni<List<Map<String, Object>>> list() {
        return registry.list().map(anchors -> anchors.stream().map(CredentialJson::anchor).toList());
    }

    /** Retires the anchor: it stops verifying at once; the record stays. */
    @DELETE
    @Path("{id}")
    public Uni<Map<String, Object>> retire(@PathParam("id") String id) {
        return registry.retire(id).map(CredentialJson::anchor);
    }

    /** Required members only; {@link TrustAnchorSpec#validate} checks the content, with typed refusals. */
    public record TrustAnchorRequest(
            @NotNull String id,
            @NotNull @JsonProperty("ca_certificates") List<String> caCertificates,
            @JsonProperty("licence_attribute_oid") String licenceAttributeOid,
            @JsonProperty("name_attribute_oid") String nameAttributeOid,
            @NotNull @JsonProperty("profession_by_policy") Map<String, String> professionByPolicy) {

        TrustAnchorSpec spec() {
            return new TrustAnchorSpec(id, caCertificates, licenceAttributeOid, nameAttributeOid, professionByPolicy);
        }
    }
}
