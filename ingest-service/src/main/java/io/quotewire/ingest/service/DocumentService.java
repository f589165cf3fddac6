package io.quotewire.ingest.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quotewire.ingest.domain.ContentHash;
import io.quotewire.ingest.domain.DocumentEntity;
import io.quotewire.ingest.domain.DocumentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accepting, reading and re-queueing documents. Accepting a document writes the row that is also
 * the worker's queue entry (status RECEIVED, due now) in the same transaction, so nothing that was
 * answered with 202 can be lost.
 */
@ApplicationScoped
public class DocumentService {

    public static final int MAX_LIMIT = 200;

    private static final Logger LOG = Logger.getLogger(DocumentService.class);

    @Inject
    EntityManager em;

    @Inject
    Event<DocumentQueued> queued;

    /**
     * Stores the submission unless the same text (by content hash) is stored already. Concurrent
     * submissions of one text meet at the unique index: {@code ON CONFLICT DO NOTHING} makes every
     * loser wait for the winner's commit and then read the winner's row.
     */
    @Transactional
    public Receipt accept(Submission submission) {
        String text = submission.text();
        if (text == null) {
            throw ProblemException.badRequest("text is required");
        }
        if (text.isBlank()) {
            throw ProblemException.badRequest("text must not be blank");
        }
        rejectNul("text", text);
        rejectNul("title", submission.title());
        rejectNul("source", submission.source());
        rejectNul("url", submission.url());

        String hash = ContentHash.of(text);
        var existing = DocumentEntity.findByContentHash(hash);
        if (existing.isPresent()) {
            return duplicate(existing.get());
        }

        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        INSERT INTO document (id, content_hash, title, source, url, published_at, received_at,
                                              text, status, attempts, next_attempt_at, updated_at)
                        VALUES (:id, :hash, CAST(:title AS text), CAST(:source AS text), CAST(:url AS text),
                                CAST(:publishedAt AS timestamptz), :now, :text, 'RECEIVED', 0, :now, :now)
                        ON CONFLICT (content_hash) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("hash", hash)
                .setParameter("title", blankToNull(submission.title()))
                .setParameter("source", blankToNull(submission.source()))
                .setParameter("url", blankToNull(submission.url()))
                .setParameter("publishedAt", submission.publishedAt() == null ? null : submission.publishedAt().toString())
                .setParameter("now", now)
                .setParameter("text", text)
                .executeUpdate();
        if (inserted == 1) {
            queued.fire(new DocumentQueued(id));
            LOG.debugf("accepted document %s (%d chars)", id, text.length());
            return new Receipt(id, DocumentStatus.RECEIVED, false);
        }
        // Lost the race against a concurrent submission of the same text, which has committed.
        return DocumentEntity.findByContentHash(hash)
                .map(DocumentService::duplicate)
                .orElseThrow(() -> new IllegalStateException("content hash conflict without a row: " + hash));
    }

    @Transactional
    public DocumentEntity get(UUID id) {
        DocumentEntity document = DocumentEntity.findById(id);
        if (document == null) {
            throw ProblemException.notFound("no document " + id);
        }
        return document;
    }

    @Transactional
    public List<DocumentSummaryRow> list(DocumentStatus status, Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        Sort newestFirst = Sort.descending("receivedAt").and("id", Sort.Direction.Descending);
        var query = status == null
                ? DocumentEntity.findAll(newestFirst)
                : DocumentEntity.find("status", newestFirst, status);
        return query.page(Page.ofSize(size)).project(DocumentSummaryRow.class).list();
    }

    /**
     * Puts a FAILED document back in the queue with a fresh retry budget, at the step it failed:
     * extraction if it has none yet, otherwise indexing.
     */
    @Transactional
    public Receipt retry(UUID id) {
        DocumentEntity document = DocumentEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw ProblemException.notFound("no document " + id);
        }
        if (document.status != DocumentStatus.FAILED) {
            throw ProblemException.conflict("document " + id + " is " + document.status + ", only FAILED documents can be retried");
        }
        Instant now = Instant.now();
        document.status = document.extraction == null ? DocumentStatus.RECEIVED : DocumentStatus.EXTRACTED;
        document.attempts = 0;
        document.failures = 0;
        document.nextAttemptAt = now;
        document.leaseToken = null;
        document.updatedAt = now;
        queued.fire(new DocumentQueued(id));
        LOG.infof("document %s queued again as %s (was FAILED: %s)", id, document.status, document.lastError);
        return new Receipt(id, document.status, false);
    }

    private static Receipt duplicate(DocumentEntity existing) {
        return new Receipt(existing.id, existing.status, true);
    }

    private static void rejectNul(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw ProblemException.badRequest(field + " must not contain NUL characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
