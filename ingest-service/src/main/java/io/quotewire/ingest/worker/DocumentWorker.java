package io.quotewire.ingest.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quotewire.ingest.client.extraction.model.Extraction;
import io.quotewire.ingest.client.query.model.IndexedDocument;
import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.domain.DocumentStatus;
import io.quotewire.ingest.service.DocumentQueued;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The outbox worker: every {@code quotewire.worker.poll-interval} it claims due documents
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}, see {@link WorkQueue}), then, outside any
 * transaction, calls extraction-service and query-service for each and records the outcome.
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

    private ExecutorService executor;
    private ExecutorService dispatcher;
    private final AtomicBoolean pollRequested = new AtomicBoolean();
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(Math.max(1, config.worker().batchSize()),
                daemon(() -> "ingest-worker-" + n.incrementAndGet()));
        dispatcher = Executors.newSingleThreadExecutor(daemon(() -> "ingest-dispatcher"));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        dispatcher.shutdown();
        executor.shutdown();
        try {
            // A drain in progress finishes its current documents (remote calls are bounded by their
            // timeouts); anything cut short keeps its lease and is claimed again once it runs out.
            if (!dispatcher.awaitTermination(15, TimeUnit.SECONDS)) {
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
     * Runs a drain on the single dispatcher thread, so drains never overlap in this instance; a
     * request arriving during a drain queues exactly one more.
     */
    void requestPoll() {
        if (stopping || !config.worker().enabled()) {
            return;
        }
        if (pollRequested.compareAndSet(false, true)) {
            try {
                dispatcher.execute(() -> {
                    pollRequested.set(false);
                    drain();
                });
            } catch (RejectedExecutionException shuttingDown) {
                pollRequested.set(false);
            }
        }
    }

    private void drain() {
        int batchSize = config.worker().batchSize();
        try {
            // While full batches come back there is more due work: do not wait for the next poll.
            while (!stopping) {
                List<Claim> claims = queue.claimDue(batchSize);
                if (claims.isEmpty()) {
                    return;
                }
                processAll(claims);
                if (claims.size() < batchSize) {
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

    private void processAll(List<Claim> claims) {
        if (claims.size() == 1) {
            process(claims.get(0));
            return;
        }
        List<CompletableFuture<Void>> running = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            running.add(CompletableFuture.runAsync(() -> process(claim), executor));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // Recording an outcome failed (database unavailable?): the documents concerned keep
            // their lease and are claimed again when it runs out.
            LOG.errorf(e.getCause(), "could not record the outcome of a document");
        }
    }

    /** One claimed document, as far as it gets: extraction (if still needed), then indexing. */
    void process(Claim claim) {
        Claim current = claim;
        String service = "extraction-service";
        try {
            if (current.status() == DocumentStatus.RECEIVED) {
                Extraction result = extraction.extract(current.text(), current.title());
                Optional<Claim> extracted = queue.recordExtracted(current, toJson(result));
                if (extracted.isEmpty()) {
                    return;
                }
                current = extracted.get();
            }
            service = "query-service";
            index.index(current.id(), indexedDocument(current));
            queue.recordIndexed(current);
        } catch (CircuitBreakerOpenException e) {
            // The call was not made: wait without spending the retry budget.
            queue.postpone(current, service + " unavailable (circuit open), waiting",
                    Backoff.delay(1, config.worker().backoffBase(), config.worker().backoffMax(), ThreadLocalRandom.current()));
        } catch (RemoteCallException e) {
            queue.recordFailure(current, e.getMessage(), e.permanent());
        } catch (TimeoutException e) {
            queue.recordFailure(current, service + " timed out", false);
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure processing document %s", claim.id());
            queue.recordFailure(current, "internal error: " + RemoteFailures.rootMessage(e), false);
        }
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
                .receivedAt(utc(claim.receivedAt()));
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
