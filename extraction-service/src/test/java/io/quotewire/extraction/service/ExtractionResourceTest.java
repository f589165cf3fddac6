package io.quotewire.extraction.service;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
        // interrupted by its attribution: one quote of two parts (the other test below looks at its parts)
        String first = "We are ready to talk,";
        String second = "But we will not give up our land.";
        int start = ARTICLE.indexOf(first);
        String find = "quotes.find { it.text.startsWith('We are ready to talk,') }";
        given().contentType(ContentType.JSON)
                .body(Map.of("text", ARTICLE, "title", "Ceasefire talks stall"))
                .when().post("/api/v1/extractions")
                .then().statusCode(200)
                .body("quotes.size()", equalTo(1))
                .body(find + ".text", equalTo(first + " " + second))
                .body(find + ".start", equalTo(start))
                .body(find + ".end", equalTo(ARTICLE.indexOf(second) + second.length()))
                .body(find + ".parts.text", contains(first, second))
                .body(find + ".type", equalTo("DIRECT"))
                .body(find + ".speaker.name", equalTo("Volodymyr Zelensky"))
                .body("entities.findAll { it.type == 'PERSON' }.name", hasItem("Volodymyr Zelensky"))
                .body("entities.find { it.name == 'Volodymyr Zelensky' }.aliases", hasItem("Zelensky"))
                .body("entities.find { it.name == 'Volodymyr Zelensky' }.mentions[0].start", notNullValue())
                .body("extractorVersion", notNullValue());
    }

    @Test
    void aQuoteInOnePieceHasOnePartAndItsSpeakerSaysHowItWasResolved() {
        String text = "Ukrainian President Volodymyr Zelensky arrived in Geneva on Monday. "
                + "\"We are ready to talk,\" Zelensky said.";
        String quote = "We are ready to talk,";
        int start = text.indexOf(quote);
        String find = "quotes.find { it.text == 'We are ready to talk,' }";
        given().contentType(ContentType.JSON)
                .body(Map.of("text", text))
                .when().post("/api/v1/extractions")
                .then().statusCode(200)
                .body(find + ".start", equalTo(start))
                .body(find + ".end", equalTo(start + quote.length()))
                .body(find + ".parts.size()", equalTo(1))
                .body(find + ".parts[0].text", equalTo(quote))
                .body(find + ".parts[0].start", equalTo(start))
                .body(find + ".parts[0].end", equalTo(start + quote.length()))
                .body(find + ".speaker.resolution", equalTo("NAME"))
                .body(find + ".speaker.mention.text", equalTo("Zelensky"))
                .body(find + ".speaker.mention.start", equalTo(text.indexOf("Zelensky said")))
                .body(find + ".speaker.entityId", notNullValue());
    }

    /** The joined quotation of the core, its parts with their own offsets, and each way a speaker was reached. */
    @Test
    void aQuotationInterruptedByItsAttributionIsOneQuoteWithItsParts() {
        String text = """
                Hakeem Jeffries met reporters on Monday. "We are ready," Jeffries said. "Are they?"

                "We will not wait for them," he said. The vote is set for Friday. "This vote will not stand."

                "Then we go home."
                """;
        int first = text.indexOf("We are ready,");
        int second = text.indexOf("Are they?");
        String joined = "quotes.find { it.text == 'We are ready, Are they?' }";
        String pronoun = "quotes.find { it.text.startsWith('We will not wait') }";
        given().contentType(ContentType.JSON)
                .body(Map.of("text", text))
                .when().post("/api/v1/extractions")
                .then().statusCode(200)
                .body("quotes.size()", equalTo(2))
                .body(joined + ".start", equalTo(first))
                .body(joined + ".end", equalTo(second + "Are they?".length()))
                .body(joined + ".parts.text", contains("We are ready,", "Are they?"))
                .body(joined + ".parts.start", contains(first, second))
                .body(joined + ".parts.end", contains(first + "We are ready,".length(), second + "Are they?".length()))
                .body(joined + ".speaker.name", equalTo("Hakeem Jeffries"))
                .body(joined + ".speaker.resolution", equalTo("NAME"))
                .body(joined + ".speaker.mention.start", equalTo(text.indexOf("Jeffries said")))
                .body(pronoun + ".speaker.name", equalTo("Hakeem Jeffries"))
                .body(pronoun + ".speaker.resolution", equalTo("PRONOUN"))
                .body(pronoun + ".speaker.mention.text", equalTo("he"))
                // the cue-less quote after a sentence of narration and the cue-less paragraph after it go on from it:
                // one quotation, three parts, its speaker named by the "he" of its first part
                .body(pronoun + ".parts.text", contains("We will not wait for them,", "This vote will not stand.",
                        "Then we go home."))
                .body(pronoun + ".speaker.mention.start", equalTo(text.indexOf("he said")));
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
                .body("paths.'/api/v1/extractions'.post.operationId", equalTo("extract"))
                .body("components.schemas.Quote.required", hasItem("parts"))
                .body("components.schemas.SpeakerResolution.enum", hasItem("UNNAMED"));
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
                    .body("title", equalTo("Service Unavailable"));
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
