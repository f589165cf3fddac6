package io.quotewire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Inputs meant to break the service: each gets a clear 4xx problem or a correct result, never a
 * 500 and never a hang (each request must answer within a minute on a loaded test machine).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final Duration NO_HANG = Duration.ofSeconds(60);
    /** Send the Content-Type as given: no charset added when there is none, as curl does. */
    static final RestAssuredConfig RAW_CONTENT_TYPE = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    static Response post(String path, String contentType, byte[] body) {
        return assertTimeoutPreemptively(NO_HANG, (org.junit.jupiter.api.function.ThrowingSupplier<Response>) () ->
                given().config(RAW_CONTENT_TYPE).contentType(contentType).body(body).post(path));
    }

    static void isProblem(Response r, int status) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    static void isAcceptedOrProblem(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isIn(200, 202, 400, 413, 415, 422);
        if (r.statusCode() >= 400) {
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void emptyBodiesAre400() {
        for (String type : new String[]{"text/plain", "text/html", "application/json", "application/x-ndjson"}) {
            isProblem(post("/api/v1/documents" + (type.contains("ndjson") ? "/batch" : ""), type, new byte[0]), 400);
        }
        isProblem(post("/api/v1/cleanings", "text/html", new byte[0]), 400);
        isProblem(post("/api/v1/documents", "text/html", "   \n ".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void twentyMegabytesAre413() {
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        for (String type : new String[]{"text/html", "text/plain", "application/x-ndjson"}) {
            String path = type.contains("ndjson") ? "/api/v1/documents/batch" : "/api/v1/documents";
            isProblem(post(path, type, huge), 413);
        }
        isProblem(post("/api/v1/cleanings", "text/html", huge), 413);
    }

    @Test
    void binaryAndInvalidUtf8AreAnsweredCleanly() {
        byte[] binary = new byte[64 * 1024];
        new Random(1).nextBytes(binary);
        isAcceptedOrProblem(post("/api/v1/documents", "text/plain", binary));
        isAcceptedOrProblem(post("/api/v1/documents", "text/html", binary));
        isAcceptedOrProblem(post("/api/v1/documents", "application/json", binary));
        isAcceptedOrProblem(post("/api/v1/documents/batch", "application/x-ndjson", binary));
        isAcceptedOrProblem(post("/api/v1/cleanings", "text/html", binary));

        byte[] invalid = ("Invalid bytes follow: " + UUID.randomUUID() + " ").getBytes(StandardCharsets.UTF_8);
        byte[] withBad = Arrays.copyOf(invalid, invalid.length + 4);
        withBad[invalid.length] = (byte) 0xC3;
        withBad[invalid.length + 1] = (byte) 0x28;
        withBad[invalid.length + 2] = (byte) 0xFF;
        withBad[invalid.length + 3] = 'z';
        isAcceptedOrProblem(post("/api/v1/documents", "text/plain; charset=UTF-8", withBad));
        isAcceptedOrProblem(post("/api/v1/documents", "text/html", withBad));
    }

    @Test
    void otherCharsetsDeclaredInHtmlAreDecoded() {
        String marker = UUID.randomUUID().toString();
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
                + "<title>Москва</title></head><body><article><p>«Мы готовы к переговорам», — заявил президент в Москве. "
                + marker + "</p></article></body></html>";
        Response r = post("/api/v1/documents", "text/html", html.getBytes(Charset.forName("KOI8-R")));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        String text = given().get("/api/v1/documents/" + r.path("id")).then().extract().path("text");
        assertThat(text).contains("Мы готовы к переговорам", marker);
    }

    @Test
    void deeplyNestedHtmlDoesNotBreakAnything() {
        String marker = UUID.randomUUID().toString();
        String html = "<html><body>" + "<div>".repeat(100_000) + "<p>“Deep,” said Anna Novak. " + marker + "</p>"
                + "</div>".repeat(100_000) + "</body></html>";
        isAcceptedOrProblem(post("/api/v1/documents", "text/html", html.getBytes(StandardCharsets.UTF_8)));
        isAcceptedOrProblem(post("/api/v1/cleanings", "text/html", html.getBytes(StandardCharsets.UTF_8)));
        String unclosed = "<html><body>" + "<span><b><i>".repeat(50_000) + "text " + marker;
        isAcceptedOrProblem(post("/api/v1/documents", "text/html", unclosed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPageThatIsAllNavigationIs422() {
        StringBuilder nav = new StringBuilder("<html><head><title>Home</title></head><body><nav><ul>");
        for (int i = 0; i < 200; i++) {
            nav.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        nav.append("</ul></nav></body></html>");
        isProblem(post("/api/v1/documents", "text/html", nav.toString().getBytes(StandardCharsets.UTF_8)), 422);
    }

    @Test
    void ahundredThousandQuoteMarks() {
        String marker = UUID.randomUUID().toString();
        String text = "“Quote marks everywhere,” said Mark Berg. " + marker + " " + "\"“”".repeat(33_334);
        isAcceptedOrProblem(post("/api/v1/documents", "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8)));
        isAcceptedOrProblem(post("/api/v1/documents", "text/html",
                ("<html><body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedJsonAndNdjson() {
        for (String body : new String[]{"{", "{\"text\": }", "[]", "null", "\"just a string\"", "{\"text\": 42, \"authors\": 7}",
                "{\"publishedAt\": \"yesterday\", \"text\": \"x\"}"}) {
            isProblem(post("/api/v1/documents", "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
        }
        Response batch = post("/api/v1/documents/batch", "application/x-ndjson",
                "{\n}\n{\"text\": 1}\n[\n\u0000\n".getBytes(StandardCharsets.UTF_8));
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.jsonPath().getList("results.line", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        // {"text": 1} is read as the text "1" (Jackson's scalar coercion); every other line is a 400
        assertThat(batch.jsonPath().getInt("failed")).isEqualTo(4);
        assertThat(batch.jsonPath().getList("results.problem.status", Integer.class))
                .filteredOn(java.util.Objects::nonNull).containsOnly(400);
    }
}
