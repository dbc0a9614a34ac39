package org.heteronym.disclosure.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.credential.CaCertificates;
import org.heteronym.disclosure.CourtAnchor;
import org.heteronym.disclosure.CourtAnchorRegistry;

/** The operator's court anchors (docs/disclosure.md §2). */
@Path("/admin/v1/court-anchors")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class CourtAnchorAdminResource {

    private final CourtAnchorRegistry registry;

    CourtAnchorAdminResource(CourtAnchorRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@NotNull AnchorRequest request) {
        return registry.register(request.name(), request.ca_certificates())
                .map(anchor -> Response.status(Response.Status.CREATED).entity(view(anchor)).build());
    }

    @GET
    public Uni<List<Map<String, Object>>> list() {
        return registry.list().map(anchors -> anchors.stream().map(CourtAnchorAdminResource::view).toList());
    }

    @DELETE
    @Path("{id}")
    public Uni<Map<String, Object>> retire(@PathParam("id") UUID id) {
        return registry.retire(id).map(CourtAnchorAdminResource::view);
    }

    /** {@code ca_certificates}: PEM, as for member trust anchors. */
    public record AnchorRequest(String name, List<String> ca_certificates) {
    }

    static Map<String, Object> view(CourtAnchor anchor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", anchor.id.toString());
        m.put("name", anchor.name);
        m.put("sha256", anchor.certificates().stream().map(CaCertificates::sha256).toList());
        m.put("registered_on", anchor.registeredOn.toString());
        if (anchor.retiredOn != null) {
            m.put("retired_on", anchor.retiredOn.toString());
        }
        return m;
    }
}
