package io.quotewire.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * The size limits of a request's head, answered in problem+json: a request line (method, target as sent, with
 * its query string, and version) longer than {@code quotewire.limits.max-request-line-length} bytes is a 414, a
 * header section (each header's name, ": " and value) larger than {@code quotewire.limits.max-header-size} a
 * 431, on every path.
 *
 * <p>Vert.x checks its own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code quarkus.http.limits.max-header-size}) while decoding, before any route runs, and answers them with an
 * empty 414/431; the services set those well above the limits documented here (service-web's
 * {@code META-INF/microprofile-config.properties}), so that a request between the two gets here and is answered
 * with a problem that names the limit. Only a request over Vert.x's own limit still gets Vert.x's empty answer.
 *
 * <p>The route runs after Quarkus' CORS filter (so a page on an allowed origin can read the problem) and before
 * authentication (as Vert.x's own check did: the size of a request is refused whoever sends it).
 */
@ApplicationScoped
public class RequestHeadLimit {

    private static final Logger LOG = Logger.getLogger(RequestHeadLimit.class);

    /** After the CORS filter (order -300) and before authentication (-200) and authorization (-100). */
    static final int ORDER = -250;

    /** Longest path echoed as the problem's {@code instance}. */
    private static final int MAX_INSTANCE = 256;

    @Inject
    LimitsConfig limits;

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length")
    int vertxLineLimit;

    @ConfigProperty(name = "quarkus.http.limits.max-header-size")
    MemorySize vertxHeaderLimit;

    void install(@Observes Router router) {
        int line = limits.maxRequestLineLength();
        long headers = limits.maxHeaderSize().asLongValue();
        if (vertxLineLimit <= line) {
            LOG.warnf("quarkus.http.limits.max-initial-line-length (%d) is not above quotewire.limits."
                    + "max-request-line-length (%d): Vert.x answers long request lines with an empty 414 first",
                    vertxLineLimit, line);
        }
        if (vertxHeaderLimit.asLongValue() <= headers) {
            LOG.warnf("quarkus.http.limits.max-header-size (%d) is not above quotewire.limits.max-header-size (%d): "
                    + "Vert.x answers large headers with an empty 431 first", vertxHeaderLimit.asLongValue(), headers);
        }
        install(router, line, headers);
    }

    /** Installs the check with these limits (bytes). */
    static void install(Router router, int maxLine, long maxHeaders) {
        router.route().order(ORDER).handler(ctx -> check(ctx, maxLine, maxHeaders));
    }

    private static void check(RoutingContext ctx, int maxLine, long maxHeaders) {
        HttpServerRequest request = ctx.request();
        Refusal refusal = refusal(request.method().name(), request.uri(), request.headers(), maxLine, maxHeaders);
        if (refusal == null) {
            ctx.next();
            return;
        }
        String path = request.path();
        String body = Problems.json(refusal.status(), refusal.title(), refusal.detail(),
                path != null && path.length() <= MAX_INSTANCE ? path : null, null);
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        boolean bodyPending = !request.isEnded();
        ctx.response().setStatusCode(refusal.status()).putHeader(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON);
        if (http1 && bodyPending) {
            // the body is not read: end the connection after the answer, as Vert.x does with its own 414/431
            ctx.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            ctx.response().end(body).onComplete(ignored -> request.connection().close());
        } else {
            ctx.response().end(body);
        }
    }

    /** Why a request head is refused: the status, its title and what is over which limit. */
    record Refusal(int status, String title, String detail) {
    }

    /** The request line's length as sent: method, space, target (path and query string as sent), space, version. */
    static int requestLineLength(String method, String uri) {
        return method.length() + 1 + uri.length() + 1 + "HTTP/1.1".length();
    }

    /** The header section's size: per header line its name, ": " and value (the line ends not counted). */
    static long headerSize(Iterable<Map.Entry<String, String>> headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + 2 + header.getValue().length();
        }
        return size;
    }

    /** Why the request head is refused, or null when it is within the limits. */
    static Refusal refusal(String method, String uri, Iterable<Map.Entry<String, String>> headers, int maxLine,
            long maxHeaders) {
        int line = requestLineLength(method, uri);
        if (line > maxLine) {
            return new Refusal(414, "URI Too Long", "the request line (method, path with its query string, "
                    + "version) is " + line + " bytes long, over the limit of " + maxLine + " bytes; send fewer or "
                    + "shorter query parameters");
        }
        long size = headerSize(headers);
        if (size > maxHeaders) {
            return new Refusal(431, "Request Header Fields Too Large", "the request headers are " + size
                    + " bytes, over the limit of " + maxHeaders + " bytes");
        }
        return null;
    }
}
