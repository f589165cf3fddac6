package io.quotewire.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Input limit on query strings under {@code /api/}: a query parameter (search words, speaker, cursor
 * …) longer than {@code quotewire.limits.max-query-param-length} characters (decoded), or more than
 * {@code quotewire.limits.max-query-params} parameters, is a 400 problem+json before any resource or
 * database sees it. (The whole request line is capped by Quarkus at
 * {@code quarkus.http.limits.max-initial-line-length}, 4096 bytes by default, answered 414.)
 */
@ApplicationScoped
public class QueryParameterLimit {

    /** Ahead of the body limit (-3) and Quarkus' own handlers. */
    static final int ORDER = -5;

    @Inject
    LimitsConfig limits;

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        int maxParams = limits.maxQueryParams();
        int maxLength = limits.maxQueryParamLength();
        var params = ctx.queryParams();
        if (params.size() > maxParams) {
            reject(ctx, "at most " + maxParams + " query parameters are accepted, got " + params.size());
            return;
        }
        for (Map.Entry<String, String> param : params) {
            if (param.getValue().length() > maxLength || param.getKey().length() > maxLength) {
                reject(ctx, "query parameter '" + abbreviate(param.getKey()) + "' is longer than " + maxLength
                        + " characters");
                return;
            }
        }
        ctx.next();
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private static void reject(RoutingContext ctx, String detail) {
        AuthProblems.answer(ctx, 400, "Bad Request", detail);
    }
}
