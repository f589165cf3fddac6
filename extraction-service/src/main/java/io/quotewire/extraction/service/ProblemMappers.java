package io.quotewire.extraction.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quotewire.extraction.api.model.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the service as RFC 9457 {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String PROBLEM_JSON = "application/problem+json";

    @Context
    UriInfo uriInfo;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response r = respond(e.status(), e.title(), e.getMessage());
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build() : r;
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(400, "Malformed JSON", e.getOriginalMessage());
    }

    /** Valid JSON of the wrong shape (no "text", a number where a string goes). */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return respond(400, "Malformed request", e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return respond(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("extraction failed", e);
        return respond(500, "Extraction failed", "An internal error occurred; it has been logged.");
    }

    private Response respond(int status, String title, String detail) {
        Problem p = new Problem()
                .type("about:blank")
                .title(title)
                .status(status)
                .detail(detail)
                .instance(uriInfo == null ? null : uriInfo.getPath());
        return Response.status(status).type(PROBLEM_JSON).entity(p).build();
    }
}
