package io.quotewire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Many simultaneous submissions of one article make one document. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ConcurrentIngestTest {

    private static final int CLIENTS = 100;

    record Answer(int status, String id, boolean duplicate) {
    }

    @Test
    void concurrentDuplicatePostsMakeOneDocument() throws Exception {
        String marker = UUID.randomUUID().toString();
        String text = "\"Nobody will be forgotten,\" the mayor said at the memorial. " + marker;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                boolean json = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    Response r = json
                            ? given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/documents")
                            : given().contentType("text/plain").body(text).post("/api/v1/documents");
                    return new Answer(r.statusCode(), r.path("id"), Boolean.TRUE.equals(r.path("duplicate")));
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }

            assertThat(answers).extracting(Answer::status).containsOnly(200, 202);
            assertThat(answers).filteredOn(a -> a.status() == 202).hasSize(1)
                    .allSatisfy(a -> assertThat(a.duplicate()).isFalse());
            assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(CLIENTS - 1)
                    .allSatisfy(a -> assertThat(a.duplicate()).isTrue());
            assertThat(answers).extracting(Answer::id).containsOnly(answers.get(0).id());

            String id = answers.get(0).id();
            ProcessingTest.awaitStatus(id, "INDEXED");
            assertThat(Stubs.extraction.succeeded()).filteredOn(r -> r.body().contains(marker)).hasSize(1);
            assertThat(Stubs.query.received()).filteredOn(r -> r.path().endsWith("/" + id)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
