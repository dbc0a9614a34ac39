package org.heteronym.disclosure.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.heteronym.disclosure.Objections;
import org.heteronym.oidc.client.ClientAuthenticator;

/**
 * A forum relays its member's objection (docs/disclosure.md §6). The forum authenticates as at the token endpoint
 * and names the pseudonym it knows; the objection goes to every open request the member was notified of.
 */
@Path("/disclosure/v1/objections")
public class ObjectionResource {

    private final ClientAuthenticator clients;
    private final Objections objections;

    ObjectionResource(ClientAuthenticator clients, Objections objections) {
        this.clients = clients;
        this.objections = objections;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> relay(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               MultivaluedMap<String, String> form) {
        return clients.authenticate(authorization, form)
                .flatMap(forum -> objections.fromForum(forum.clientId(), form.getFirst("pseudonym"), form.getFirst("text")))
                .map(count -> Response.status(Response.Status.CREATED).entity(Map.of("objections", count)).build());
    }
}
