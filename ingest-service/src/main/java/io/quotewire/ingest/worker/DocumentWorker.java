package io.quotewire.ingest.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quotewire.ingest.client.extraction.model.Extraction;
import io.quotewire.ingest.client.query.model.IndexedDocument;
import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.domain.DocumentStatus;
import io.quotewire.ingest.observability.IngestMetrics;
import io.quotewire.ingest.observability.ProcessingTrace;
import io.quotewire.ingest.service.DocumentQueued;
import io.quotewire.ingest.worker.RemoteCallException.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The outbox worker: when woken by a new document, and every {@code quotewire.worker.poll-interval},
 * it claims due documents ({@code SELECT ... FOR UPDATE SKIP LOCKED}, see {@link WorkQueue}), then,
 * outside any transaction, calls extraction-service and query-service for each (up to
 * {@code batch-size} documents in parallel) and records the outcome.
 * RECEIVED -> extract -> EXTRACTED -> index -> INDEXED; a failure is recorded with backoff by
 * {@link WorkQueue#recordFailure}. This is where an ingest is retried.
 */
@ApplicationScoped
public class DocumentWorker {

    private static final Logger LOG = Logger.getLogger(DocumentWorker.class);

    @Inject
    IngestConfig config;

    @Inject
    WorkQueue queue;

    @Inject
    ExtractionGateway extraction;

    @Inject
    IndexGateway index;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    IngestMetrics metrics;

    @Inject
    ProcessingTrace trace;

    private ExecutorService executor;
    private ExecutorService dispatcher;
    /** Free processing threads; a document is only claimed when one is free to start on it at once. */
    private Semaphore slots;
    private final AtomicBoolean pollRequested = new AtomicBoolean();
    /** The last claim filled every free slot, so more may be due: look again when a slot frees up. */
    private volatile boolean backlog;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        int threads = Math.max(1, config.worker().batchSize());
        AtomicInteger n = new AtomicInteger();
        slots = new Semaphore(threads);
        executor = Executors.newFixedThreadPool(threads, daemon(() -> "ingest-worker-" + n.incrementAndGet()));
        dispatcher = Executors.newSingleThreadExecutor(daemon(() -> "ingest-dispatcher"));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        dispatcher.shutdown();
        executor.shutdown();
        try {
            // Documents in progress finish (remote calls are bounded by their timeouts); anything
            // cut short keeps its lease and is claimed again once the lease runs out.
            if (!dispatcher.awaitTermination(5, TimeUnit.SECONDS)
                    || !executor.awaitTermination(15, TimeUnit.SECONDS)) {
                dispatcher.shutdownNow();
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The safety net: documents due after a backoff, or left by a crashed worker, are found here. */
    @Scheduled(identity = "outbox-worker", every = "${quotewire.worker.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        requestPoll();
    }

    /** A document was accepted or retried and committed: look for work now rather than at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentQueued event) {
        requestPoll();
    }

    /**
     * Runs a claim round on the single dispatcher thread, so rounds never overlap in this
     * instance; a request arriving during a round queues exactly one more.
     */
    void requestPoll() {
        if (stopping || !config.worker().enabled()) {
            return;
        }
        if (pollRequested.compareAndSet(false, true)) {
            try {
                dispatcher.execute(() -> {
                    pollRequested.set(false);
                    claimAndDispatch();
                });
            } catch (RejectedExecutionException shuttingDown) {
                pollRequested.set(false);
            }
        }
    }

    /**
     * Claims as many due documents as there are free processing threads (at most
     * {@code batch-size}) and starts each at once; repeats while claims fill every free slot. Each
     * document is handed to a thread as soon as one is free, so a slow document holds up no other.
     */
    private void claimAndDispatch() {
        try {
            while (!stopping) {
                int free = slots.availablePermits();
                if (free == 0) {
                    backlog = true; // a finishing document asks for the next round
                    return;
                }
                List<Claim> claims = queue.claimDue(free);
                backlog = claims.size() == free;
                for (Claim claim : claims) {
                    slots.acquireUninterruptibly(); // only this thread acquires: never blocks here
                    try {
                        executor.execute(() -> {
                            try {
                                trace.run(claim.id(), () -> process(claim));
                            } catch (RuntimeException e) {
                                // Recording the outcome failed (database unavailable?): the document
                                // keeps its lease and is claimed again when it runs out.
                                LOG.errorf(e, "could not record the outcome for document %s", claim.id());
                            } finally {
                                slots.release();
                                if (backlog) {
                                    requestPoll();
                                }
                            }
                        });
                    } catch (RejectedExecutionException shuttingDown) {
                        slots.release(); // the claim's lease runs out and another worker takes it
                    }
                }
                if (!backlog) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debug("outbox poll cut short by shutdown", e);
            } else {
                LOG.error("outbox poll failed; trying again at the next poll", e);
            }
        }
    }

    private static ThreadFactory daemon(Supplier<String> name) {
        return r -> {
            Thread t = new Thread(r, name.get());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * One claimed document, as far as it gets: extraction (if still needed), then indexing, then one
     * statement that records both. Only when indexing fails is the extraction stored on its own
     * (EXTRACTED), so the retry does not extract again. A crash between the calls and the record
     * leaves the document claimed as before: it is extracted and pushed again when the lease runs
     * out, and query-service takes an identical push as a no-op.
     */
    void process(Claim claim) {
        Claim current = claim;
        String newExtraction = null;
        String service = "extraction-service";
        try {
            if (current.status() == DocumentStatus.RECEIVED) {
                Claim received = current;
                Extraction result = metrics.timeExtraction(() -> extraction.extract(received.text(), received.title()));
                newExtraction = toJson(result);
                metrics.extracted(result);
                current = current.extracted(newExtraction);
            }
            service = "query-service";
            index.index(current.id(), indexedDocument(current));
            if (queue.recordIndexed(current, newExtraction)) {
                metrics.indexed();
            }
        } catch (CircuitBreakerOpenException e) {
            // Not even called: the service has been failing for everyone.
            recordFailure(current, newExtraction, service, service + " unavailable (circuit open)", Kind.UNAVAILABLE);
        } catch (RemoteCallException e) {
            recordFailure(current, newExtraction, service, e.getMessage(), e.kind());
        } catch (TimeoutException e) {
            recordFailure(current, newExtraction, service, service + " timed out", Kind.FAILING);
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure processing document %s", claim.id());
            recordFailure(current, newExtraction, service, "internal error: " + RemoteFailures.rootMessage(e), Kind.FAILING);
        }
    }

    /** Records a failed attempt, after storing this attempt's extraction if there is one. */
    private void recordFailure(Claim claim, String newExtraction, String service, String error, Kind kind) {
        Claim current = claim;
        if (newExtraction != null) {
            Optional<Claim> stored = queue.recordExtracted(claim, newExtraction);
            if (stored.isEmpty()) {
                return; // the claim was lost: another worker has the document
            }
            current = stored.get();
        }
        recordFailure(current, service, error, kind);
    }

    private void recordFailure(Claim claim, String service, String error, Kind kind) {
        Optional<DocumentStatus> outcome = queue.recordFailure(claim, error, kind);
        metrics.attemptFailed(service.equals("query-service") ? "indexing" : "extraction", kind, outcome);
    }

    private String toJson(Extraction extraction) {
        try {
            return objectMapper.writeValueAsString(extraction);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IndexedDocument indexedDocument(Claim claim) {
        io.quotewire.ingest.client.query.model.Extraction extractionModel;
        try {
            extractionModel = objectMapper.readValue(claim.extraction(),
                    io.quotewire.ingest.client.query.model.Extraction.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new IndexedDocument(claim.text(), extractionModel)
                .title(claim.title())
                .source(claim.source())
                .url(claim.url())
                .publishedAt(utc(claim.publishedAt()))
                .receivedAt(utc(claim.receivedAt()))
                .familyId(claim.familyId());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
