package io.quotewire.ingest.worker;

import io.quarkus.runtime.ShutdownEvent;
import io.quotewire.ingest.client.query.IndexApi;
import io.quotewire.ingest.client.query.model.IndexBatch;
import io.quotewire.ingest.client.query.model.IndexBatchItem;
import io.quotewire.ingest.client.query.model.IndexBatchResult;
import io.quotewire.ingest.client.query.model.IndexItemResult;
import io.quotewire.ingest.client.query.model.IndexedDocument;
import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.worker.RemoteCallException.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gathers the worker threads' index pushes into batches: a document waits until
 * {@code quotewire.worker.index-batch-size} documents are waiting or {@code index-linger} has passed
 * since the first of them, then one {@code POST /api/v1/index/batches} hands them all to
 * query-service, which stores them in one transaction ({@code index-senders} batches in flight at
 * once). Each caller gets its own document's outcome: back when stored or unchanged, a
 * {@link RemoteCallException.Rejected} when query-service rejected it.
 *
 * <p>When the batch call itself fails, what it means decides: a service that is not there
 * ({@link Kind#UNAVAILABLE}) fails every document of the batch alike; any other failure (a 500, a
 * timeout, the whole batch refused) may be one document's doing, so each is pushed again on its own
 * ({@code PUT /api/v1/index/documents/{id}}) and gets its own outcome: one document that cannot be
 * stored holds up no other. Both calls are idempotent, so a document sent twice is stored once.
 */
@ApplicationScoped
public class IndexBatcher {

    private static final Logger LOG = Logger.getLogger(IndexBatcher.class);

    @Inject
    IndexApi client;

    @Inject
    IngestConfig config;

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private ExecutorService senders;
    private volatile boolean stopping;

    /** One document waiting for its batch's answer. */
    record Pending(UUID id, IndexedDocument document, CompletableFuture<Void> done) {
    }

    @PostConstruct
    void start() {
        int count = Math.max(1, config.worker().indexSenders());
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "index-batcher-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < count; i++) {
            senders.execute(this::sendLoop);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        senders.shutdownNow();
        for (Pending p; (p = waiting.poll()) != null; ) {
            p.done().completeExceptionally(new RemoteCallException("ingest-service is stopping", Kind.UNAVAILABLE, null));
        }
    }

    /**
     * Hands the document to query-service with the next batch and waits for its outcome: returns
     * when it is stored (or was already), throws {@link RemoteCallException} when it is not.
     */
    public void index(UUID id, IndexedDocument document) {
        if (stopping) {
            throw new RemoteCallException("ingest-service is stopping", Kind.UNAVAILABLE, null);
        }
        Pending pending = new Pending(id, document, new CompletableFuture<>());
        waiting.add(pending);
        try {
            pending.done().get();
        } catch (InterruptedException e) {
            // the caller's timeout: the batch goes on without it, and the document is tried again later
            pending.done().cancel(false);
            Thread.currentThread().interrupt();
            throw new RemoteCallException("interrupted while waiting for query-service", Kind.FAILING, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new RemoteCallException("query-service call failed: " + e.getCause(), Kind.FAILING, e.getCause());
        } catch (CancellationException e) {
            throw new RemoteCallException("query-service call cancelled", Kind.FAILING, e);
        }
    }

    private void sendLoop() {
        int max = Math.max(1, config.worker().indexBatchSize());
        long linger = config.worker().indexLinger().toNanos();
        while (!stopping) {
            try {
                Pending first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>(max);
                batch.add(first);
                long deadline = System.nanoTime() + linger;
                while (batch.size() < max) {
                    long left = deadline - System.nanoTime();
                    Pending next = left > 0 ? waiting.poll(left, TimeUnit.NANOSECONDS) : waiting.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("index batch sender failed; it goes on", e);
            }
        }
    }

    /** Sends one batch and completes each document's outcome. */
    void send(List<Pending> batch) {
        batch.removeIf(p -> p.done().isCancelled());
        if (batch.isEmpty()) {
            return;
        }
        IndexBatch body = new IndexBatch().documents(new ArrayList<>(batch.size()));
        batch.forEach(p -> body.addDocumentsItem(new IndexBatchItem(p.id(), p.document())));
        IndexBatchResult answer;
        try {
            answer = client.indexBatch(body);
        } catch (RuntimeException e) {
            RemoteCallException failure = RemoteFailures.classify("query-service", e);
            if (failure.kind() == Kind.UNAVAILABLE || batch.size() == 1) {
                batch.forEach(p -> p.done().completeExceptionally(failure));
            } else {
                LOG.warnf("index batch of %d failed (%s); pushing its documents one by one", batch.size(),
                        failure.getMessage());
                batch.forEach(this::sendAlone);
            }
            return;
        }
        List<IndexItemResult> results = answer == null ? null : answer.getResults();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            IndexItemResult r = results != null && i < results.size() ? results.get(i) : null;
            if (r == null || !p.id().equals(r.getId())) {
                p.done().completeExceptionally(new RemoteCallException(
                        "query-service answered the batch without this document's result", Kind.FAILING, null));
            } else if (r.getStatus() == IndexItemResult.StatusEnum.REJECTED) {
                String detail = r.getProblem() == null ? "" : ": " + r.getProblem().getDetail();
                p.done().completeExceptionally(new RemoteCallException.Rejected(
                        "query-service rejected the document" + detail, null));
            } else {
                p.done().complete(null);
            }
        }
    }

    private void sendAlone(Pending p) {
        try {
            client.indexDocument(p.id(), p.document());
            p.done().complete(null);
        } catch (RuntimeException e) {
            p.done().completeExceptionally(RemoteFailures.classify("query-service", e));
        }
    }
}
