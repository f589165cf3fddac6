package io.quotewire.query.ui;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The workbench's own addresses ({@code /entities/6}, {@code /articles/{id}}, {@code /articles/{id}/quotes/{quoteId}})
 * answer its one page, {@code META-INF/resources/index.html}; the page reads the address and asks the REST API
 * under {@code /api/v1} for what to show. {@code /} itself is served by Quarkus' static resources (the index page).
 * Nothing else is rendered on the server.
 */
@ApplicationScoped
public class WorkbenchPages {

    /** Addresses of the workbench's pages besides {@code /}. */
    static final String PAGES = "/(entities/[0-9]+|articles/[0-9a-fA-F-]{36}(/quotes/[0-9]+)?)/?";

    private static final String INDEX = "META-INF/resources/index.html";

    private volatile Buffer page;

    void install(@Observes Router router) {
        router.getWithRegex(PAGES).handler(this::serve);
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
