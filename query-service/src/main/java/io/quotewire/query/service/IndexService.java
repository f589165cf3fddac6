package io.quotewire.query.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.IndexedDocument;
import io.quotewire.query.api.model.Quote;
import io.quotewire.query.api.model.Span;
import io.quotewire.query.api.model.Speaker;
import io.quotewire.query.domain.DocumentRecord;
import io.quotewire.query.domain.MentionRecord;
import io.quotewire.query.domain.QuoteRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code PUT /api/v1/index/documents/{id}}: stores one extracted document in one transaction.
 * An identical re-push (same body hash) changes nothing; a changed one replaces the document's
 * quotes and mentions. Concurrency: the transaction first takes PostgreSQL advisory locks on the
 * document id and on every name key its entities could match (sorted, so two pushes never wait on
 * each other in a cycle); pushes that could create or join the same entity therefore run one
 * after the other, and unrelated pushes in parallel.
 */
@ApplicationScoped
public class IndexService {

    @Inject
    EntityManager em;

    @Inject
    EntityResolver resolver;

    @Inject
    ObjectMapper objectMapper;

    @Transactional
    public void index(UUID id, IndexedDocument doc) {
        IndexValidator.validate(doc);
        String hash = contentHash(doc);
        lock(id, doc);

        DocumentRecord record = DocumentRecord.findById(id);
        if (record != null && record.contentHash.equals(hash)) {
            return;
        }
        Set<Long> touched = new HashSet<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (record == null) {
            record = new DocumentRecord();
            record.id = id;
            record.indexedAt = now;
        } else {
            touched.addAll(entitiesOf(id));
            MentionRecord.delete("documentId", id);
            QuoteRecord.delete("documentId", id);
        }
        OffsetDateTime firstIndexed = record.indexedAt;
        record.title = doc.getTitle();
        record.source = doc.getSource();
        record.url = doc.getUrl();
        record.publishedAt = utc(doc.getPublishedAt());
        record.receivedAt = utc(doc.getReceivedAt());
        record.sortAt = record.publishedAt != null ? record.publishedAt
                : record.receivedAt != null ? record.receivedAt : firstIndexed;
        record.text = doc.getText();
        record.extractorVersion = doc.getExtraction().getExtractorVersion();
        record.contentHash = hash;
        record.indexedAt = now;
        record.persist();
        em.flush();

        Map<String, Long> resolved = new HashMap<>();
        Map<String, Set<Long>> byNameKey = new HashMap<>();
        for (Entity e : doc.getExtraction().getEntities()) {
            long entityId = resolver.resolve(e);
            resolved.put(e.getId(), entityId);
            touched.add(entityId);
            byNameKey.computeIfAbsent(Names.key(e.getName()), k -> new HashSet<>()).add(entityId);
            for (String alias : e.getAliases()) {
                byNameKey.computeIfAbsent(Names.key(alias), k -> new HashSet<>()).add(entityId);
            }
            for (Span span : e.getMentions()) {
                MentionRecord m = new MentionRecord();
                m.documentId = id;
                m.entityId = entityId;
                m.start = span.getStart();
                m.end = span.getEnd();
                m.text = span.getText();
                m.persist();
            }
        }
        for (Quote q : doc.getExtraction().getQuotes()) {
            QuoteRecord r = new QuoteRecord();
            r.documentId = id;
            r.sortAt = record.sortAt;
            r.text = q.getText();
            r.type = q.getType().toString();
            r.start = q.getStart();
            r.end = q.getEnd();
            r.confidence = q.getConfidence();
            if (q.getCue() != null) {
                r.cue = q.getCue().getText();
                r.cueStart = q.getCue().getStart();
                r.cueEnd = q.getCue().getEnd();
            }
            Speaker speaker = q.getSpeaker();
            if (speaker != null) {
                r.speakerName = speaker.getName().strip();
                r.speakerNorm = Names.key(speaker.getName());
                r.speakerEntityId = speaker.getEntityId() != null
                        ? resolved.get(speaker.getEntityId())
                        : onlyOne(byNameKey.get(r.speakerNorm));
            }
            r.persist();
        }
        em.flush();
        recount(touched);
    }

    /** Advisory locks on the document and on every name key of its entities, in ascending order. */
    private void lock(UUID id, IndexedDocument doc) {
        Set<Long> locks = new TreeSet<>();
        locks.add(lockId("doc:" + id));
        for (Entity e : doc.getExtraction().getEntities()) {
            for (String key : EntityResolver.lockKeys(e)) {
                locks.add(lockId("entity:" + key));
            }
        }
        for (long lock : locks) {
            em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:lock)").setParameter("lock", lock)
                    .getSingleResult();
        }
    }

    private List<Long> entitiesOf(UUID id) {
        List<?> rows = em.createNativeQuery("""
                SELECT entity_id FROM mentions WHERE document_id = :id
                UNION SELECT speaker_entity_id FROM quotes WHERE document_id = :id AND speaker_entity_id IS NOT NULL""")
                .setParameter("id", id).getResultList();
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(Rows.toLong(row)));
        return ids;
    }

    /**
     * Recomputes the counters of {@code ids} from the rows. The rows are locked first (in id order,
     * in a statement of their own) so that the recount sees every push that touched them before.
     */
    private void recount(Set<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        em.createNativeQuery("SELECT id FROM entities WHERE id IN (:ids) ORDER BY id FOR NO KEY UPDATE")
                .setParameter("ids", sorted).getResultList();
        em.createNativeQuery("""
                UPDATE entities e SET
                    mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id),
                    quote_count = (SELECT count(*) FROM quotes q WHERE q.speaker_entity_id = e.id),
                    article_count = (SELECT count(*) FROM (
                        SELECT m.document_id FROM mentions m WHERE m.entity_id = e.id
                        UNION SELECT q.document_id FROM quotes q WHERE q.speaker_entity_id = e.id) d)
                WHERE e.id IN (:ids)""")
                .setParameter("ids", sorted).executeUpdate();
    }

    private String contentHash(IndexedDocument doc) {
        try {
            return HexFormat.of().formatHex(sha256(objectMapper.writeValueAsBytes(doc)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the document", e);
        }
    }

    private static long lockId(String key) {
        return ByteBuffer.wrap(sha256(key.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long onlyOne(Set<Long> ids) {
        return ids != null && ids.size() == 1 ? ids.iterator().next() : null;
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
