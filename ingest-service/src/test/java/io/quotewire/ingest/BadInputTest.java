package io.quotewire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Bad input is answered with RFC 9457 problem details and a 4xx, never a 500, and stores nothing. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class BadInputTest {

    @TestHTTPResource("/api/v1/documents")
    URI documents;

    static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("type", notNullValue());
    }

    @Test
    void emptyOrBlankTextIsRejected() {
        isProblem(given().contentType(ContentType.JSON).body(Map.of("text", ""))
                .when().post("/api/v1/documents").then(), 400)
                .body("detail", containsString("text"))
                .body("instance", equalTo("/api/v1/documents"));
        isProblem(given().contentType(ContentType.JSON).body(Map.of("text", " \n\t "))
                .when().post("/api/v1/documents").then(), 400);
        isProblem(given().contentType(ContentType.JSON).body(Map.of("title", "No text"))
                .when().post("/api/v1/documents").then(), 400);
        isProblem(given().contentType("text/plain").body("   \n\n  ")
                .when().post("/api/v1/documents").then(), 400);
        isProblem(given().contentType("text/plain").body("")
                .when().post("/api/v1/documents").then(), 400);
        isProblem(given().contentType(ContentType.JSON)
                .when().post("/api/v1/documents").then(), 400);
    }

    @Test
    void malformedJsonIsRejected() {
        isProblem(given().contentType(ContentType.JSON).body("{\"text\": \"unterminated")
                .when().post("/api/v1/documents").then(), 400)
                .body("detail", containsString("JSON"));
        isProblem(given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/v1/documents").then(), 400)
                .body("detail", not(containsString("io.quotewire")));
        isProblem(given().contentType(ContentType.JSON).body("\"just a string\"")
                .when().post("/api/v1/documents").then(), 400)
                .body("detail", containsString("JSON object"));
        isProblem(given().contentType(ContentType.JSON).body("{\"text\": {\"nested\": true}}")
                .when().post("/api/v1/documents").then(), 400)
                .body("detail", containsString("\"text\""));
        isProblem(given().contentType(ContentType.JSON).body("{\"text\": \"fine\", \"publishedAt\": \"yesterday\"}")
                .when().post("/api/v1/documents").then(), 400)
                .body("detail", containsString("\"publishedAt\""));
    }

    @Test
    void nulCharactersAreRejected() {
        isProblem(given().contentType(ContentType.JSON).body(Map.of("text", "a\u0000b " + UUID.randomUUID()))
                .when().post("/api/v1/documents").then(), 400)
                .body("detail", containsString("NUL"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        isProblem(given().contentType(ContentType.XML).body("<doc><text>hello</text></doc>")
                .when().post("/api/v1/documents").then(), 415);
    }

    @Test
    void unknownCharsetIs415() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(documents)
                        .header("Content-Type", "text/plain; charset=no-such-charset")
                        .POST(HttpRequest.BodyPublishers.ofString("hello there " + UUID.randomUUID()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("no-such-charset");
    }

    @Test
    void bodyOverTheLimitIs413() {
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        isProblem(given().contentType("text/plain").body(new String(tooLarge, StandardCharsets.US_ASCII))
                .when().post("/api/v1/documents").then(), 413);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'b');
        // Without Content-Length the size is only known while reading.
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(documents)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void chunkedBodyWithinTheLimitIsAccepted() throws Exception {
        String text = "Chunked article. " + UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(documents)
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        String id = io.restassured.path.json.JsonPath.from(response.body()).getString("id");
        given().when().get("/api/v1/documents/" + id).then().statusCode(200).body("text", equalTo(text));
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesBadRequests() {
        isProblem(given().when().get("/api/v1/documents/" + UUID.randomUUID()).then(), 404);
        isProblem(given().when().get("/api/v1/documents/not-a-uuid").then(), 400);
        isProblem(given().when().post("/api/v1/documents/not-a-uuid/retry").then(), 400);
    }

    @Test
    void badListingParametersAre400() {
        isProblem(given().queryParam("status", "DONE").when().get("/api/v1/documents").then(), 400)
                .body("detail", containsString("status"));
        isProblem(given().queryParam("limit", 0).when().get("/api/v1/documents").then(), 400);
        isProblem(given().queryParam("limit", 201).when().get("/api/v1/documents").then(), 400);
        isProblem(given().queryParam("limit", "many").when().get("/api/v1/documents").then(), 400);
    }

    @Test
    void anOverlongRequestLineIs414WithAProblem() {
        // a 5,000-character parameter: over the 4096-byte request line before any parameter rule
        isProblem(given().queryParam("q", "a".repeat(5000)).when().get("/api/v1/documents").then(), 414)
                .body("title", equalTo("URI Too Long"))
                .body("detail", containsString("limit of 4096 bytes"))
                .body("instance", equalTo("/api/v1/documents"));
        // a write too, before its body is read
        isProblem(given().queryParam("x", "a".repeat(5000)).contentType(ContentType.JSON).body(Map.of("text", "t"))
                .when().post("/api/v1/documents").then(), 414);
        // under the line limit, a long parameter is the parameter rule's 400 naming it
        isProblem(given().queryParam("status", "a".repeat(600)).when().get("/api/v1/documents").then(), 400)
                .body("parameter", equalTo("status"));
    }

    @Test
    void headersOverTheLimitAre431WithAProblem() {
        isProblem(given().header("X-Padding", "h".repeat(25_000)).when().get("/api/v1/documents").then(), 431)
                .body("title", equalTo("Request Header Fields Too Large"))
                .body("detail", containsString("limit of 20480 bytes"));
        given().header("X-Padding", "h".repeat(15_000)).when().get("/api/v1/documents").then().statusCode(200);
    }

    @Test
    void wrongMethodIs405() {
        isProblem(given().when().delete("/api/v1/documents").then(), 405);
    }
}
