package io.quotewire.ingest.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quotewire.ingest.client.extraction.model.Extraction;
import io.quotewire.ingest.domain.DocumentStatus;
import io.quotewire.ingest.service.DocumentQueued;
import io.quotewire.ingest.worker.RemoteCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The processing metrics of ingest-service, at {@code /q/metrics} in Prometheus format (names there
 * get {@code _total}, {@code _seconds} … suffixes):
 * <ul>
 *   <li>{@code quotewire_documents_queued_total}: documents put in the queue (new ones and retried ones);</li>
 *   <li>{@code quotewire_documents_extracted_total}, {@code quotewire_documents_indexed_total};</li>
 *   <li>{@code quotewire_documents_failed_total{step}}: documents that became FAILED;</li>
 *   <li>{@code quotewire_processing_attempts_failed_total{step,kind}}: every failed call, kind
 *       rejected / failing / unavailable (see README, "What a failed call means");</li>
 *   <li>{@code quotewire_extraction_duration_seconds{outcome}}: extraction latency as ingest-service sees
 *       it (histogram buckets for quantiles);</li>
 *   <li>{@code quotewire_extraction_quotes} and {@code quotewire_extraction_entities}: per-document
 *       distribution summaries.</li>
 * </ul>
 * The queue gauges are in {@link QueueGauges}; HTTP latencies come from Quarkus
 * ({@code http_server_requests_seconds}, {@code http_client_requests_seconds}).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter queued;
    private final Counter extracted;
    private final Counter indexed;
    private final DistributionSummary quotes;
    private final DistributionSummary entities;

    @Inject
    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        queued = Counter.builder("quotewire.documents.queued")
                .description("documents put in the processing queue: accepted new documents and retried ones")
                .register(registry);
        extracted = Counter.builder("quotewire.documents.extracted")
                .description("documents whose extraction was stored").register(registry);
        indexed = Counter.builder("quotewire.documents.indexed")
                .description("documents query-service has indexed").register(registry);
        quotes = DistributionSummary.builder("quotewire.extraction.quotes")
                .description("quotes found per extracted document")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100).register(registry);
        entities = DistributionSummary.builder("quotewire.extraction.entities")
                .description("entities found per extracted document")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100).register(registry);
        // Every failure series exists from the start at 0, so that rates and alerts see a zero
        // rather than no data until the first failure.
        for (String step : new String[] {"extraction", "indexing"}) {
            failedDocuments(step);
            for (RemoteCallException.Kind kind : RemoteCallException.Kind.values()) {
                failedAttempts(step, kind);
            }
        }
    }

    private Counter failedAttempts(String step, RemoteCallException.Kind kind) {
        return Counter.builder("quotewire.processing.attempts.failed")
                .description("failed calls to extraction-service (step extraction) or query-service (step indexing)")
                .tags("step", step, "kind", kind.name().toLowerCase()).register(registry);
    }

    private Counter failedDocuments(String step) {
        return Counter.builder("quotewire.documents.failed")
                .description("documents that became FAILED (rejected, or retry budget spent)")
                .tags("step", step).register(registry);
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentQueued event) {
        queued.increment();
    }

    /** Times one call to extraction-service; the outcome tag is {@code success} or the exception's simple name. */
    public <T> T timeExtraction(Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } catch (RemoteCallException e) {
            outcome = e.kind().name().toLowerCase();
            throw e;
        } finally {
            sample.stop(Timer.builder("quotewire.extraction.duration")
                    .description("time of a call to extraction-service, as ingest-service sees it")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    public void extracted(Extraction extraction) {
        extracted.increment();
        quotes.record(extraction.getQuotes() == null ? 0 : extraction.getQuotes().size());
        entities.record(extraction.getEntities() == null ? 0 : extraction.getEntities().size());
    }

    public void indexed() {
        indexed.increment();
    }

    /** A failed attempt at a step ({@code extraction} or {@code indexing}) and, if it made the document FAILED, that too. */
    public void attemptFailed(String step, RemoteCallException.Kind kind, Optional<DocumentStatus> outcome) {
        failedAttempts(step, kind).increment();
        if (outcome.filter(status -> status == DocumentStatus.FAILED).isPresent()) {
            failedDocuments(step).increment();
        }
    }
}
