package io.quotewire.ingest.worker;

import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.domain.DocumentEntity;
import io.quotewire.ingest.domain.DocumentStatus;
import io.quotewire.ingest.worker.RemoteCallException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The document table used as a queue. Every method is one short transaction; no remote call ever
 * runs inside one. A claim sets a lease ({@code next_attempt_at = now + lease}) and a fresh
 * {@code lease_token}; results are recorded only by the holder of the current token, so if a
 * worker stalls past its lease and another one takes the document over, the stale result is dropped.
 */
@ApplicationScoped
public class WorkQueue {

    private static final Logger LOG = Logger.getLogger(WorkQueue.class);
    private static final int MAX_ERROR_LENGTH = 2_000;

    @Inject
    EntityManager em;

    @Inject
    IngestConfig config;

    /** Claims up to {@code limit} due documents that no other worker is holding. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claim> claimDue(int limit) {
        Instant now = Instant.now();
        List<DocumentEntity> due = em.createNativeQuery("""
                        SELECT * FROM document
                        WHERE status IN ('RECEIVED', 'EXTRACTED') AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", DocumentEntity.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        Instant leaseEnd = now.plus(config.worker().lease());
        for (DocumentEntity document : due) {
            document.leaseToken = UUID.randomUUID();
            document.nextAttemptAt = leaseEnd;
            document.updatedAt = now;
        }
        return due.stream().map(Claim::of).toList();
    }

    /** Stores the extraction; the claim is kept (lease renewed) so indexing can follow at once. */
    @Transactional
    public Optional<Claim> recordExtracted(Claim claim, String extractionJson) {
        return held(claim).map(document -> {
            Instant now = Instant.now();
            document.extraction = extractionJson;
            document.extractedAt = now;
            document.status = DocumentStatus.EXTRACTED;
            document.attempts = 0;
            document.failures = 0;
            document.lastError = null;
            document.nextAttemptAt = now.plus(config.worker().lease());
            document.updatedAt = now;
            return claim.extracted(extractionJson);
        });
    }

    @Transactional
    public boolean recordIndexed(Claim claim) {
        return held(claim).map(document -> {
            Instant now = Instant.now();
            document.status = DocumentStatus.INDEXED;
            document.indexedAt = now;
            document.attempts = 0;
            document.failures = 0;
            document.lastError = null;
            document.leaseToken = null;
            document.updatedAt = now;
            return true;
        }).orElse(false);
    }

    /**
     * Records a failed attempt; this is where an ingest is retried. The document is due again
     * after an exponential backoff with jitter, unless it was rejected (FAILED at once) or its retry
     * budget is spent: {@code max-attempts} failures that may be its own doing (FAILED). When the
     * service was merely unavailable the attempt is counted but spends no budget: the document
     * waits for the service however long it is away.
     */
    @Transactional
    public Optional<DocumentStatus> recordFailure(Claim claim, String error, Kind kind) {
        return held(claim).map(document -> {
            Instant now = Instant.now();
            document.attempts++;
            if (kind == Kind.FAILING) {
                document.failures++;
            }
            document.leaseToken = null;
            document.updatedAt = now;
            int budget = config.worker().maxAttempts();
            if (kind == Kind.REJECTED) {
                fail(document, claim, "rejected: " + error);
            } else if (document.failures >= budget) {
                fail(document, claim, "gave up after " + document.failures + " failed attempts: " + error);
            } else {
                Duration delay = Backoff.delay(document.attempts, config.worker().backoffBase(),
                        config.worker().backoffMax(), ThreadLocalRandom.current());
                document.nextAttemptAt = now.plus(delay);
                document.lastError = truncate(kind == Kind.UNAVAILABLE ? error + " (waiting for the service)" : error);
                LOG.infof("document %s: attempt %d at %s failed (%s, %d/%d of the budget), next in %d ms: %s",
                        document.id, document.attempts, claim.status(), kind, document.failures, budget,
                        delay.toMillis(), error);
            }
            return document.status;
        });
    }

    private static void fail(DocumentEntity document, Claim claim, String reason) {
        document.status = DocumentStatus.FAILED;
        document.lastError = truncate(reason);
        LOG.warnf("document %s FAILED at %s: %s", document.id, claim.status(), document.lastError);
    }

    private Optional<DocumentEntity> held(Claim claim) {
        DocumentEntity document = DocumentEntity.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (document == null || !claim.token().equals(document.leaseToken)) {
            LOG.warnf("claim on document %s was lost (lease expired and taken over); result dropped", claim.id());
            return Optional.empty();
        }
        return Optional.of(document);
    }

    private static String truncate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
