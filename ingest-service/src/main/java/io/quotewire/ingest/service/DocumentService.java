package io.quotewire.ingest.service;

import io.quotewire.web.ProblemException;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.ingest.dedup.Fingerprint;
import io.quotewire.ingest.dedup.Fingerprinter;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Inject
    Families families;

    @Inject
    ObjectMapper objectMapper;

    /**
     * Stores the submission unless the same text (by content hash) is stored already. Concurrent
     * submissions of one text meet at the unique index: {@code ON CONFLICT DO NOTHING} makes every
     * loser wait for the winner's commit and then read the winner's row. A new text that is a copy
     * of a stored story (see {@link Families}) joins that story's family.
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
        rejectNul("raw body", submission.rawBody());

        String hash = ContentHash.of(text);
        var existing = DocumentEntity.findByContentHash(hash);
        if (existing.isPresent()) {
            return duplicate(existing.get());
        }

        UUID id = UUID.randomUUID();
        Fingerprint fingerprint = Fingerprinter.of(text);
        Optional<Families.Match> match = families.closest(fingerprint);
        UUID familyId = match.map(Families.Match::familyId).orElse(id);
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        INSERT INTO document (id, content_hash, title, source, url, published_at, received_at,
                                              text, status, attempts, next_attempt_at, updated_at,
                                              raw_body, raw_media_type, authors, language, canonical_url,
                                              fingerprint, family_id, duplicate_of, similarity, match_kind)
                        VALUES (:id, :hash, CAST(:title AS text), CAST(:source AS text), CAST(:url AS text),
                                CAST(:publishedAt AS timestamptz), :now, :text, 'RECEIVED', 0, :now, :now,
                                CAST(:raw AS text), CAST(:rawType AS text), CAST(:authors AS jsonb),
                                CAST(:language AS text), CAST(:canonical AS text),
                                :fingerprint, :family, CAST(CAST(:duplicateOf AS text) AS uuid),
                                CAST(CAST(:similarity AS text) AS double precision), CAST(:kind AS text))
                        ON CONFLICT (content_hash) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("hash", hash)
                .setParameter("title", blankToNull(submission.title()))
                .setParameter("source", blankToNull(submission.source()))
                .setParameter("url", blankToNull(submission.url()))
                .setParameter("publishedAt", submission.publishedAt() == null ? null : submission.publishedAt().toString())
                .setParameter("now", now)
                .setParameter("text", text)
                .setParameter("raw", submission.rawBody())
                .setParameter("rawType", submission.rawMediaType())
                .setParameter("authors", submission.authors().isEmpty() ? null : json(submission.authors()))
                .setParameter("language", blankToNull(submission.language()))
                .setParameter("canonical", blankToNull(submission.canonicalUrl()))
                .setParameter("fingerprint", fingerprint.toBytes())
                .setParameter("family", familyId)
                .setParameter("duplicateOf", match.map(m -> m.documentId().toString()).orElse(null))
                .setParameter("similarity", match.map(m -> Double.toString(m.similarity())).orElse(null))
                .setParameter("kind", match.map(m -> m.kind().name()).orElse(null))
                .executeUpdate();
        if (inserted == 1) {
            families.file(id, fingerprint);
            queued.fire(new DocumentQueued(id));
            LOG.debugf("accepted document %s (%d chars, family %s)", id, text.length(), familyId);
            return new Receipt(id, DocumentStatus.RECEIVED, false, familyId,
                    match.map(Families.Match::documentId).orElse(null),
                    match.map(Families.Match::similarity).orElse(null));
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

    /**
     * One page of documents, newest received first (ties by id), after the position {@code cursor} names (null:
     * from the start). Keyset paging on the index (received_at DESC, id): each page reads only its own rows.
     */
    @Transactional
    public DocumentListPage list(DocumentStatus status, Integer limit, String cursor) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badParameter("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + size);
        }
        // a blank cursor is the first page, as in query-service's listings
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(KeysetCursor.DOCUMENTS, cursor);
        Sort newestFirst = Sort.descending("receivedAt").and("id", Sort.Direction.Ascending);
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append("status = :status");
            params.put("status", status);
        }
        if (after != null) {
            where.append(where.isEmpty() ? "" : " and ")
                    .append("(receivedAt < :receivedAt or (receivedAt = :receivedAt and id > :id))");
            params.put("receivedAt", after.at());
            params.put("id", after.id());
        }
        var query = where.isEmpty()
                ? DocumentEntity.findAll(newestFirst)
                : DocumentEntity.find(where.toString(), newestFirst, params);
        // one row more than the page tells whether there is a next page
        List<DocumentSummaryRow> rows = query.page(Page.ofSize(size + 1)).project(DocumentSummaryRow.class).list();
        if (rows.size() <= size) {
            return new DocumentListPage(rows, null);
        }
        List<DocumentSummaryRow> page = rows.subList(0, size);
        DocumentSummaryRow last = page.get(size - 1);
        return new DocumentListPage(List.copyOf(page),
                new KeysetCursor(KeysetCursor.DOCUMENTS, last.receivedAt(), last.id()).encode());
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
        return new Receipt(id, document.status, false, document.familyId, document.duplicateOf, document.similarity);
    }

    private static Receipt duplicate(DocumentEntity existing) {
        return new Receipt(existing.id, existing.status, true, existing.familyId, existing.duplicateOf,
                existing.similarity);
    }

    private static void rejectNul(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw ProblemException.badRequest(field + " must not contain NUL characters");
        }
    }

    /** The documents of a family, oldest first (at most {@code limit}). */
    @Transactional
    public List<DocumentEntity> family(UUID familyId, int limit) {
        return DocumentEntity.find("familyId", Sort.ascending("receivedAt").and("id"), familyId)
                .page(Page.ofSize(limit)).list();
    }

    private String json(List<String> values) {
        try {
            return objectMapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
