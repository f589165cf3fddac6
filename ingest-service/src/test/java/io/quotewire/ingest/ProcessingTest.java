package io.quotewire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.support.StubService;
import io.quotewire.ingest.support.StubService.Mode;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The outbox worker against stand-ins for extraction-service and query-service. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ProcessingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** quotewire.worker.max-attempts in the %test profile. */
    private static final int MAX_ATTEMPTS = 6;

    @AfterEach
    void servicesBackUp() {
        Stubs.extraction.mode(Mode.UP);
        Stubs.query.mode(Mode.UP);
    }

    @Test
    void documentIsExtractedAndIndexed() {
        String marker = UUID.randomUUID().toString();
        String text = "\"We will not give up,\" Zelensky said in Kyiv. " + marker;
        String id = ingest("Kyiv", text);

        awaitStatus(id, "INDEXED");
        JsonPath doc = document(id);
        assertThat(doc.getInt("attempts")).isZero();
        assertThat(doc.getString("lastError")).isNull();
        // when it was received, extracted and became searchable, in that order
        java.time.Instant received = java.time.Instant.parse(doc.getString("receivedAt"));
        java.time.Instant extracted = java.time.Instant.parse(doc.getString("extractedAt"));
        java.time.Instant searchable = java.time.Instant.parse(doc.getString("indexedAt"));
        assertThat(received).isBeforeOrEqualTo(extracted);
        assertThat(extracted).isBeforeOrEqualTo(searchable);
        assertThat(doc.getString("extraction.extractorVersion")).isEqualTo(Stubs.STUB_VERSION);
        assertThat(doc.getString("extraction.quotes[0].type")).isEqualTo("DIRECT");
        assertThat(doc.getString("extraction.quotes[0].text")).isEqualTo(text.substring(0, 20));
        assertThat(doc.getString("extraction.quotes[0].speaker.name")).isEqualTo("Stub Speaker");
        assertThat(doc.getString("extraction.entities[0].name")).isEqualTo("Stub Speaker");

        List<StubService.Received> extractions = extractionsOf(marker);
        assertThat(extractions).hasSize(1);
        JsonPath request = JsonPath.from(extractions.get(0).body());
        assertThat(request.getString("text")).isEqualTo(text);
        assertThat(request.getString("title")).isEqualTo("Kyiv");

        List<StubService.Received> puts = indexPutsOf(id);
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).method()).isEqualTo("PUT");
        JsonPath indexed = JsonPath.from(puts.get(0).body());
        assertThat(indexed.getString("text")).isEqualTo(text);
        assertThat(indexed.getString("title")).isEqualTo("Kyiv");
        assertThat(indexed.getString("receivedAt")).isNotNull();
        assertThat(indexed.getString("extraction.extractorVersion")).isEqualTo(Stubs.STUB_VERSION);
        assertThat(indexed.getString("extraction.quotes[0].text")).isEqualTo(text.substring(0, 20));
    }

    /** The extraction is stored as extraction-service answered it and pushed on so: parts, resolution, mention. */
    @Test
    void quoteInPartsAndItsSpeakersResolutionAreStoredAndPushedAsReceived() {
        String marker = UUID.randomUUID().toString();
        String text = "\"We are ready,\" she said. \"End this war.\" " + marker;
        String id = ingest("Parts", text);

        awaitStatus(id, "INDEXED");
        JsonPath doc = document(id);
        JsonPath indexed = JsonPath.from(indexPutsOf(id).get(0).body());
        for (JsonPath json : List.of(doc, indexed)) {
            assertThat(json.getList("extraction.quotes[0].parts.text")).containsExactly(text.substring(0, 20));
            assertThat(json.getString("extraction.quotes[0].speaker.resolution")).isEqualTo("NAME");
            assertThat(json.getString("extraction.quotes[0].speaker.mention.text")).isEqualTo(text.substring(0, 4));
            assertThat(json.getString("extraction.quotes[1].text")).isEqualTo(text.substring(0, 8) + " " + text.substring(10, 30));
            assertThat(json.getList("extraction.quotes[1].parts.text")).containsExactly(text.substring(0, 8), text.substring(10, 30));
            assertThat(json.getList("extraction.quotes[1].parts.start", Integer.class)).containsExactly(0, 10);
            assertThat(json.getList("extraction.quotes[1].parts.end", Integer.class)).containsExactly(8, 30);
            assertThat(json.getInt("extraction.quotes[1].end")).isEqualTo(30);
            assertThat(json.getString("extraction.quotes[1].speaker.name")).isEqualTo("a senior adviser");
            assertThat(json.getString("extraction.quotes[1].speaker.entityId")).isNull();
            assertThat(json.getString("extraction.quotes[1].speaker.resolution")).isEqualTo("UNNAMED");
            assertThat(json.getInt("extraction.quotes[1].speaker.mention.start")).isEqualTo(8);
        }
    }

    @Test
    void extractionDownLongerThanTheRetryBudgetDocumentsWaitAndAreExtractedOnceWhenItIsBack() {
        Stubs.extraction.mode(Mode.DOWN);
        List<String> markers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String marker = UUID.randomUUID().toString();
            markers.add(marker);
            ids.add(ingest(null, "Extraction outage article " + i + ". " + marker));
        }

        // More attempts than the retry budget (6 in %test): an unreachable service spends none of it.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String id : ids) {
                JsonPath doc = document(id);
                assertThat(doc.getString("status")).isEqualTo("RECEIVED");
                assertThat(doc.getInt("attempts")).isGreaterThan(MAX_ATTEMPTS);
                assertThat(doc.getString("lastError")).contains("extraction-service").contains("waiting for the service");
            }
        });
        for (String id : ids) {
            assertThat(document(id).getString("extraction")).isNull();
        }

        Stubs.extraction.mode(Mode.UP);
        for (String id : ids) {
            awaitStatus(id, "INDEXED");
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(succeededExtractionsOf(markers.get(i))).as("extractions of document %d", i).hasSize(1);
            assertThat(indexPutsOf(ids.get(i))).as("index PUTs of document %d", i).hasSize(1);
        }
    }

    @Test
    void extractionFailingWith500DocumentsWaitWithGrowingAttempts() {
        Stubs.extraction.mode(Mode.FAIL_500);
        String marker = UUID.randomUUID().toString();
        String id = ingest(null, "Extraction failing article. " + marker);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath doc = document(id);
            assertThat(doc.getString("status")).isEqualTo("RECEIVED");
            assertThat(doc.getInt("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(doc.getString("lastError")).contains("500");
        });

        Stubs.extraction.mode(Mode.UP);
        awaitStatus(id, "INDEXED");
        assertThat(succeededExtractionsOf(marker)).hasSize(1);
        assertThat(indexPutsOf(id)).hasSize(1);
    }

    @Test
    void anAnswerWithoutAnExtractionIsAFailureAndNothingIsIndexed() {
        Stubs.extraction.mode(Mode.EMPTY_200);
        String id = ingest(null, "Empty extraction article. " + UUID.randomUUID());

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath doc = document(id);
            assertThat(doc.getString("status")).isEqualTo("RECEIVED");
            assertThat(doc.getInt("attempts")).isGreaterThanOrEqualTo(1);
            assertThat(doc.getString("lastError")).contains("extraction-service");
        });
        assertThat(document(id).getString("extraction")).isNull();
        assertThat(indexPutsOf(id)).isEmpty();

        Stubs.extraction.mode(Mode.UP);
        awaitStatus(id, "INDEXED");
        assertThat(indexPutsOf(id)).hasSize(1);
    }

    @Test
    void queryDownDocumentsWaitExtractedAndAreIndexedOnceWhenItIsBack() {
        Stubs.query.mode(Mode.DOWN);
        List<String> markers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String marker = UUID.randomUUID().toString();
            markers.add(marker);
            ids.add(ingest(null, "Query outage article " + i + ". " + marker));
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String id : ids) {
                JsonPath doc = document(id);
                assertThat(doc.getString("status")).isEqualTo("EXTRACTED");
                assertThat(doc.getInt("attempts")).isGreaterThanOrEqualTo(1);
                assertThat(doc.getString("lastError")).contains("query-service");
                assertThat(doc.getString("extraction.extractorVersion")).isEqualTo(Stubs.STUB_VERSION);
            }
        });

        Stubs.query.mode(Mode.UP);
        for (String id : ids) {
            awaitStatus(id, "INDEXED");
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(succeededExtractionsOf(markers.get(i))).as("extractions of document %d", i).hasSize(1);
            assertThat(indexPutsOf(ids.get(i)).stream().filter(r -> r.answeredWith() < 300).toList())
                    .as("successful index PUTs of document %d", i).hasSize(1);
        }
    }

    @Test
    void retryBudgetSpentIsFailedAndRetryEndpointRecoversIt() {
        Stubs.extraction.mode(Mode.FAIL_500);
        String marker = UUID.randomUUID().toString();
        String id = ingest(null, "Budget article. " + marker);

        awaitStatus(id, "FAILED");
        JsonPath failed = document(id);
        // Attempts refused by an open circuit breaker count as "unavailable" and spend no budget.
        assertThat(failed.getInt("attempts")).isGreaterThanOrEqualTo(MAX_ATTEMPTS);
        assertThat(failed.getString("lastError"))
                .startsWith("gave up after " + MAX_ATTEMPTS + " failed attempts: extraction-service answered 500");
        given().queryParam("status", "FAILED").queryParam("limit", 200).when().get("/api/v1/documents")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));

        Stubs.extraction.mode(Mode.UP);
        given().when().post("/api/v1/documents/" + id + "/retry")
                .then().statusCode(202)
                .body("id", equalTo(id))
                .body("status", equalTo("RECEIVED"))
                .body("duplicate", equalTo(false))
                .header("Location", containsString("/api/v1/documents/" + id));
        awaitStatus(id, "INDEXED");
        assertThat(succeededExtractionsOf(marker)).hasSize(1);
        assertThat(indexPutsOf(id)).hasSize(1);
    }

    @Test
    void rejectedDocumentFailsAtOnceAndRetryResumesAtTheFailedStep() {
        Stubs.query.mode(Mode.REJECT_400);
        String marker = UUID.randomUUID().toString();
        String id = ingest(null, "Rejected by the index. " + marker);

        awaitStatus(id, "FAILED");
        JsonPath failed = document(id);
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        assertThat(failed.getString("lastError")).startsWith("rejected: query-service answered 400");
        assertThat(failed.getString("extraction.extractorVersion")).isEqualTo(Stubs.STUB_VERSION);

        Stubs.query.mode(Mode.UP);
        given().when().post("/api/v1/documents/" + id + "/retry")
                .then().statusCode(202).body("status", equalTo("EXTRACTED"));
        awaitStatus(id, "INDEXED");
        // Resumed at indexing: the extraction was not asked again.
        assertThat(succeededExtractionsOf(marker)).hasSize(1);
    }

    @Test
    void retryOfADocumentThatIsNotFailedIsAConflict() {
        String id = ingest(null, "Not failed. " + UUID.randomUUID());
        awaitStatus(id, "INDEXED");
        given().when().post("/api/v1/documents/" + id + "/retry")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("INDEXED"));
        given().when().post("/api/v1/documents/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    static String ingest(String title, String text) {
        Map<String, Object> body = title == null ? Map.of("text", text) : Map.of("title", title, "text", text);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/documents")
                .then().statusCode(202)
                .extract().path("id");
    }

    static JsonPath document(String id) {
        return given().when().get("/api/v1/documents/" + id)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    static void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(document(id).getString("status")).isEqualTo(status));
    }

    private static List<StubService.Received> extractionsOf(String marker) {
        return Stubs.extraction.received().stream().filter(r -> r.body().contains(marker)).toList();
    }

    private static List<StubService.Received> succeededExtractionsOf(String marker) {
        return Stubs.extraction.succeeded().stream().filter(r -> r.body().contains(marker)).toList();
    }

    private static List<StubService.Received> indexPutsOf(String id) {
        return Stubs.query.received().stream()
                .filter(r -> r.path().equals("/api/v1/index/documents/" + id))
                .toList();
    }
}
