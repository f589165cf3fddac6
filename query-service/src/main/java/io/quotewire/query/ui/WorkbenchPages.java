package io.quotewire.query.ui;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The workbench's own addresses ({@code /entities/6}, {@code /articles/{id}}, {@code /articles/{id}/quotes/{quoteId}},
 * {@code /ingest}, {@code /ingest/documents/{id}}, {@code /ingest/feeds/{id}}) answer its one page,
 * {@code META-INF/resources/index.html}; the page reads the address and asks the REST API under {@code /api/v1}
 * for what to show. {@code /} itself is served by Quarkus' static resources (the index page).
 *
 * <p>{@code /workbench/config.json} tells the page what it cannot find out itself: the address of ingest-service
 * ({@code quotewire.workbench.ingest-url}), which the ingest form calls directly from the browser (ingest-service
 * must allow this page's origin by CORS). Without it the form explains that ingest is not configured here.
 * Nothing else is rendered on the server.
 */
@Singleton
public class WorkbenchPages {

    /** Addresses of the workbench's pages besides {@code /}. */
    static final String PAGES = "/(entities/[0-9]+|articles/[0-9a-fA-F-]{36}(/quotes/[0-9]+)?"
            + "|ingest(/(documents|feeds)/[0-9a-fA-F-]{36})?)/?";

    static final String CONFIG = "/workbench/config.json";

    private static final String INDEX = "META-INF/resources/index.html";

    private final Buffer config;
    private volatile Buffer page;

    WorkbenchPages(@ConfigProperty(name = "quotewire.workbench.ingest-url") Optional<String> ingestUrl) {
        JsonObject c = new JsonObject();
        ingestUrl.map(WorkbenchPages::ingestUrl).ifPresent(u -> c.put("ingestUrl", u));
        this.config = c.toBuffer();
    }

    /**
     * The configured address of ingest-service as the page uses it: an absolute http(s) URL without query or
     * fragment, without a trailing slash (the page appends {@code /api/v1/...}).
     *
     * @throws IllegalArgumentException naming the property when it is not such a URL (the service does not start)
     */
    static String ingestUrl(String raw) {
        String value = raw.strip();
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(value, "not an absolute http or https URL without user, query or fragment");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("quotewire.workbench.ingest-url (QUOTEWIRE_WORKBENCH_INGEST_URL) must be"
                    + " ingest-service's address as a browser reaches it, e.g. http://localhost:8081: " + e.getMessage(), e);
        }
        return value.replaceAll("/+$", "");
    }

    void install(@Observes Router router) {
        router.getWithRegex(PAGES).handler(this::serve);
        router.get(CONFIG).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(config));
    }

    void serve(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .end(page());
    }

    private Buffer page() {
        Buffer p = page;
        if (p == null) {
            try (InputStream in = WorkbenchPages.class.getClassLoader().getResourceAsStream(INDEX)) {
                if (in == null) {
                    throw new IllegalStateException(INDEX + " is missing from the classpath");
                }
                p = Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page = p;
        }
        return p;
    }
}
