package io.quotewire.query.index;

import io.quotewire.query.sql.Times;
import io.quotewire.web.ProblemException;

import io.quotewire.query.names.Names;
import io.quotewire.query.sql.Rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.IndexedDocument;
import io.quotewire.query.api.model.Quote;
import io.quotewire.query.api.model.Span;
import io.quotewire.query.api.model.Speaker;
import io.quotewire.query.api.model.SpeakerResolution;
import io.quotewire.query.domain.DocumentRecord;
import io.quotewire.query.domain.MentionRecord;
import io.quotewire.query.domain.QuoteRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private static final Logger LOG = Logger.getLogger(IndexService.class);

    @Inject
    EntityManager em;

    @Inject
    EntityResolver resolver;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    QuoteClusterer clusterer;

    /** The quote's sentence: the extraction's when it encloses the quote, else found in the text. */
    private static int[] sentenceOf(Quote q, String text) {
        Span s = q.getSentence();
        if (s != null && s.getStart() <= q.getStart() && q.getEnd() <= s.getEnd() && s.getEnd() <= text.length()) {
            return new int[] {s.getStart(), s.getEnd()};
        }
        return QuoteKeys.sentence(text, q.getStart(), q.getEnd());
    }

    @Transactional
    public void index(UUID id, IndexedDocument doc) {
        IndexValidator.validate(doc);
        lockAll(em, locks(id, doc, new TreeSet<>()));
        store(id, doc);
    }

    /** What became of one document of a batch. */
    public enum Outcome {
        /** created or replaced */
        STORED,
        /** the same document (same body hash) was stored already */
        UNCHANGED,
        /** failed validation; nothing of it stored */
        REJECTED
    }

    /** One document of a batch: its id and the document as a single push would send it. */
    public record BatchItem(UUID id, IndexedDocument document) {
    }

    /** What became of one document of a batch ({@code problem} only when REJECTED). */
    public record BatchResult(UUID id, Outcome outcome, ProblemException problem) {
    }

    /**
     * {@code POST /api/v1/index/batches}: the documents that pass validation are stored in this one
     * transaction, in the order given, as if pushed one after the other; the others are REJECTED
     * with the problem a single push would answer. The advisory locks of all of them are taken
     * first, in one round trip and in ascending order, as a single push takes its own: a batch is
     * one large push to every other transaction, so two batches, or a batch and a push, never wait
     * on each other in a cycle, and the work of a batch is serialised with exactly the pushes and
     * batches that share a document, a name key or a quote key with it.
     */
    @Transactional
    public List<BatchResult> indexBatch(List<BatchItem> items) {
        List<BatchResult> results = new ArrayList<>(items.size());
        Set<Long> locks = new TreeSet<>();
        for (BatchItem item : items) {
            try {
                IndexValidator.validate(item.document());
                locks(item.id(), item.document(), locks);
                results.add(new BatchResult(item.id(), null, null));
            } catch (ProblemException rejected) {
                results.add(new BatchResult(item.id(), Outcome.REJECTED, rejected));
            }
        }
        lockAll(em, locks);
        for (int i = 0; i < items.size(); i++) {
            if (results.get(i).outcome() == null) {
                BatchItem item = items.get(i);
                boolean stored = store(item.id(), item.document());
                results.set(i, new BatchResult(item.id(), stored ? Outcome.STORED : Outcome.UNCHANGED, null));
                // what the next document needs it reads again: keep the persistence context small
                em.flush();
                em.clear();
            }
        }
        return results;
    }

    /**
     * Stores a validated document whose locks are held: nothing when the same body is stored
     * already (false), else creates or replaces it with its mentions, quotes and everything derived
     * from them (true).
     */
    private boolean store(UUID id, IndexedDocument doc) {
        String hash = contentHash(doc);
        DocumentRecord record = DocumentRecord.findById(id);
        if (record != null && record.contentHash.equals(hash)) {
            LOG.debugf("document %s unchanged", id);
            return false;
        }
        boolean replacing = record != null;
        Map<Long, Counts> counts = new TreeMap<>();
        Map<Long, EntityDays.Share> before = new TreeMap<>();
        Map<Long, EntityDays.Share> after = new TreeMap<>();
        java.time.LocalDate oldDay = replacing ? Times.utcDay(record.sortAt) : null;
        Set<Long> clusters = new TreeSet<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (record == null) {
            record = new DocumentRecord();
            record.id = id;
            record.indexedAt = now;
        } else {
            countsOf(id, counts, before, -1);
            for (Object c : em.createNativeQuery("SELECT DISTINCT cluster_id FROM quotes WHERE document_id = :id")
                    .setParameter("id", id).getResultList()) {
                clusters.add(Rows.toLong(c));
            }
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
        record.familyId = doc.getFamilyId() != null ? doc.getFamilyId() : id;
        record.text = doc.getText();
        record.extractorVersion = doc.getExtraction().getExtractorVersion();
        record.contentHash = hash;
        record.indexedAt = now;
        record.persist();
        em.flush();

        // Resolve every entity first (native statements), then write mentions and quotes in JDBC batches.
        Map<String, EntityResolver.Resolved> resolved = new HashMap<>();
        Map<String, Set<EntityResolver.Resolved>> byNameKey = new HashMap<>();
        Set<String> surnames = new TreeSet<>();
        Set<String> newFullNames = new TreeSet<>();
        Set<Long> partials = new TreeSet<>();
        List<MentionRecord> mentions = new ArrayList<>();
        Set<Long> present = new HashSet<>();
        for (Entity e : doc.getExtraction().getEntities()) {
            EntityResolver.Resolved r = resolver.resolve(e, id);
            resolved.put(e.getId(), r);
            if (r.key().isPerson()) {
                surnames.add(r.key().surname());
                if (r.created() && r.key().kind() == io.quotewire.query.names.NameKey.Kind.FULL) {
                    newFullNames.add(r.key().surname());
                }
                if (r.key().kind() == io.quotewire.query.names.NameKey.Kind.PARTIAL) {
                    partials.add(r.keyEntity());
                }
            }
            byNameKey.computeIfAbsent(Names.key(e.getName()), k -> new LinkedHashSet<>()).add(r);
            for (String alias : e.getAliases()) {
                byNameKey.computeIfAbsent(Names.key(alias), k -> new LinkedHashSet<>()).add(r);
            }
            for (Span span : e.getMentions()) {
                MentionRecord m = new MentionRecord();
                m.documentId = id;
                m.entityId = r.entity();
                m.keyEntityId = r.keyEntity();
                m.start = span.getStart();
                m.end = span.getEnd();
                m.text = span.getText();
                m.sortAt = record.sortAt;
                mentions.add(m);
            }
        }
        for (MentionRecord m : mentions) {
            m.persist();
            counts.computeIfAbsent(m.entityId, k -> new Counts()).mentions(1);
            after.computeIfAbsent(m.entityId, k -> new EntityDays.Share()).mentions++;
            present.add(m.entityId);
        }
        List<QuoteRecord> quoteRecords = new ArrayList<>();
        for (Quote q : doc.getExtraction().getQuotes()) {
            QuoteRecord r = new QuoteRecord();
            r.documentId = id;
            r.familyId = record.familyId;
            r.sortAt = record.sortAt;
            int[] sentence = sentenceOf(q, doc.getText());
            r.sentenceStart = sentence[0];
            r.sentenceEnd = sentence[1];
            r.normText = QuoteKeys.normalize(q.getText());
            r.textKey = QuoteKeys.hash(r.normText);
            r.headKey = QuoteKeys.hash(QuoteKeys.head(r.normText));
            r.text = q.getText();
            r.type = q.getType().toString();
            r.start = q.getStart();
            r.end = q.getEnd();
            List<Span> parts = q.getParts();
            if (parts == null || parts.isEmpty()) {
                r.partStarts = new int[] {r.start};
                r.partEnds = new int[] {r.end};
            } else {
                r.partStarts = parts.stream().mapToInt(Span::getStart).toArray();
                r.partEnds = parts.stream().mapToInt(Span::getEnd).toArray();
            }
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
                // an UNNAMED source ("police", "a senior adviser") is no entity, whatever its words match
                boolean unnamed = speaker.getResolution() == SpeakerResolution.UNNAMED;
                EntityResolver.Resolved by = speaker.getEntityId() != null
                        ? resolved.get(speaker.getEntityId())
                        : unnamed ? null : onlyOne(byNameKey.get(r.speakerNorm));
                r.speakerEntityId = by == null ? null : by.entity();
                r.speakerKeyEntityId = by == null ? null : by.keyEntity();
                r.speakerResolution = speaker.getResolution() == null ? null : speaker.getResolution().toString();
                if (speaker.getMention() != null) {
                    r.speakerMention = speaker.getMention().getText();
                    r.speakerMentionStart = speaker.getMention().getStart();
                    r.speakerMentionEnd = speaker.getMention().getEnd();
                }
            }
            quoteRecords.add(r);
        }
        clusters.addAll(clusterer.assign(id, quoteRecords));
        for (QuoteRecord r : quoteRecords) {
            r.persist();
            if (r.speakerEntityId != null) {
                counts.computeIfAbsent(r.speakerEntityId, k -> new Counts()).quotes(1);
                after.computeIfAbsent(r.speakerEntityId, k -> new EntityDays.Share()).quotes++;
                present.add(r.speakerEntityId);
            }
        }
        present.forEach(entity -> counts.get(entity).inArticle(1));
        em.flush();
        EntityDocuments.recompute(em, List.of(id));
        em.createNativeQuery(QuoteClusterer.SUBJECTS_OF_DOCUMENTS).setParameter("docs", List.of(id)).executeUpdate();
        applyCounts(counts);
        EntityDays.apply(em, objectMapper, before, oldDay, after, Times.utcDay(record.sortAt));
        clusterer.refresh(clusters);
        // which person each surname alone belongs to, now that this article's names are known
        resolver.reconcile(surnames, newFullNames, partials);
        LOG.infof("%s document %s: %d quotes, %d mentions of %d entities", replacing ? "replaced" : "indexed", id,
                doc.getExtraction().getQuotes().size(), mentions.size(),
                resolved.values().stream().map(EntityResolver.Resolved::entity).distinct().count());
        return true;
    }

    /** Mention, quote and article counts per entity, as a change to apply to entities. */
    static final class Counts {
        long mentions;
        long quotes;
        long articles;
        private boolean before;
        private boolean after;

        void mentions(long n) {
            mentions += n;
        }

        void quotes(long n) {
            quotes += n;
        }

        /** sign -1: the entity was in the previous version of the document; +1: it is in the new one. */
        void inArticle(int sign) {
            if (sign < 0) {
                before = true;
            } else {
                after = true;
            }
            articles = (after ? 1 : 0) - (before ? 1 : 0);
        }

        boolean isZero() {
            return mentions == 0 && quotes == 0 && articles == 0;
        }
    }

    /** Adds to {@code locks} the advisory locks of the document, of every name key of its entities and of its quotes' keys. */
    private static Set<Long> locks(UUID id, IndexedDocument doc, Set<Long> locks) {
        locks.add(lockId("doc:" + id));
        for (Entity e : doc.getExtraction().getEntities()) {
            for (String key : EntityResolver.lockKeys(e)) {
                locks.add(lockId("entity:" + key));
            }
        }
        for (Quote q : doc.getExtraction().getQuotes()) {
            locks.add(lockId("quote:" + QuoteKeys.head(QuoteKeys.normalize(q.getText()))));
        }
        return locks;
    }

    /** Takes the transaction-scoped advisory locks {@code locks}, in ascending order, in one round trip. */
    static void lockAll(EntityManager em, Set<Long> locks) {
        if (locks.isEmpty()) {
            return;
        }
        em.createNativeQuery("SELECT lock_index_keys(CAST(:keys AS bigint[]))")
                .setParameter("keys", Rows.pgArray(new TreeSet<>(locks))).getSingleResult();
    }

    /**
     * Adds the counts of the document's current rows, times {@code sign} (-1: to be replaced), and
     * records them per entity in {@code shares}.
     */
    private void countsOf(UUID id, Map<Long, Counts> counts, Map<Long, EntityDays.Share> shares, int sign) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT entity_id, count(*), 0 FROM mentions WHERE document_id = :id GROUP BY entity_id
                UNION ALL
                SELECT speaker_entity_id, 0, count(*) FROM quotes
                WHERE document_id = :id AND speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id""")
                .setParameter("id", id).getResultList();
        for (Object[] row : rows) {
            Counts c = counts.computeIfAbsent(Rows.toLong(row[0]), k -> new Counts());
            c.mentions(sign * Rows.toLong(row[1]));
            c.quotes(sign * Rows.toLong(row[2]));
            c.inArticle(sign);
            EntityDays.Share share = shares.computeIfAbsent(Rows.toLong(row[0]), k -> new EntityDays.Share());
            share.mentions += Rows.toLong(row[1]);
            share.quotes += Rows.toLong(row[2]);
        }
    }

    /**
     * Adds the changes to the entity counters. The rows are locked in id order first, so two pushes
     * touching the same entities never wait on each other in a cycle; increments commute, so
     * concurrent pushes add up correctly.
     */
    private void applyCounts(Map<Long, Counts> counts) {
        List<Map<String, Object>> changes = new ArrayList<>();
        counts.forEach((entity, c) -> {
            if (!c.isZero()) {
                changes.add(Map.of("id", entity, "m", c.mentions, "q", c.quotes, "a", c.articles));
            }
        });
        if (changes.isEmpty()) {
            return;
        }
        List<Long> ids = changes.stream().map(c -> (Long) c.get("id")).toList();
        em.createNativeQuery("SELECT id FROM entities WHERE id IN (:ids) ORDER BY id FOR NO KEY UPDATE")
                .setParameter("ids", ids).getResultList();
        try {
            em.createNativeQuery("""
                    UPDATE entities e SET mention_count = e.mention_count + c.m,
                                          quote_count = e.quote_count + c.q,
                                          article_count = e.article_count + c.a
                    FROM jsonb_to_recordset(CAST(:changes AS jsonb)) AS c(id bigint, m bigint, q bigint, a bigint)
                    WHERE e.id = c.id""")
                    .setParameter("changes", objectMapper.writeValueAsString(changes)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String contentHash(IndexedDocument doc) {
        try {
            return HexFormat.of().formatHex(sha256(objectMapper.writeValueAsBytes(doc)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the document", e);
        }
    }

    static long lockId(String key) {
        return QuoteKeys.hash(key);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one entity of the article known by a name (none when several are). */
    private static EntityResolver.Resolved onlyOne(Set<EntityResolver.Resolved> records) {
        if (records == null || records.stream().map(EntityResolver.Resolved::entity).distinct().count() != 1) {
            return null;
        }
        return records.iterator().next();
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
