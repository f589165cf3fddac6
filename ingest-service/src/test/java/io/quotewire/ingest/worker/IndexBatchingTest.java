package io.quotewire.ingest.worker;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.ingest.support.StubService;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker hands documents to query-service in batches ({@link IndexBatcher}): documents
 * processed together travel in one {@code POST /api/v1/index/batches}, each becomes INDEXED, and
 * one the index rejects becomes FAILED alone while its batch-mates are indexed.
 */
@QuarkusTest
@TestProfile(IndexBatchingProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class IndexBatchingTest {

    @Test
    void documentsTravelInBatchesAndARejectedOneFailsAlone() {
        String marker = UUID.randomUUID().toString();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            ndjson.append("{\"text\":\"Batch article ").append(i).append(". ").append(marker).append("\"}\n");
        }
        ndjson.append("{\"text\":\"Batch article rejected ").append(Stubs.REJECTED_IN_BATCH).append(' ').append(marker).append("\"}\n");
        JsonPath accepted = given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/documents/batch")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = accepted.getList("results.id");
        assertThat(ids).hasSize(8);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (int i = 0; i < 7; i++) {
                assertThat(status(ids.get(i))).isEqualTo("INDEXED");
            }
            assertThat(status(ids.get(7))).isEqualTo("FAILED");
        });
        JsonPath rejected = given().get("/api/v1/documents/" + ids.get(7)).then().statusCode(200).extract().jsonPath();
        assertThat(rejected.getString("lastError")).contains("rejected").contains("stub rejects it");

        List<StubService.Received> batches = Stubs.query.received().stream()
                .filter(r -> r.path().equals("/api/v1/index/batches") && r.body().contains(marker)).toList();
        List<String> sent = new ArrayList<>();
        int largest = 0;
        for (StubService.Received batch : batches) {
            assertThat(batch.method()).isEqualTo("POST");
            List<String> inBatch = JsonPath.from(batch.body()).getList("documents.id");
            largest = Math.max(largest, inBatch.size());
            sent.addAll(inBatch);
        }
        // every document went in a batch, the rejected one once (a rejection is not retried), and some went together
        assertThat(sent).containsAll(ids);
        assertThat(sent.stream().filter(ids.get(7)::equals)).hasSize(1);
        assertThat(largest).isGreaterThan(1).isLessThanOrEqualTo(4);
        assertThat(Stubs.query.received().stream().filter(r -> r.method().equals("PUT")
                && ids.stream().anyMatch(id -> r.path().endsWith(id)))).isEmpty();
    }

    private static String status(String id) {
        return given().get("/api/v1/documents/" + id).then().statusCode(200).extract().path("status");
    }
}
