package org.heteronym.log.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.log.StatementService;

@Path("/admin/v1/log/statements")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
public class StatementResource {

    private final StatementService statements;

    StatementResource(StatementService statements) {
        this.statements = statements;
    }

    /**
     * Appends an operator statement. Answers 202 once it is durably committed; with {@code wait=true}, answers 201
     * with its index, checkpoint and inclusion proof once integrated (or 202 if that takes longer than the limit).
     */
    @POST
    @APIResponse(responseCode = "202", description = "Committed; integration pending")
    @APIResponse(responseCode = "201", description = "Integrated (with wait=true): index, checkpoint, inclusion proof")
    @APIResponse(responseCode = "400", description = "Invalid statement (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid staff token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an operator (problem+json)")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> append(@Valid @NotNull StatementRequest request, @QueryParam("wait") boolean wait) {
        return statements.record(request.statement()).flatMap(pending -> {
            if (!wait) {
                return Uni.createFrom().item(Response.accepted(LogJson.pending()).build());
            }
            return statements.awaitReceipt(pending).map(receipt -> receipt
                    .map(r -> Response.status(Response.Status.CREATED).entity(LogJson.receipt(r)).build())
                    .orElseGet(() -> Response.accepted(LogJson.pending()).build()));
        });
    }

    public record StatementRequest(
            @NotBlank @Size(max = 4000)
            @Pattern(regexp = "[^\\p{Cntrl}]*(\\n[^\\p{Cntrl}]*)*", message = "must not contain control characters other than line feeds")
            String statement) {
    }
}
