package org.heteronym.escrow.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.escrow.CeremonyCoordinator;

@Path("/admin/v1/ceremonies")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class CeremonyAdminResource {

    private final CeremonyCoordinator coordinator;

    CeremonyAdminResource(CeremonyCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** Opens a ceremony among registered trustees, in the order given (participant 1 first). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> open(@Valid @NotNull CeremonyRequest request) {
        return coordinator.open(request.threshold(), request.trustees())
                .flatMap(ceremony -> coordinator.status(ceremony.id))
                .map(status -> Response.status(Response.Status.CREATED).entity(EscrowJson.ceremony(status)).build());
    }

    public record CeremonyRequest(int threshold, @NotEmpty List<@NotNull UUID> trustees) {
    }
}
