package io.quotewire.cleaner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Test-only HTTP front of the cleaner, shaped like ingest-service's {@code POST /api/v1/cleanings}
 * (HTML with {@code X-Source-Url}, or plain text, in; JSON with {@code text} and the metadata out),
 * so {@code ../shared/eval/score_clean.py} can score the library without the service.
 * {@code main [port]} serves on the port (default 0 = a free one) and prints the URL.
 */
public final class CleaningServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final HttpServer server;
    private final BodyCleaner cleaner = new BodyCleaner();

    public CleaningServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/v1/cleanings", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/cleanings";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                reply(ex, 405, Map.of("title", "Method Not Allowed", "status", 405));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
            String charset = type.contains("charset=") ? type.substring(type.indexOf("charset=") + 8).split(";")[0] : null;
            String text = Charsets.decode(body, charset);
            CleanedArticle a = type.startsWith("text/html")
                    ? cleaner.cleanHtml(text, ex.getRequestHeaders().getFirst("X-Source-Url"))
                    : cleaner.cleanText(text);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("text", a.text());
            out.put("title", a.title());
            out.put("authors", a.authors());
            out.put("publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
            out.put("language", a.language());
            out.put("canonicalUrl", a.canonicalUrl());
            out.put("siteName", a.siteName());
            reply(ex, 200, out);
        } catch (RuntimeException e) {
            reply(ex, 500, Map.of("title", "Internal error", "status", 500, "detail", String.valueOf(e)));
        }
    }

    private static void reply(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        CleaningServer s = new CleaningServer(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println(s.url());
    }
}
