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
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * Claims up to {@code limit} due documents that no other worker is holding: one statement sets
     * each one's lease and token and returns what the remote calls need (not the raw body).
     */
    @Transactional
    public List<Claim> claimDue(int limit) {
        Instant now = Instant.now();
        Instant leaseEnd = now.plus(config.worker().lease());
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement("""
                    UPDATE document d SET lease_token = gen_random_uuid(), next_attempt_at = ?, updated_at = ?
                    FROM (SELECT id FROM document
                          WHERE status IN ('RECEIVED', 'EXTRACTED') AND next_attempt_at <= ?
                          ORDER BY next_attempt_at
                          LIMIT ?
                          FOR UPDATE SKIP LOCKED) due
                    WHERE d.id = due.id
                    RETURNING d.id, d.lease_token, d.status, d.attempts, d.title, d.text, d.source, d.url,
                              d.published_at, d.received_at, d.extraction::text, d.family_id""")) {
                claim.setTimestamp(1, Timestamp.from(leaseEnd));
                claim.setTimestamp(2, Timestamp.from(now));
                claim.setTimestamp(3, Timestamp.from(now));
                claim.setInt(4, limit);
                List<Claim> claims = new ArrayList<>();
                try (ResultSet r = claim.executeQuery()) {
                    while (r.next()) {
                        claims.add(new Claim(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                                DocumentStatus.valueOf(r.getString(3)), r.getInt(4), r.getString(5), r.getString(6),
                                r.getString(7), r.getString(8), instant(r.getTimestamp(9)), instant(r.getTimestamp(10)),
                                r.getString(11), r.getObject(12, UUID.class)));
                    }
                }
                return claims;
            }
        });
    }

    /**
     * Stores the extraction; the claim is kept (lease renewed). Used when indexing did not follow
     * at once (it failed): the retry then indexes without extracting again.
     */
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

    /**
     * Records the document as indexed, in one statement that also proves the claim (the current
     * lease token); with {@code newExtraction} (extracted in this attempt and not yet stored) the
     * extraction is stored by the same statement. False when the claim was lost (result dropped).
     */
    @Transactional
    public boolean recordIndexed(Claim claim, String newExtraction) {
        Instant now = Instant.now();
        int updated = em.createNativeQuery("""
                        UPDATE document SET status = 'INDEXED', indexed_at = :now, attempts = 0, failures = 0,
                               last_error = NULL, lease_token = NULL, updated_at = :now,
                               extraction = CASE WHEN :stored THEN extraction ELSE CAST(:extraction AS jsonb) END,
                               extracted_at = CASE WHEN :stored THEN extracted_at ELSE :now END
                        WHERE id = :id AND lease_token = :token""")
                .setParameter("now", now)
                .setParameter("stored", newExtraction == null)
                .setParameter("extraction", newExtraction == null ? "null" : newExtraction)
                .setParameter("id", claim.id())
                .setParameter("token", claim.token())
                .executeUpdate();
        if (updated == 0) {
            LOG.warnf("claim on document %s was lost (lease expired and taken over); result dropped", claim.id());
        }
        return updated == 1;
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

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
