package io.quotewire.extraction.service;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ExtractionResourceTest {

    @Inject
    ExtractionService service;

    private static final String ARTICLE = """
            Ceasefire talks stall in Geneva

            Ukrainian President Volodymyr Zelensky arrived in Geneva on Monday. "We are ready to talk," Zelensky said. \
            "But we will not give up our land."
            """;

    @Test
    void extractsQuotesWithResolvedSpeakersAndOffsets() {
        String quote = "We are ready to talk,";
        int start = ARTICLE.indexOf(quote);
        given().contentType(ContentType.JSON)
                .body(Map.of("text", ARTICLE, "title", "Ceasefire talks stall"))
                .when().post("/api/v1/extractions")
                .then().statusCode(200)
                .body("quotes.find { it.text == 'We are ready to talk,' }.start", equalTo(start))
                .body("quotes.find { it.text == 'We are ready to talk,' }.end", equalTo(start + quote.length()))
                .body("quotes.find { it.text == 'We are ready to talk,' }.type", equalTo("DIRECT"))
                .body("quotes.find { it.text == 'We are ready to talk,' }.speaker.name", equalTo("Volodymyr Zelensky"))
                .body("entities.findAll { it.type == 'PERSON' }.name", hasItem("Volodymyr Zelensky"))
                .body("entities.find { it.name == 'Volodymyr Zelensky' }.aliases", hasItem("Zelensky"))
                .body("entities.find { it.name == 'Volodymyr Zelensky' }.mentions[0].start", notNullValue())
                .body("extractorVersion", notNullValue());
    }

    @Test
    void answersEmptyListsForTextWithoutQuotes() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", ""))
                .when().post("/api/v1/extractions")
                .then().statusCode(200)
                .body("quotes.size()", equalTo(0))
                .body("entities.size()", equalTo(0));
    }

    @Test
    void missingTextIsAProblem() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "no text"))
                .when().post("/api/v1/extractions")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", notNullValue());
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"unterminated")
                .when().post("/api/v1/extractions")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void textOverTheLimitIsAProblem() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "a".repeat(20_001)))
                .when().post("/api/v1/extractions")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413));
    }

    @Test
    void servesItsContractAndHealth() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/extractions'.post.operationId", equalTo("extract"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void fullMemoryBudgetGives503WithRetryAfterThenRecovers() throws InterruptedException {
        int all = service.budget().availablePermits();
        service.budget().acquire(all); // as if other extractions held the whole budget
        try {
            given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE))
                    .when().post("/api/v1/extractions")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("title", equalTo("Busy"));
        } finally {
            service.budget().release(all);
        }
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE))
                .when().post("/api/v1/extractions")
                .then().statusCode(200);
    }

    @Test
    void aTextOfQuoteMarksIsWeighedByItsQuotes() {
        // 2,000 one-word quotes in 10,000 characters: within the test limit of 20,000 characters, but each of
        // the 4,000 marks weighs 10 more, so the text weighs 50,000, over the test weight limit of 24,000
        String storm = "\"no\" ".repeat(2_000);
        given().contentType(ContentType.JSON).body(Map.of("text", storm))
                .when().post("/api/v1/extractions")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Text too complex"));
        given().contentType(ContentType.JSON).body(Map.of("text", "\"no\" ".repeat(300)))
                .when().post("/api/v1/extractions")
                .then().statusCode(200);
    }
}
