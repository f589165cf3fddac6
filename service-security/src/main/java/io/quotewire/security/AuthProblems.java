package io.quotewire.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quotewire.web.Problems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers authentication and authorization failures, like every other error, as RFC 9457
 * {@code application/problem+json}: 401 (no credentials, an unknown API key, an invalid or expired
 * token) with a {@code WWW-Authenticate} challenge, and 403 (authenticated, but without the role
 * the path and method need). The path permissions themselves are configuration
 * ({@code quarkus.http.auth.permission.*}, see the service's application.properties).
 */
@ApplicationScoped
public class AuthProblems {

    public static final String CHALLENGE = "Bearer realm=\"quotewire\", ApiKey header=\"" + ApiKeyAuthenticationMechanism.HEADER + "\"";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            unauthorized(ctx);
        } else if (failure instanceof ForbiddenException) {
            answer(ctx, 403, "Forbidden", "the credentials are valid but lack the role this request needs");
        } else {
            ctx.next();
        }
    }

    static void unauthorized(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE);
        answer(ctx, 401, "Unauthorized", "this request needs a valid bearer token (Authorization: Bearer …) or "
                + "API key (" + ApiKeyAuthenticationMechanism.HEADER + ")");
    }

    /** Ends the exchange with an RFC 9457 problem. */
    static void answer(RoutingContext ctx, int status, String title, String detail) {
        Problems.answer(ctx, status, title, detail, null);
    }
}
