package io.quotewire.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}): {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} (the request path) and, when the problem concerns one
 * parameter, the extension member {@code parameter}. The one writer of every error body of the three services,
 * from a JAX-RS mapper ({@link #response}) or from a Vert.x route that answers before JAX-RS ({@link #answer}).
 */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** The problem as JSON text. */
    public static String json(int status, String title, String detail, String instance, String parameter) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (parameter != null) {
            problem.put("parameter", parameter);
        }
        return problem.encode();
    }

    /** A JAX-RS response carrying the problem (with Retry-After when retryAfterSeconds > 0). */
    public static Response response(int status, String title, String detail, String instance, String parameter,
            long retryAfterSeconds) {
        Response.ResponseBuilder r = Response.status(status).type(PROBLEM_JSON)
                .entity(json(status, title, detail, instance, parameter));
        if (retryAfterSeconds > 0) {
            r.header("Retry-After", retryAfterSeconds);
        }
        return r.build();
    }

    /** Ends a Vert.x exchange with the problem. */
    public static void answer(RoutingContext ctx, int status, String title, String detail, String parameter) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                .end(json(status, title, detail, ctx.request().path(), parameter));
    }
}
