package org.heteronym.escrow.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.escrow.TrusteeRegistry;

@Path("/admin/v1/trustees")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class TrusteeAdminResource {

    private final TrusteeRegistry registry;

    TrusteeAdminResource(TrusteeRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@Valid @NotNull TrusteeRequest request) {
        return registry.register(request.name(), request.publicKey())
                .map(trustee -> Response.status(Response.Status.CREATED).entity(EscrowJson.trustee(trustee)).build());
    }

    @GET
    public Uni<List<Map<String, Object>>> list() {
        return registry.list().map(trustees -> trustees.stream().map(EscrowJson::trustee).toList());
    }

    public record TrusteeRequest(@NotBlank @Size(max = 200) String name,
                                 @NotBlank @Size(max = 100) @JsonProperty("public_key") String publicKey) {
    }
}
