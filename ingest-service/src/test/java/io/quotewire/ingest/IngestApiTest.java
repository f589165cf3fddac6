package io.quotewire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Accepting documents: JSON and plain text, duplicates, reading back, listing. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class IngestApiTest {

    static String article(String marker) {
        return "\"We are ready to talk,\" the Ukrainian president Volodymyr Zelensky said on Tuesday. "
                + "Marker " + marker + ".";
    }

    @Test
    void jsonIngestIsAcceptedWithLocation() {
        String marker = UUID.randomUUID().toString();
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Talks in Istanbul", "text", article(marker), "source", "example.com",
                        "url", "https://example.com/a", "publishedAt", "2025-05-16T08:30:00+02:00"))
                .when().post("/api/v1/documents")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("status", equalTo("RECEIVED"))
                .body("duplicate", equalTo(false))
                .header("Location", notNullValue())
                .extract().response();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/documents/" + id);
        assertThat((String) response.path("location")).isEqualTo("/api/v1/documents/" + id);

        given().when().get(response.header("Location"))
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("title", equalTo("Talks in Istanbul"))
                .body("source", equalTo("example.com"))
                .body("url", equalTo("https://example.com/a"))
                .body("publishedAt", equalTo("2025-05-16T06:30:00Z"))
                .body("text", equalTo(article(marker)))
                .body("contentHash", notNullValue())
                .body("receivedAt", notNullValue());
    }

    @Test
    void plainTextIngestTakesHeadlineAndHeaders() {
        String marker = UUID.randomUUID().toString();
        String body = "Zelensky ready for talks in Istanbul\n\n" + article(marker) + "\n";
        String id = given().contentType("text/plain; charset=UTF-8")
                .header("X-Source", "wire.example")
                .header("X-Source-Url", "https://wire.example/1")
                .body(body)
                .when().post("/api/v1/documents")
                .then().statusCode(202)
                .header("Location", notNullValue())
                .extract().path("id");

        given().when().get("/api/v1/documents/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Zelensky ready for talks in Istanbul"))
                .body("source", equalTo("wire.example"))
                .body("url", equalTo("https://wire.example/1"))
                // the stored text is the cleaned body (offsets refer to it); the input is kept as received
                .body("text", containsString(article(marker)))
                .body("text", equalTo(body.strip()))
                .body("rawBody", equalTo(body))
                .body("rawMediaType", equalTo("text/plain"));
    }

    @Test
    void plainTextTitleHeaderWinsAndSentenceIsNoHeadline() {
        String first = "This is a sentence, not a headline.\n" + article(UUID.randomUUID().toString());
        String id = given().contentType("text/plain").body(first)
                .when().post("/api/v1/documents").then().statusCode(202).extract().path("id");
        given().when().get("/api/v1/documents/" + id).then().statusCode(200)
                .body("title", equalTo(null))
                .body("text", equalTo(first));

        String second = "Headline here\n" + article(UUID.randomUUID().toString());
        String id2 = given().contentType("text/plain").header("X-Title", "Given title").body(second)
                .when().post("/api/v1/documents").then().statusCode(202).extract().path("id");
        given().when().get("/api/v1/documents/" + id2).then().statusCode(200)
                .body("title", equalTo("Given title"));
    }

    @Test
    void sameTextAgainIsADuplicate() {
        String marker = UUID.randomUUID().toString();
        String id = given().contentType(ContentType.JSON).body(Map.of("text", article(marker)))
                .when().post("/api/v1/documents").then().statusCode(202).extract().path("id");

        // Same words, other whitespace and line breaks, sent as plain text: still the same text.
        String reformatted = "  " + article(marker).replace(" the ", "\n  the\t") + "\n\n";
        given().contentType("text/plain").body(reformatted)
                .when().post("/api/v1/documents")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("duplicate", equalTo(true))
                .header("Location", endsWith("/api/v1/documents/" + id));
    }

    @Test
    void composedAndDecomposedAccentsAreTheSameText() {
        String marker = UUID.randomUUID().toString();
        String composed = "Le pr\u00e9sident a dit \u00abnous sommes pr\u00eats\u00bb. " + marker;
        String decomposed = "Le pre\u0301sident a dit \u00abnous sommes pre\u0302ts\u00bb. " + marker;
        String id = given().contentType(ContentType.JSON).body(Map.of("text", composed))
                .when().post("/api/v1/documents").then().statusCode(202).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("text", decomposed))
                .when().post("/api/v1/documents").then().statusCode(200)
                .body("id", equalTo(id)).body("duplicate", equalTo(true));
    }

    @Test
    void listingIsNewestFirstAndFiltersByStatus() {
        // an older one, so a page of two has a next page whatever else the database holds
        given().contentType(ContentType.JSON).body(Map.of("text", article(UUID.randomUUID().toString())))
                .when().post("/api/v1/documents").then().statusCode(202);
        String a = given().contentType(ContentType.JSON).body(Map.of("text", article(UUID.randomUUID().toString())))
                .when().post("/api/v1/documents").then().statusCode(202).extract().path("id");
        String b = given().contentType(ContentType.JSON).body(Map.of("text", article(UUID.randomUUID().toString())))
                .when().post("/api/v1/documents").then().statusCode(202).extract().path("id");

        given().queryParam("limit", 2).when().get("/api/v1/documents")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].id", equalTo(b))
                .body("items[1].id", equalTo(a))
                .body("items[0].text", equalTo(null))
                .body("nextCursor", notNullValue());

        given().queryParam("status", "FAILED").queryParam("limit", 200).when().get("/api/v1/documents")
                .then().statusCode(200)
                .body("items.findAll { it.status != 'FAILED' }.size()", equalTo(0));
    }

    @Test
    void servesItsContractAndHealth() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Quotewire ingest-service"))
                .body(org.hamcrest.Matchers.containsString("/api/v1/documents/{id}/retry"));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }
}
