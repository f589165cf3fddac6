package io.quotewire.ingest.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small web site inside the test: pages and feeds served from a local HTTP server on a free port,
 * every request recorded (path, User-Agent, conditional headers, arrival time).
 */
public final class WebServer {

    /** What a path answers. */
    @FunctionalInterface
    public interface Page {
        void serve(HttpExchange exchange) throws IOException;
    }

    public record Hit(String path, String userAgent, String ifNoneMatch, String ifModifiedSince, long nanoTime) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    public WebServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Headers h = exchange.getRequestHeaders();
            hits.add(new Hit(path, h.getFirst("User-Agent"), h.getFirst("If-None-Match"),
                    h.getFirst("If-Modified-Since"), System.nanoTime()));
            try (exchange) {
                Page page = pages.get(path);
                if (page == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    page.serve(exchange);
                }
            } catch (IOException clientGone) {
                // the fetcher gave up (timeout, size cap): nothing to answer
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public WebServer page(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    public WebServer page(String path, String contentType, byte[] body) {
        return page(path, exchange -> send(exchange, 200, contentType, body));
    }

    public List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    public void stop() {
        server.stop(0);
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
