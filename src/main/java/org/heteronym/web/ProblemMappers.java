package org.heteronym.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers. Every API error is RFC 9457 problem+json; a failure we did not
 * anticipate is logged with an incident id and answered with that id only, never with a stack trace or internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refusal(ApiException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(Problem.http(401, "Unauthorized",
                        "A valid bearer token from the organisation's identity provider is required.")))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.http(403, "Forbidden", "Your role does not allow this operation."));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ProblemMappers::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(Problem.http(400, "Bad Request", detail));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(Problem.http(400, "Bad Request", "The request body is not valid JSON of the expected shape."));
    }

    /**
     * Jackson sniffs UTF-16/32 from a body's first bytes; a body that looks like UTF-32 but is cut short fails with
     * this IOException, not a JsonProcessingException (found by fuzzing the request bodies): still the client's
     * unreadable body, not an incident.
     */
    @ServerExceptionMapper
    public Response unreadableCharacters(CharConversionException e) {
        return respond(Problem.http(400, "Bad Request", "The request body is not valid JSON of the expected shape."));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        if (e.getCause() instanceof CharConversionException characters) {
            return unreadableCharacters(characters);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "HTTP " + status : info.getReasonPhrase();
        return respond(Problem.http(status, title, describeHttp(status)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DatabaseUnreachable.causes(e)) {
            LOG.warnf("Database connection lost during a request: %s", e.getMessage());
            return Response.fromResponse(respond(Problem.http(503, "Service Unavailable",
                    "The service lost its database connection; the request may not have taken effect. Try again.")))
                    .header("Retry-After", "1").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.http(500, "Internal Server Error",
                "The service could not complete the request. Quote incident " + incident + " to the operator."));
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return (dot >= 0 ? path.substring(dot + 1) : path) + ": " + v.getMessage();
    }

    private static String describeHttp(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "The service cannot answer in the media type you asked for.";
            case 413 -> "The request body is larger than the service accepts.";
            case 415 -> "The service does not accept this content type here.";
            default -> "The request cannot be processed.";
        };
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
