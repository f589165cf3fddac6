package io.quotewire.ingest.observability;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.support.StubService.Mode;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Scrapes {@code /q/metrics} (Prometheus text format) around real ingests and finds every metric the
 * dashboard and the alert rules in deploy/monitoring use, with values that moved the right way.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class MetricsTest {

    @AfterEach
    void servicesUp() {
        Stubs.extraction.mode(Mode.UP);
        Stubs.query.mode(Mode.UP);
    }

    private static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
    }

    /** The value of the first sample of {@code name} whose labels contain every {@code labels} entry. */
    static Optional<Double> sample(String scrape, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }

    private static double value(String scrape, String name, String... labels) {
        return sample(scrape, name, labels).orElse(0.0);
    }

    private static String ingest() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("title", "Metrics", "text", "\"We measure everything,\" the engineer said. " + UUID.randomUUID()))
                .post("/api/v1/documents").then().statusCode(202).extract().path("id");
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/documents/{id}", id).then().body("status", equalTo(status)));
    }

    @Test
    void processingMetricsAfterAnIngest() {
        String before = scrape();
        String id = ingest();
        awaitStatus(id, "INDEXED");
        String after = scrape();

        assertThat(value(after, "quotewire_documents_queued_total")).isGreaterThan(value(before, "quotewire_documents_queued_total"));
        assertThat(value(after, "quotewire_documents_extracted_total")).isGreaterThan(value(before, "quotewire_documents_extracted_total"));
        assertThat(value(after, "quotewire_documents_indexed_total")).isGreaterThan(value(before, "quotewire_documents_indexed_total"));
        // extraction latency: a histogram with buckets, and the count of successful calls grew
        assertThat(sample(after, "quotewire_extraction_duration_seconds_bucket", "outcome=\"success\"", "le=\"+Inf\"")).isPresent();
        assertThat(value(after, "quotewire_extraction_duration_seconds_count", "outcome=\"success\""))
                .isGreaterThan(value(before, "quotewire_extraction_duration_seconds_count", "outcome=\"success\""));
        // the stub finds one quote and one entity per document
        assertThat(value(after, "quotewire_extraction_quotes_count")).isGreaterThan(value(before, "quotewire_extraction_quotes_count"));
        assertThat(value(after, "quotewire_extraction_quotes_sum") - value(before, "quotewire_extraction_quotes_sum")).isGreaterThanOrEqualTo(1.0);
        assertThat(sample(after, "quotewire_extraction_entities_bucket", "le=\"1.0\"")).isPresent();
        assertThat(value(after, "quotewire_extraction_entities_sum")).isGreaterThanOrEqualTo(1.0);
        // HTTP latencies, server side (this ingest) and client side (the calls to the two services)
        assertThat(sample(after, "http_server_requests_seconds_count", "method=\"POST\"", "uri=\"/api/v1/documents\"")).isPresent();
        assertThat(sample(after, "http_client_requests_seconds_count")).isPresent();
    }

    @Test
    void queueGaugesShowAWaitingDocumentAndFailuresAreCounted() {
        Stubs.extraction.mode(Mode.DOWN);
        String id = ingest();
        // The gauges read the table at most every 5 s.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(value(scrape, "quotewire_queue_documents", "status=\"RECEIVED\"")).isGreaterThanOrEqualTo(1.0);
            assertThat(sample(scrape, "quotewire_queue_documents", "status=\"EXTRACTED\"")).isPresent();
            assertThat(sample(scrape, "quotewire_queue_due_documents")).isPresent();
            assertThat(sample(scrape, "quotewire_queue_oldest_due_age_seconds")).isPresent();
            assertThat(value(scrape, "quotewire_queue_oldest_waiting_age_seconds")).isGreaterThan(0.0);
            assertThat(value(scrape, "quotewire_processing_attempts_failed_total",
                    "step=\"extraction\"", "kind=\"unavailable\"")).isGreaterThanOrEqualTo(1.0);
        });

        // A rejection makes the document FAILED at once: counted as a failed document.
        double failedBefore = value(scrape(), "quotewire_documents_failed_total", "step=\"extraction\"");
        Stubs.extraction.mode(Mode.REJECT_400);
        awaitStatus(id, "FAILED");
        assertThat(value(scrape(), "quotewire_documents_failed_total", "step=\"extraction\"")).isEqualTo(failedBefore + 1);
    }
}
