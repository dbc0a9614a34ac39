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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.disclosure.LegalOfficer;
import org.heteronym.disclosure.OfficerRegistry;

/** The operator's register of legal officers and their officer keys. */
@Path("/admin/v1/officers")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class OfficerAdminResource {

    private final OfficerRegistry registry;

    OfficerAdminResource(OfficerRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@NotNull OfficerRequest request) {
        return registry.register(request.subject(), request.name(), request.public_key())
                .map(officer -> Response.status(Response.Status.CREATED).entity(view(officer)).build());
    }

    @GET
    public Uni<List<Map<String, Object>>> list() {
        return registry.list().map(officers -> officers.stream().map(OfficerAdminResource::view).toList());
    }

    @DELETE
    @Path("{id}")
    public Uni<Map<String, Object>> retire(@PathParam("id") UUID id) {
        return registry.retire(id).map(OfficerAdminResource::view);
    }

    /** {@code subject}: the officer's staff-token {@code sub}; {@code public_key}: from {@code heteronym officer keygen}. */
    public record OfficerRequest(String subject, String name, String public_key) {
    }

    static Map<String, Object> view(LegalOfficer officer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", officer.id.toString());
        m.put("subject", officer.subject);
        m.put("name", officer.name);
        m.put("public_key", Base64.getEncoder().encodeToString(officer.publicKey));
        m.put("registered_on", officer.registeredOn.toString());
        if (officer.retiredOn != null) {
            m.put("retired_on", officer.retiredOn.toString());
        }
        return m;
    }
}
