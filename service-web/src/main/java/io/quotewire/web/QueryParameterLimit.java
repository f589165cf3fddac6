package io.quotewire.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Input limits on query strings under {@code /api/}, checked before any resource or database sees them, each
 * answered 400 problem+json naming the parameter: a parameter (search words, speaker, cursor …) longer than
 * {@code quotewire.limits.max-query-param-length} characters (decoded); more than
 * {@code quotewire.limits.max-query-params} parameters; a control character in a name or value (a NUL byte,
 * which PostgreSQL refuses in text, or any other C0 control but tab, line feed and carriage return). The whole
 * request line is capped before, by {@link RequestHeadLimit} (414 problem+json).
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
        Refusal refusal = refusal(ctx.queryParams(), limits.maxQueryParams(), limits.maxQueryParamLength());
        if (refusal == null) {
            ctx.next();
        } else {
            Problems.answer(ctx, 400, "Bad Request", refusal.detail(), refusal.parameter());
        }
    }

    /** Why a query string is refused: the parameter concerned (null for all of them) and the rule. */
    record Refusal(String parameter, String detail) {
    }

    /** Why the parameters are refused, or null when they are accepted. */
    static Refusal refusal(Iterable<Map.Entry<String, String>> params, int maxParams, int maxLength) {
        int count = 0;
        for (Map.Entry<String, String> param : params) {
            count++;
            String name = param.getKey();
            if (param.getValue().length() > maxLength || name.length() > maxLength) {
                return new Refusal(abbreviate(name), "query parameter '" + abbreviate(name) + "' is longer than "
                        + maxLength + " characters");
            }
            int control = control(name);
            if (control < 0) {
                control = control(param.getValue()); // (no concatenation per parameter and request)
            }
            if (control >= 0) {
                return new Refusal(abbreviate(name), "query parameter '" + abbreviate(name) + "' contains the control "
                        + "character U+" + String.format("%04X", control) + ", which no parameter accepts");
            }
        }
        if (count > maxParams) {
            return new Refusal(null, "at most " + maxParams + " query parameters are accepted, got " + count);
        }
        return null;
    }

    /** The first C0 control character (but tab, LF, CR) or DEL in s, or -1. */
    static int control(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return c;
            }
        }
        return -1;
    }

    private static String abbreviate(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
