package io.quotewire.ingest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An in-test HTTP server standing in for a downstream service: records every request it receives
 * and answers with a handler, a 500, a 400, an empty JSON object, or not at all (server stopped:
 * connection refused).
 */
public final class StubService {

    public enum Mode { UP, FAIL_500, REJECT_400, EMPTY_200, DOWN }

    public record Received(String method, String path, String body, int answeredWith) {
    }

    private final String name;
    private final Function<Received, String> okBody;
    private final int okStatus;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.UP;
    private volatile HttpServer server;
    private int port;

    public StubService(String name, int okStatus, Function<Received, String> okBody) {
        this.name = name;
        this.okStatus = okStatus;
        this.okBody = okBody;
    }

    public synchronized StubService start() {
        bind(0);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests that were answered with success. */
    public List<Received> succeeded() {
        return received.stream().filter(r -> r.answeredWith() < 300).toList();
    }

    public synchronized void mode(Mode newMode) {
        if (newMode == Mode.DOWN && server != null) {
            server.stop(0);
            server = null;
        } else if (newMode != Mode.DOWN && server == null) {
            bind(port);
        }
        mode = newMode;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void bind(int wanted) {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
                s.createContext("/", this::handle);
                s.setExecutor(Executors.newFixedThreadPool(8));
                s.start();
                server = s;
                port = s.getAddress().getPort();
                return;
            } catch (BindException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new UncheckedIOException("could not bind " + name + " stub to port " + wanted, last);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Mode current = mode;
            int status;
            String answer;
            String type;
            switch (current) {
                case FAIL_500 -> {
                    status = 500;
                    answer = "{\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"" + name + " stub failing\"}";
                    type = "application/problem+json";
                }
                case REJECT_400 -> {
                    status = 400;
                    answer = "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"" + name + " stub rejects this\"}";
                    type = "application/problem+json";
                }
                case EMPTY_200 -> {
                    status = 200;
                    answer = "{}";
                    type = "application/json";
                }
                default -> {
                    answer = okBody.apply(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body, okStatus));
                    // a stub that answers 204 answers 200 when it has a body to send (query-service's index batches)
                    status = answer != null && okStatus == 204 ? 200 : okStatus;
                    type = "application/json";
                }
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body, status));
            if (answer == null || status == 204) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
