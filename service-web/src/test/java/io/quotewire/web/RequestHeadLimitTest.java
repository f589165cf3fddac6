package io.quotewire.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RequestHeadLimit} on a real Vert.x server with Vert.x's own limits raised above the documented ones, as
 * the services run it: a request line or headers over the documented limit get a problem, not Vert.x's empty
 * answer; one byte under passes.
 */
class RequestHeadLimitTest {

    private static final int LINE = 4096;
    private static final long HEADERS = 20 * 1024;

    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        RequestHeadLimit.install(router, LINE, HEADERS);
        router.route().handler(ctx -> ctx.response().end("ok"));
        server = vertx.createHttpServer(new HttpServerOptions().setMaxInitialLineLength(65536).setMaxHeaderSize(65536))
                .requestHandler(router).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                + pathAndQuery));
        headers.forEach(request::header);
        return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A path and query whose request line ("GET " + it + " HTTP/1.1") is exactly this long. */
    private static String targetOfLine(int lineLength) {
        String prefix = "/api/v1/quotes?q=";
        return prefix + "a".repeat(lineLength - "GET ".length() - " HTTP/1.1".length() - prefix.length());
    }

    @Test
    void aRequestLineAtTheLimitPasses() throws Exception {
        HttpResponse<String> response = get(targetOfLine(LINE), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void aFiveThousandCharacterParameterIs414WithAProblemNamingTheLimit() throws Exception {
        HttpResponse<String> response = get("/api/v1/quotes?q=" + "a".repeat(5000), Map.of());
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problems.PROBLEM_JSON);
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getInteger("status")).isEqualTo(414);
        assertThat(problem.getString("title")).isEqualTo("URI Too Long");
        assertThat(problem.getString("detail")).contains("5030 bytes", "limit of 4096 bytes");
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/quotes");
    }

    @Test
    void aRequestLineOneOverTheLimitIs414() throws Exception {
        assertThat(get(targetOfLine(LINE + 1), Map.of()).statusCode()).isEqualTo(414);
    }

    @Test
    void anOverlongPathIsNotEchoedAsTheInstance() throws Exception {
        HttpResponse<String> response = get("/" + "p".repeat(6000), Map.of());
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(new JsonObject(response.body()).containsKey("instance")).isFalse();
    }

    @Test
    void headersOverTheLimitAre431WithAProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/quotes", Map.of("X-Padding", "h".repeat(25_000)));
        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problems.PROBLEM_JSON);
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getInteger("status")).isEqualTo(431);
        assertThat(problem.getString("title")).isEqualTo("Request Header Fields Too Large");
        assertThat(problem.getString("detail")).contains("limit of 20480 bytes");
    }

    @Test
    void headersUnderTheLimitPass() throws Exception {
        assertThat(get("/api/v1/quotes", Map.of("X-Padding", "h".repeat(15_000))).statusCode()).isEqualTo(200);
    }

    @Test
    void theSizesAreCountedAsSent() {
        assertThat(RequestHeadLimit.requestLineLength("GET", "/a?b=c")).isEqualTo("GET /a?b=c HTTP/1.1".length());
        assertThat(RequestHeadLimit.headerSize(List.of(Map.entry("Host", "x"), Map.entry("Accept", "*/*"))))
                .isEqualTo("Host: x".length() + "Accept: */*".length());
        assertThat(RequestHeadLimit.refusal("GET", "/", List.of(Map.entry("Host", "x")), 100, 100)).isNull();
        assertThat(RequestHeadLimit.refusal("GET", "/" + "x".repeat(100), List.of(), 100, 100).status())
                .isEqualTo(414);
        assertThat(RequestHeadLimit.refusal("GET", "/", List.of(Map.entry("X", "y".repeat(100))), 100, 100)
                .status()).isEqualTo(431);
    }
}
