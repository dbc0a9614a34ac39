package org.heteronym.escrow.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.heteronym.escrow.CeremonyCoordinator;
import org.heteronym.escrow.EpochRegistry;

/**
 * The relay trustees' tools talk to. No bearer token: every message is signed with the sender's registered static key
 * and checked before it is stored; reads are public, as the transcript will be.
 */
@Path("/escrow/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CeremonyResource {

    private final CeremonyCoordinator coordinator;
    private final EpochRegistry epochs;

    CeremonyResource(CeremonyCoordinator coordinator, EpochRegistry epochs) {
        this.coordinator = coordinator;
        this.epochs = epochs;
    }

    @GET
    @Path("/ceremonies/{id}")
    public Uni<Map<String, Object>> ceremony(@PathParam("id") String id) {
        return coordinator.status(id).map(EscrowJson::ceremony);
    }

    @PUT
    @Path("/ceremonies/{id}/round{round: [12]}/{index: [0-9]{1,3}}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<Response> submit(@PathParam("id") String id, @PathParam("round") int round,
                                @PathParam("index") int index, byte[] message) {
        return coordinator.submit(id, round, index, message == null ? new byte[0] : message)
                .map(stored -> Response.status(stored ? Response.Status.CREATED : Response.Status.OK).build());
    }

    @GET
    @Path("/ceremonies/{id}/round{round: [12]}")
    public Uni<Map<String, Object>> round(@PathParam("id") String id, @PathParam("round") int round) {
        return coordinator.round(id, round).map(EscrowJson::round);
    }

    @GET
    @Path("/epochs/{id}")
    public Uni<Map<String, Object>> epoch(@PathParam("id") String id) {
        return epochs.find(id).map(EscrowJson::epoch);
    }
}
