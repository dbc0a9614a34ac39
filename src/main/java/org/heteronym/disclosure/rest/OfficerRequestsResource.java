package org.heteronym.disclosure.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.disclosure.DisclosureProblem;
import org.heteronym.disclosure.DisclosureRefusal;
import org.heteronym.disclosure.DisclosureRequest;
import org.heteronym.disclosure.FilingForm;
import org.heteronym.disclosure.LegalOfficer;
import org.heteronym.disclosure.OfficerRegistry;
import org.heteronym.disclosure.RequestDetails;
import org.heteronym.disclosure.RequestFiling;
import org.heteronym.disclosure.RequestTransitions;

/** A legal officer's requests: filing, reading their own, withdrawing (docs/disclosure.md §6). */
@Path("/disclosure/v1/requests")
@RolesAllowed("legal-officer")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class OfficerRequestsResource {

    private final JsonWebToken token;
    private final OfficerRegistry officers;
    private final RequestFiling filing;
    private final RequestDetails details;
    private final RequestTransitions transitions;

    OfficerRequestsResource(JsonWebToken token, OfficerRegistry officers, RequestFiling filing,
                            RequestDetails details, RequestTransitions transitions) {
        this.token = token;
        this.officers = officers;
        this.filing = filing;
        this.details = details;
        this.transitions = transitions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> file(FilingForm form) {
        return filing.file(token.getSubject(), form).flatMap(request -> details.details(request, false))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    public Uni<List<Map<String, Object>>> mine() {
        return officer().flatMap(officer -> details.ofOfficer(officer.id))
                .map(requests -> requests.stream().map(RequestDetails::summary).toList());
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> one(@PathParam("id") UUID id) {
        return own(id).flatMap(request -> details.details(request, false));
    }

    @GET
    @Path("{id}/order")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<byte[]> order(@PathParam("id") UUID id) {
        return own(id).map(request -> request.orderDocument);
    }

    @POST
    @Path("{id}/withdraw")
    public Uni<Map<String, Object>> withdraw(@PathParam("id") UUID id) {
        return officer().flatMap(officer -> transitions.withdraw(officer.id, id)).map(RequestDetails::summary);
    }

    private Uni<LegalOfficer> officer() {
        return Panache.withSession(() -> officers.bySubject(token.getSubject()));
    }

    /** Another officer's request is answered as if it did not exist. */
    private Uni<DisclosureRequest> own(UUID id) {
        return officer().flatMap(officer -> details.find(id).map(request -> {
            if (!request.officerId.equals(officer.id)) {
                throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND, "no disclosure request " + id + " of yours");
            }
            return request;
        }));
    }
}
