package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Bad input answers RFC 9457 problem+json with a 4xx, and writes nothing. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ProblemTest {

    private static final String TEXT = "Mayor Anna Lindqvist said the tram line opens in May.";

    private static Article valid() {
        return Article.of("Tram line", "2024-10-01T10:00:00Z", TEXT)
                .entity("e1", "Anna Lindqvist", "PERSON", List.of("Lindqvist"), List.of("Mayor"), "Anna Lindqvist")
                .quote("the tram line opens in May", "INDIRECT", "e1", "Anna Lindqvist", "said");
    }

    @Test
    void malformedOrInvalidDocumentsAreRejectedAndNothingIsWritten() {
        UUID id = UUID.randomUUID();
        rejectPut(id, "{\"text\": \"unterminated", "malformed JSON");
        rejectPut(id, "[1, 2]", "malformed JSON");
        rejectPut(id, "", "body");
        rejectPut(id, "{\"text\": \"x\", \"extraction\": {\"quotes\": [], \"entities\": []}, \"publishedAt\": \"yesterday\"}",
                "malformed JSON");
        rejectPut(id, Map.of("extraction", Map.of("quotes", List.of(), "entities", List.of())), "text");
        rejectPut(id, Map.of("text", "   ", "extraction", Map.of("quotes", List.of(), "entities", List.of())), "text");
        rejectPut(id, Map.of("text", TEXT), "extraction");
        rejectPut(id, with(b -> quote(b).put("end", TEXT.length() + 5)), "outside the text");
        rejectPut(id, with(b -> quote(b).put("start", -1)), "outside the text");
        rejectPut(id, with(b -> quote(b).put("end", 10)), "outside the text"); // end before start
        rejectPut(id, with(b -> quote(b).put("type", "SHOUTED")), "malformed JSON");
        rejectPut(id, with(b -> ((Map<String, Object>) quote(b).get("speaker")).put("entityId", "e9")), "e9");
        rejectPut(id, with(b -> entity(b).put("mentions", List.of(Map.of("text", "x", "start", 2, "end", 999)))),
                "outside the text");
        rejectPut(id, with(b -> entity(b).put("name", "  ...  ")), "name");

        given().get("/api/v1/documents/{id}", id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().queryParam("q", "Lindqvist").get("/api/v1/entities").then().statusCode(200)
                .body("items.size()", equalTo(0));

        // The valid one goes in.
        valid().push(id);
        given().get("/api/v1/documents/{id}", id).then().statusCode(200);
    }

    @Test
    void malformedIdsAndUnknownIds() {
        problem(given().contentType(ContentType.JSON).body(valid().body())
                .put("/api/v1/index/documents/{id}", "not-a-uuid").then(), 400);
        problem(given().get("/api/v1/documents/{id}", "12345").then(), 400);
        problem(given().get("/api/v1/documents/{id}", UUID.randomUUID()).then(), 404);
        problem(given().get("/api/v1/entities/{id}", "abc").then(), 400);
        problem(given().get("/api/v1/entities/{id}", Long.MAX_VALUE).then(), 404);
        problem(given().get("/api/v1/no-such-thing").then(), 404);
        problem(given().contentType(ContentType.TEXT).body("hello")
                .put("/api/v1/index/documents/{id}", UUID.randomUUID()).then(), 415);
    }

    @Test
    void oversizedBodyIsA413Problem() {
        // The test profile sets quarkus.http.limits.max-body-size=1M.
        String text = "word ".repeat(300_000);
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "extraction", Map.of("quotes", List.of(), "entities", List.of())))
                .put("/api/v1/index/documents/{id}", UUID.randomUUID()).then(), 413)
                .body("detail", containsString("limit"));
    }

    @Test
    void healthAndContract() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("Quotewire query-service"))
                .body(containsString("/api/v1/index/documents/{id}"));
    }

    @Test
    void badQueryParameters() {
        for (String limit : List.of("0", "201", "-3", "ten")) {
            problem(given().queryParam("limit", limit).get("/api/v1/quotes").then(), 400);
            problem(given().queryParam("limit", limit).get("/api/v1/entities").then(), 400);
            problem(given().queryParam("q", "water").queryParam("limit", limit).get("/api/v1/documents").then(), 400);
        }
        for (String cursor : List.of("garbage!", "bm90LWEtY3Vyc29y", "cTF8OTk5OTk5OTk5OTk5OTk5OTk5OXwx")) {
            problem(given().queryParam("cursor", cursor).get("/api/v1/quotes").then(), 400)
                    .body("detail", containsString("cursor")).body("parameter", equalTo("cursor"));
            problem(given().queryParam("cursor", cursor).get("/api/v1/entities").then(), 400)
                    .body("parameter", equalTo("cursor"));
        }
        problem(given().queryParam("type", "SHOUTED").get("/api/v1/quotes").then(), 400);
        problem(given().queryParam("type", "PLANET").get("/api/v1/entities").then(), 400);
        problem(given().queryParam("q", "water").queryParam("cursor", "garbage!").get("/api/v1/documents").then(), 400)
                .body("detail", containsString("cursor"));
        problem(given().queryParam("cursor", "ZDF8MXwx").get("/api/v1/documents").then(), 400);
        problem(given().queryParam("from", "yesterday").get("/api/v1/documents").then(), 400);
        problem(given().queryParam("entity", "x").get("/api/v1/documents").then(), 400);
        problem(given().queryParam("minOccurrences", 0).get("/api/v1/quote-clusters").then(), 400);
        problem(given().queryParam("cursor", "garbage!").get("/api/v1/quote-clusters").then(), 400)
                .body("parameter", equalTo("cursor"));
        problem(given().get("/api/v1/quote-clusters/{id}", 999_999_999L).then(), 404);
        problem(given().queryParam("interval", "MONTH").get("/api/v1/entities/{id}", 1).then(), 400);
        problem(given().queryParam("format", "XML").get("/api/v1/export/quotes").then(), 400);
        problem(given().queryParam("speaker", "?!").get("/api/v1/export/quotes").then(), 400);
        problem(given().queryParam("from", "2025-02-01T00:00:00Z").queryParam("to", "2025-01-01T00:00:00Z")
                .get("/api/v1/export/documents").then(), 400);
        problem(given().queryParam("speaker", "?!").get("/api/v1/quotes").then(), 400);
        // A quotes cursor is not an entities cursor.
        problem(given().queryParam("cursor", "ZTF8MXwx").get("/api/v1/quotes").then(), 400);
    }

    @Test
    void unknownParametersAreRefusedByName() {
        problem(given().queryParam("speakr", "Trump").get("/api/v1/quotes").then(), 400)
                .body("parameter", equalTo("speakr"))
                .body("detail", containsString("speaker"));
        problem(given().queryParam("q", "water").queryParam("source", "AP").queryParam("lmit", 5)
                .get("/api/v1/documents").then(), 400)
                .body("parameter", equalTo("lmit"));
        problem(given().queryParam("limit", 5).get("/api/v1/documents/{id}", UUID.randomUUID()).then(), 400)
                .body("parameter", equalTo("limit"))
                .body("detail", containsString("takes none"));
        given().queryParam("speaker", "Lindqvist").queryParam("limit", 5).get("/api/v1/quotes").then().statusCode(200);
    }

    @Test
    void parameterValuesAsClientsSendThem() {
        for (String from : List.of("2026-11-01T00:00:00.000000+0000", "2026-11-01", "2026-11-01T00:00:00+00:00")) {
            given().queryParam("from", from).get("/api/v1/quotes").then().statusCode(200);
        }
        given().queryParam("type", "direct").get("/api/v1/quotes").then().statusCode(200);
        problem(given().queryParam("type", "SHOUTED").get("/api/v1/quotes").then(), 400)
                .body("parameter", equalTo("type"))
                .body("detail", containsString("DIRECT, PARTIAL, INDIRECT"));
        problem(given().queryParam("from", "yesterday").get("/api/v1/quotes").then(), 400)
                .body("parameter", equalTo("from"))
                .body("detail", containsString("ISO 8601"));
    }

    @Test
    void controlCharactersInParametersAreRefusedByName() {
        for (String path : List.of("/api/v1/quotes", "/api/v1/documents", "/api/v1/quote-clusters",
                "/api/v1/export/quotes", "/api/v1/entities")) {
            problem(given().queryParam("q", "tram\u0000line").get(path).then(), 400)
                    .body("parameter", equalTo("q"))
                    .body("detail", containsString("U+0000"));
        }
        problem(given().queryParam("speaker", "Anna\u0007").get("/api/v1/quotes").then(), 400)
                .body("parameter", equalTo("speaker"));
        problem(given().queryParam("q", "x".repeat(600)).get("/api/v1/quotes").then(), 400)
                .body("parameter", equalTo("q"));
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("about:blank"));
    }

    private static void rejectPut(UUID id, Object body, String detail) {
        var request = given().contentType(ContentType.JSON);
        if (body instanceof String s) {
            request.body(s);
        } else {
            request.body(body);
        }
        problem(request.put("/api/v1/index/documents/{id}", id).then(), 400)
                .body("detail", containsString(detail))
                .body("instance", equalTo("/api/v1/index/documents/" + id));
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = valid().body();
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> quote(Map<String, Object> body) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) body.get("extraction")).get("quotes")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entity(Map<String, Object> body) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) body.get("extraction")).get("entities")).get(0);
    }
}
