package io.quotewire.ingest.service;

import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.observability.QueueGauges;
import io.quotewire.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Back-pressure at the door: while the outbox holds {@code quotewire.admission.max-waiting}
 * documents or more (RECEIVED or EXTRACTED, across every instance: it is read from the database),
 * a new article is refused with 429 and a Retry-After, and nothing is stored; the client sends it
 * again later. So a burst waits at its clients instead of piling up in the queue, and a document
 * accepted is processed within about the time the queue takes to drain. The count is the queue
 * gauges' ({@link QueueGauges}), read at most once per {@code refresh}; when it cannot be read,
 * articles are accepted (storing them is what fails then, with its own answer).
 */
@ApplicationScoped
public class Admission {

    @Inject
    IngestConfig config;

    @Inject
    QueueGauges queue;

    /** Throws 429 (Retry-After) while the outbox is full. */
    public void admit() {
        int max = config.admission().maxWaiting();
        if (max <= 0) {
            return;
        }
        double waiting = queue.waiting(config.admission().refresh());
        if (waiting >= max) { // false when the count is unknown (NaN)
            throw ProblemException.slowDown("%d articles are waiting to be processed (at most %d); send this one again later"
                    .formatted((long) waiting, max), config.admission().retryAfterSeconds());
        }
    }
}
