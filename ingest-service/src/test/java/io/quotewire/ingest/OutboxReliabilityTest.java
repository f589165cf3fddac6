package io.quotewire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.dedup.ArticleGenerator;
import io.quotewire.ingest.support.StubService;
import io.quotewire.ingest.support.StubService.Mode;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.ingest.worker.Claim;
import io.quotewire.ingest.worker.WorkQueue;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing accepted is lost and nothing is done twice: 1,000 documents ingested while
 * extraction-service is down, and 1,000 while query-service is down, are all extracted and
 * indexed exactly once when the service is back; documents claimed by a worker that died
 * mid-batch are taken up again when its lease runs out, and its late results are dropped.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class OutboxReliabilityTest {

    static final int DOCUMENTS = 1000;
    static final Duration PATIENCE = Duration.ofMinutes(5);
    static final Pattern REF = Pattern.compile("Reference ([0-9a-f-]{36})");

    @Inject
    WorkQueue queue;

    @AfterEach
    void servicesBackUp() {
        Stubs.extraction.mode(Mode.UP);
        Stubs.query.mode(Mode.UP);
    }

    /** Ingests {@code n} unrelated articles in NDJSON batches of 100; returns reference marker -> id. */
    static Map<String, String> ingestBatch(int n, long seed) {
        ArticleGenerator generator = new ArticleGenerator(seed);
        Map<String, String> byRef = new HashMap<>();
        for (int start = 0; start < n; start += 100) {
            StringBuilder body = new StringBuilder();
            List<String> refs = new ArrayList<>();
            int size = Math.min(100, n - start);
            for (int i = 0; i < size; i++) {
                String ref = UUID.randomUUID().toString();
                refs.add(ref);
                String text = generator.article() + "\n\nReference " + ref + ".";
                body.append("{\"text\":").append(io.quotewire.ingest.support.Json.quote(text)).append("}\n");
            }
            JsonPath result = given().contentType("application/x-ndjson")
                    .body(body.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/documents/batch").then().statusCode(200).extract().jsonPath();
            assertThat(result.getInt("accepted")).isEqualTo(size);
            List<String> ids = result.getList("results.id", String.class);
            for (int i = 0; i < size; i++) {
                byRef.put(refs.get(i), ids.get(i));
            }
        }
        return byRef;
    }

    static Map<String, Integer> callsPerRef(List<StubService.Received> calls, Set<String> refs) {
        Map<String, Integer> counts = new HashMap<>();
        for (StubService.Received r : calls) {
            Matcher m = REF.matcher(r.body());
            if (m.find() && refs.contains(m.group(1))) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    static Map<String, Integer> putsPerId(Set<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        for (StubService.Received r : Stubs.query.succeeded()) {
            String id = r.path().substring(r.path().lastIndexOf('/') + 1);
            if (ids.contains(id)) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    static void awaitAllIndexed(Set<String> ids) {
        Set<String> pending = new HashSet<>(ids);
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            pending.removeIf(id -> "INDEXED".equals(given().get("/api/v1/documents/" + id).then().extract().path("status")));
            assertThat(pending).isEmpty();
        });
    }

    @Test
    void extractionDownThenUpEveryDocumentExtractedOnce() throws InterruptedException {
        Stubs.extraction.mode(Mode.DOWN);
        Map<String, String> docs = ingestBatch(DOCUMENTS, 11);
        Thread.sleep(2000);
        assertThat(callsPerRef(Stubs.extraction.succeeded(), docs.keySet())).isEmpty();

        Stubs.extraction.mode(Mode.UP);
        awaitAllIndexed(new HashSet<>(docs.values()));
        Map<String, Integer> extractions = callsPerRef(Stubs.extraction.succeeded(), docs.keySet());
        assertThat(extractions).hasSize(DOCUMENTS);
        assertThat(extractions.values()).containsOnly(1);
        assertThat(putsPerId(new HashSet<>(docs.values())).values()).hasSize(DOCUMENTS).containsOnly(1);
        System.out.printf("extraction down: %d documents accepted, %d extracted once each, %d indexed once each%n",
                DOCUMENTS, extractions.size(), DOCUMENTS);
    }

    @Test
    void queryDownThenUpEveryDocumentIndexedOnce() throws InterruptedException {
        Stubs.query.mode(Mode.DOWN);
        Map<String, String> docs = ingestBatch(DOCUMENTS, 12);
        Set<String> ids = new HashSet<>(docs.values());
        Thread.sleep(2000);
        assertThat(putsPerId(ids)).isEmpty();

        Stubs.query.mode(Mode.UP);
        awaitAllIndexed(ids);
        assertThat(putsPerId(ids)).hasSize(DOCUMENTS).values().containsOnly(1);
        Map<String, Integer> extractions = callsPerRef(Stubs.extraction.succeeded(), docs.keySet());
        assertThat(extractions).hasSize(DOCUMENTS);
        assertThat(extractions.values()).containsOnly(1);
        System.out.printf("query down: %d documents accepted, %d indexed once each%n", DOCUMENTS, ids.size());
    }

    @Test
    void aWorkerThatDiesMidBatchLosesNothing() throws InterruptedException {
        Stubs.extraction.mode(Mode.DOWN);
        Map<String, String> docs = ingestBatch(40, 13);
        Thread.sleep(1000); // backoff of the failed first attempts runs out: the documents are due
        // A worker claims what is due, then dies before recording anything.
        List<Claim> dead = new ArrayList<>();
        for (int round = 0; round < 10 && dead.isEmpty(); round++) {
            dead.addAll(queue.claimDue(40).stream().filter(c -> docs.containsValue(c.id().toString())).toList());
            Thread.sleep(200);
        }
        assertThat(dead).isNotEmpty();
        Stubs.extraction.mode(Mode.UP);
        Set<String> deadIds = new HashSet<>();
        dead.forEach(c -> deadIds.add(c.id().toString()));

        // while the dead worker's lease holds, nobody touches those documents
        Thread.sleep(3000);
        for (String id : deadIds) {
            assertThat((String) given().get("/api/v1/documents/" + id).then().extract().path("status")).isEqualTo("RECEIVED");
        }
        // once it runs out (quotewire.worker.lease = 20s in %test), another worker takes them
        awaitAllIndexed(new HashSet<>(docs.values()));
        Map<String, Integer> extractions = callsPerRef(Stubs.extraction.succeeded(), docs.keySet());
        assertThat(extractions).hasSize(docs.size());
        assertThat(extractions.values()).containsOnly(1);

        // the dead worker's late result is dropped: its lease token is no longer the row's
        assertThat(queue.recordExtracted(dead.get(0), "{\"quotes\":[],\"entities\":[]}")).isEmpty();
        assertThat((String) given().get("/api/v1/documents/" + dead.get(0).id()).then().extract().path("status"))
                .isEqualTo("INDEXED");
        System.out.printf("worker died holding %d of 40 documents: all 40 indexed, each extracted once%n", dead.size());
    }
}
