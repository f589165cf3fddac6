package io.quotewire.ingest.worker;

import io.quotewire.ingest.client.query.IndexApi;
import io.quotewire.ingest.client.query.model.IndexedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.util.UUID;

/**
 * The call to query-service: {@code PUT /api/v1/index/documents/{id}}, idempotent by document id,
 * so a repeated hand-off (after a crash between the call and recording it) stores nothing twice.
 */
@ApplicationScoped
public class IndexGateway {

    @Inject
    IndexApi client;

    @Timeout(30_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5_000, successThreshold = 1,
            skipOn = RemoteCallException.Rejected.class)
    public void index(UUID id, IndexedDocument document) {
        try {
            client.indexDocument(id, document);
        } catch (RuntimeException e) {
            throw RemoteFailures.classify("query-service", e);
        }
    }
}
