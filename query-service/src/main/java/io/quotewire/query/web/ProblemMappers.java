package io.quotewire.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quotewire.query.api.model.Problem;
import io.quotewire.query.service.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.time.DateTimeException;

/** Every error answer is RFC 9457 {@code application/problem+json}; bad input is a 4xx, never a 500. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper objectMapper;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404 && (cause instanceof IllegalArgumentException || cause instanceof DateTimeException)) {
            // A path or query parameter did not convert (not a UUID, not a number, not an enum
            // value, not an ISO-8601 date-time): JAX-RS answers 404, but it is a bad request.
            return problem(400, "Bad Request", "malformed parameter: " + cause.getMessage(), uri);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return problem(status, title, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "Bad Request", "malformed JSON: " + e.getOriginalMessage(), uri);
    }

    /** Quarkus ships its own (body-less) mapper for this subtype; this one takes precedence. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidFormatException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String state = sqlState(e);
        if (state != null && state.startsWith("40")) {
            // Deadlock or serialization failure: nothing was written; the caller may retry.
            LOG.warnf("transaction aborted (SQLSTATE %s); answering 503", state);
            Response r = problem(503, "Service Unavailable",
                    "the write collided with a concurrent one and was rolled back; retry", uri);
            return Response.fromResponse(r).header("Retry-After", "1").build();
        }
        LOG.error("unexpected failure", e);
        return problem(500, "Internal Server Error", "unexpected failure; see the service log", uri);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private Response problem(int status, String title, String detail, UriInfo uri) {
        Problem problem = new Problem()
                .type("about:blank")
                .title(title)
                .status(status)
                .detail(detail)
                .instance(uri == null ? null : uri.getRequestUri().getRawPath());
        String body;
        try {
            body = objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            body = "{\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
