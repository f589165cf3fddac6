package io.quotewire.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quotewire.query.api.model.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Answers a body announced (Content-Length) as larger than {@code quarkus.http.limits.max-body-size}
 * with a 413 in problem+json, just ahead of Quarkus' own check (which answers with an empty body).
 * A body up to {@link #DRAIN_FACTOR} times the limit is read and discarded first, so that a client
 * that reads the answer only after sending everything sees the 413 rather than a broken pipe;
 * anything larger is answered at once and the connection closed.
 */
@ApplicationScoped
public class BodyLimitRoute {

    /** Quarkus' own limit handler runs at order -2. */
    static final int ORDER = -3;

    static final int DRAIN_FACTOR = 3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper objectMapper;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> router.route().order(ORDER).handler(ctx -> check(ctx, limit.asLongValue())));
    }

    private void check(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        String announced = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long length;
        try {
            length = announced == null ? -1 : Long.parseLong(announced.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        String body = problem(limit, request.path());
        HttpServerResponse response = ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
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

    private String problem(long limit, String path) {
        Problem problem = new Problem()
                .type("about:blank")
                .title("Content Too Large")
                .status(413)
                .detail("the request body is over the limit of " + limit + " bytes")
                .instance(path);
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
