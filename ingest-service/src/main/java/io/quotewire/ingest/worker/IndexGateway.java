package io.quotewire.ingest.worker;

import io.quotewire.ingest.client.query.IndexApi;
import io.quotewire.ingest.client.query.model.IndexedDocument;
import io.quotewire.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.util.UUID;

/**
 * The hand-off to query-service, idempotent by document id, so a repeated hand-off (after a crash
 * between the call and recording it) stores nothing twice: with the next batch
 * ({@code POST /api/v1/index/batches}, see {@link IndexBatcher}), or on its own
 * ({@code PUT /api/v1/index/documents/{id}}) when {@code quotewire.worker.index-batch-size} is 1.
 */
@ApplicationScoped
public class IndexGateway {

    @Inject
    IndexApi client;

    @Inject
    IndexBatcher batcher;

    @Inject
    IngestConfig config;

    @Timeout(30_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5_000, successThreshold = 1,
            skipOn = RemoteCallException.Rejected.class)
    public void index(UUID id, IndexedDocument document) {
        if (config.worker().indexBatchSize() > 1) {
            batcher.index(id, document);
            return;
        }
        try {
            client.indexDocument(id, document);
        } catch (RuntimeException e) {
            throw RemoteFailures.classify("query-service", e);
        }
    }
}
