package io.quotewire.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.stream.Collectors;

/**
 * Every error a service answers through JAX-RS is RFC 9457 {@code application/problem+json}
 * ({@link Problems}); bad input is a 4xx that says what is wrong, never a 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e instanceof ParameterConverters.BadValue bad && e.parameter() == null && uri != null) {
            String name = carrying(uri, bad.value());
            if (name != null) {
                e = bad.naming(name);
            }
        }
        return Problems.response(e.status(), e.title(), e.getMessage(), path(uri), e.parameter(),
                e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException problem) {
            return problem(problem, uri); // a parameter converter refused a value
        }
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404 && (cause instanceof IllegalArgumentException || cause instanceof DateTimeException)) {
            // A path or query parameter did not convert (not a UUID, not a number, not one of an enum's values,
            // not an ISO-8601 date-time): JAX-RS answers 404, but it is a bad request.
            return problem(400, "Bad Request", "malformed parameter: " + cause.getMessage(), uri);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return problem(status, type == null ? "HTTP " + status : type.getReasonPhrase(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "Bad Request", describe(e), uri);
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

    /**
     * A chunked body that grows past {@code quarkus.http.limits.max-body-size}: {@link BodyLimitRoute} has
     * usually answered 413 already by the time this is thrown; otherwise this does.
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
        String state = sqlState(e);
        if (state != null && state.startsWith("40")) {
            // Deadlock or serialization failure: nothing was written; the caller may retry.
            LOG.warnf("transaction aborted (SQLSTATE %s); answering 503", state);
            return Problems.response(503, "Service Unavailable",
                    "the write collided with a concurrent one and was rolled back; retry", path(uri), null, 1);
        }
        LOG.error("unexpected failure", e);
        return problem(500, "Internal Server Error", "unexpected failure; see the service log", uri);
    }

    /** What is wrong with a JSON body, in the client's terms (field names, not Java classes). */
    public static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return field.isEmpty()
                    ? "malformed JSON: the body is not the JSON object the contract describes"
                    : "malformed JSON: invalid value for \"" + field + "\"";
        }
        JsonLocation at = e.getLocation();
        return "malformed JSON: " + e.getOriginalMessage()
                + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    /** The query or path parameter whose value is the given one, or null. */
    private static String carrying(UriInfo uri, String value) {
        for (var params : java.util.List.of(uri.getQueryParameters(), uri.getPathParameters())) {
            for (var entry : params.entrySet()) {
                if (entry.getValue().contains(value)) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Response problem(int status, String title, String detail, UriInfo uri) {
        return Problems.response(status, title, detail, path(uri), null, 0);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
