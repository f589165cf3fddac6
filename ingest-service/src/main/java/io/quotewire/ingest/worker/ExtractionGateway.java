package io.quotewire.ingest.worker;

import io.quotewire.ingest.client.extraction.ExtractionsApi;
import io.quotewire.ingest.client.extraction.model.Extraction;
import io.quotewire.ingest.client.extraction.model.ExtractionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The call to extraction-service. The circuit breaker stops hammering a service that is down
 * (the worker then counts the attempt as "unavailable", which spends no retry budget); rejections
 * of a single document (400/413/422) do not count against the circuit. Values are overridable with the
 * MicroProfile Fault Tolerance keys, e.g. {@code io.quotewire.ingest.worker.ExtractionGateway/extract/Timeout/value}.
 */
@ApplicationScoped
public class ExtractionGateway {

    @Inject
    ExtractionsApi client;

    @Timeout(45_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5_000, successThreshold = 1,
            skipOn = RemoteCallException.Rejected.class)
    public Extraction extract(String text, String title) {
        Extraction extraction;
        try {
            extraction = client.extract(new ExtractionRequest(text).title(title));
        } catch (RuntimeException e) {
            throw RemoteFailures.classify("extraction-service", e);
        }
        if (extraction == null || extraction.getQuotes() == null || extraction.getEntities() == null) {
            throw new RemoteCallException("extraction-service answered without an extraction (quotes, entities)",
                    RemoteCallException.Kind.FAILING, null);
        }
        return extraction;
    }
}
