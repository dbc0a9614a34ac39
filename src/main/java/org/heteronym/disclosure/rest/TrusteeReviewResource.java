package org.heteronym.disclosure.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.disclosure.DisclosureProblem;
import org.heteronym.disclosure.DisclosureRefusal;
import org.heteronym.disclosure.DisclosureRequest;
import org.heteronym.disclosure.EpochTrustees;
import org.heteronym.disclosure.RequestDetails;
import org.heteronym.disclosure.TrusteeSignatures;
import org.heteronym.disclosure.TrusteeSubmissions;
import org.heteronym.escrow.Trustee;

/**
 * What trustees' tools call (docs/disclosure.md §§4, 6). No bearer token: every call, reads included, carries the
 * {@code Heteronym-Trustee} signature header, and a trustee sees only requests on envelopes of an epoch it holds a
 * share of.
 */
@Path("/disclosure/v1/review/requests")
@Produces(MediaType.APPLICATION_JSON)
public class TrusteeReviewResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EMPTY = new byte[0];

    private final TrusteeSignatures signatures;
    private final EpochTrustees trustees;
    private final RequestDetails details;
    private final TrusteeSubmissions submissions;

    TrusteeReviewResource(TrusteeSignatures signatures, EpochTrustees trustees, RequestDetails details,
                          TrusteeSubmissions submissions) {
        this.signatures = signatures;
        this.trustees = trustees;
        this.details = details;
        this.submissions = submissions;
    }

    @GET
    public Uni<List<Map<String, Object>>> open(@HeaderParam(TrusteeSignatures.HEADER) String header,
                                               @Context UriInfo uri) {
        return trustee(header, "GET", uri, EMPTY).flatMap(trustee -> details.open().flatMap(requests -> Multi
                .createFrom().iterable(requests)
                .onItem().transformToUniAndConcatenate(r -> Panache.withSession(() -> trustees.isTrustee(r.epochId, trustee.id))
                        .map(mine -> mine ? r : null))
                .filter(r -> r != null)
                .map(RequestDetails::summary)
                .collect().asList()));
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> one(@HeaderParam(TrusteeSignatures.HEADER) String header, @Context UriInfo uri,
                                        @PathParam("id") UUID id) {
        return visible(header, uri, id, EMPTY).flatMap(request -> details.details(request, true));
    }

    @GET
    @Path("{id}/order")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<byte[]> order(@HeaderParam(TrusteeSignatures.HEADER) String header, @Context UriInfo uri,
                             @PathParam("id") UUID id) {
        return visible(header, uri, id, EMPTY).map(request -> request.orderDocument);
    }

    @POST
    @Path("{id}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> share(@HeaderParam(TrusteeSignatures.HEADER) String header, @Context UriInfo uri,
                               @PathParam("id") UUID id, byte[] body) {
        JsonNode json = json(body);
        return trustee(header, "POST", uri, body)
                .flatMap(trustee -> submissions.share(trustee, id, json.path("checkpoint_size").asLong(-1),
                        json.path("share").asText(null)))
                .map(stored -> Response.status(stored ? Response.Status.CREATED : Response.Status.OK)
                        .entity(Map.of("status", stored ? "stored" : "already-stored")).build());
    }

    @POST
    @Path("{id}/refusals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> refuse(@HeaderParam(TrusteeSignatures.HEADER) String header, @Context UriInfo uri,
                                @PathParam("id") UUID id, byte[] body) {
        JsonNode json = json(body);
        return trustee(header, "POST", uri, body)
                .flatMap(trustee -> submissions.refuse(trustee, id, json.path("reason").asText(null),
                        json.path("signature").asText(null)))
                .map(ignored -> Response.status(Response.Status.CREATED).entity(Map.of("status", "stored")).build());
    }

    private Uni<Trustee> trustee(String header, String method, UriInfo uri, byte[] body) {
        String path = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return signatures.authenticate(header, method, path, body == null ? EMPTY : body);
    }

    /** A request on another epoch's envelope is answered as if it did not exist. */
    private Uni<DisclosureRequest> visible(String header, UriInfo uri, UUID id, byte[] body) {
        return trustee(header, "GET", uri, body).flatMap(trustee -> details.find(id).flatMap(request -> Panache
                .withSession(() -> trustees.isTrustee(request.epochId, trustee.id)).map(mine -> {
                    if (!mine) {
                        throw new DisclosureRefusal(DisclosureProblem.NOT_FOUND, "no disclosure request " + id);
                    }
                    return request;
                })));
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body == null ? EMPTY : body);
            if (node == null || !node.isObject()) {
                throw new DisclosureRefusal(DisclosureProblem.BAD_REQUEST, "the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new DisclosureRefusal(DisclosureProblem.BAD_REQUEST, "the body is not JSON");
        }
    }
}
