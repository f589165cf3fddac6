package io.quotewire.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Answers a body announced (Content-Length) as larger than {@code quarkus.http.limits.max-body-size}
 * with a 413 in problem+json, just ahead of Quarkus' own check, which answers the same status with
 * an empty body. A moderately oversized body is read and discarded first, so that clients which
 * only read the answer after sending everything see the 413 instead of a broken pipe; anything far
 * beyond the limit is answered at once and the connection closed. A body without Content-Length
 * (chunked) is buffered here with the limit enforced, and answered the same way when it exceeds it.
 */
@ApplicationScoped
public class BodyLimitRoute {

    /** Quarkus' own limit handler runs at order -2. */
    static final int ORDER = -3;

    /** Bodies up to this multiple of the limit are drained before answering. */
    static final int DRAIN_FACTOR = 3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        BodyHandler streamed = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(ORDER)
                .handler(ctx -> check(ctx, limit, streamed))
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413 && !ctx.response().ended()) {
                        ctx.response()
                                .setStatusCode(413)
                                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON)
                                .putHeader(HttpHeaderNames.CONNECTION, "close")
                                .end(problem(limit, ctx.request().path()))
                                .onComplete(ignored -> ctx.request().connection().close());
                    } else {
                        ctx.next();
                    }
                });
    }

    private void check(RoutingContext ctx, long limit, BodyHandler streamed) {
        HttpServerRequest request = ctx.request();
        String announced = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long length;
        try {
            length = announced == null ? -1 : Long.parseLong(announced.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 && hasBody(request.method())) {
            // Size unknown up front (chunked): buffer it here, within the limit, so that going over
            // it fails into the failure handler above; Quarkus REST then reads the buffered body.
            streamed.handle(ctx);
            return;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        String body = problem(limit, request.path());
        HttpServerResponse response = ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON)
                .putHeader(HttpHeaderNames.CONNECTION, "close");
        if (length <= DRAIN_FACTOR * limit && !request.isEnded()) {
            request.handler(ignored -> { })
                    .exceptionHandler(ignored -> request.connection().close())
                    .endHandler(ignored -> response.end(body));
            request.resume();
        } else {
            response.end(body).onComplete(ignored -> request.connection().close());
        }
    }

    private static boolean hasBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private static String problem(long limit, String path) {
        return Problems.json(413, "Content Too Large", "the request body is over the limit of " + limit + " bytes",
                path, null);
    }
}
