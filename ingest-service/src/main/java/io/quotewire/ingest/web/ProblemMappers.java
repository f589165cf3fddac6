package io.quotewire.ingest.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quotewire.ingest.api.model.Problem;
import io.quotewire.ingest.service.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error answer is RFC 9457 {@code application/problem+json}. */
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
            // A parameter converter rejected a value (JAX-RS would make that a 404).
            return problem(problem, uri);
        }
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404 && cause instanceof NumberFormatException number) {
            // A query parameter that must be a number is not (all path parameters are UUIDs).
            return problem(400, "Bad Request", "not a number: " + number.getMessage(), uri);
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
        return problem(400, "Bad Request", describe(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return problem(400, "Bad Request", describe(e), uri);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidFormatException e, UriInfo uri) {
        return problem(400, "Bad Request", describe(e), uri);
    }

    /** What is wrong with a JSON body, in the client's terms (field names, not Java classes). */
    static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return field.isEmpty()
                    ? "malformed JSON: the body must be a JSON object with a \"text\" string"
                    : "malformed JSON: invalid value for \"" + field + "\"";
        }
        JsonLocation at = e.getLocation();
        return "malformed JSON: " + e.getOriginalMessage()
                + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    /**
     * A chunked body (no Content-Length) that grows past {@code quarkus.http.limits.max-body-size}:
     * Quarkus has usually answered 413 already by the time this is thrown; otherwise this does.
     */
    @ServerExceptionMapper
    public Response io(IOException e, UriInfo uri) {
        if ("Request too large".equals(e.getMessage())) {
            return problem(413, "Content Too Large", "the request body is over the configured limit", uri);
        }
        return problem(400, "Bad Request", "could not read the request: " + e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return problem(500, "Internal Server Error", "unexpected failure; see the service log", uri);
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
