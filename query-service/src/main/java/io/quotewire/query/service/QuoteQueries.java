package io.quotewire.query.service;

import io.quotewire.query.api.model.DocumentRef;
import io.quotewire.query.api.model.QuoteHit;
import io.quotewire.query.api.model.QuotePage;
import io.quotewire.query.api.model.QuoteType;
import io.quotewire.query.api.model.SpeakerRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quote lists, newest first: by document publishedAt (else receivedAt, copied to
 * {@code quotes.sort_at}), then quote id, with keyset pagination on (sort_at, id).
 */
@ApplicationScoped
public class QuoteQueries {

    private static final String SELECT = """
            SELECT q.id, q.text, q.type, q.start_offset, q.end_offset, q.speaker_entity_id,
                   coalesce(e.name, q.speaker_name), q.cue,
                   d.id, d.title, d.source, d.url, d.published_at, q.sort_at
            FROM quotes q
            JOIN documents d ON d.id = q.document_id
            LEFT JOIN entities e ON e.id = q.speaker_entity_id
            """;

    @Inject
    EntityManager em;

    /**
     * {@code GET /api/v1/quotes}. speaker: a name or alias of the speaking entity (or the speaker's
     * name as written when the extraction linked no entity); q: websearch_to_tsquery words.
     */
    @Transactional
    public QuotePage search(String speaker, String q, QuoteType type, Integer limit, String cursor) {
        int size = Cursors.checkLimit(limit);
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        if (speaker != null && !speaker.isBlank()) {
            String key = Names.key(speaker);
            if (key.isEmpty()) {
                throw ProblemException.badRequest("speaker must contain a letter or digit");
            }
            // The entities known by that name, alias or surname first, so that the planner can
            // use the speaker indexes (or the date index, for a prolific speaker) for the page.
            List<Long> speakers = new ArrayList<>();
            for (Object id : em.createNativeQuery("SELECT DISTINCT entity_id FROM aliases WHERE norm = :speaker")
                    .setParameter("speaker", key).getResultList()) {
                speakers.add(Rows.toLong(id));
            }
            if (speakers.isEmpty()) {
                where.add("q.speaker_entity_id IS NULL AND q.speaker_norm = :speaker");
            } else {
                where.add("""
                        (q.speaker_entity_id IN (:speakers)
                         OR (q.speaker_entity_id IS NULL AND q.speaker_norm = :speaker))""");
                params.put("speakers", speakers);
            }
            params.put("speaker", key);
        }
        if (q != null && !q.isBlank()) {
            where.add("q.search @@ websearch_to_tsquery('english', :q)");
            params.put("q", q);
        }
        if (type != null) {
            where.add("q.type = :type");
            params.put("type", type.toString());
        }
        if (cursor != null && !cursor.isBlank()) {
            Cursors.Position after = Cursors.decode(Cursors.QUOTES, cursor);
            where.add("(q.sort_at, q.id) < (:afterTime, :afterId)");
            params.put("afterTime", after.keyAsTime());
            params.put("afterId", after.id());
        }
        List<Row> rows = list(where, params, "q.sort_at DESC, q.id DESC", size + 1);
        QuotePage page = new QuotePage().items(new ArrayList<>());
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            page.addItemsItem(rows.get(i).hit());
        }
        if (rows.size() > size) {
            Row last = rows.get(size - 1);
            page.nextCursor(Cursors.encode(Cursors.QUOTES, last.sortAt(), last.hit().getId()));
        }
        return page;
    }

    /** The newest {@code limit} quotes attributed to an entity. */
    public List<QuoteHit> bySpeaker(long entityId, int limit) {
        return hits(list(List.of("q.speaker_entity_id = :entity"), Map.of("entity", entityId),
                "q.sort_at DESC, q.id DESC", limit));
    }

    /** All quotes of a document, in text order. */
    public List<QuoteHit> byDocument(UUID documentId) {
        return hits(list(List.of("q.document_id = :doc"), Map.of("doc", documentId),
                "q.start_offset, q.id", Integer.MAX_VALUE));
    }

    private List<Row> list(List<String> where, Map<String, Object> params, String order, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (!where.isEmpty()) {
            sql.append("WHERE ").append(String.join("\n  AND ", where)).append('\n');
        }
        sql.append("ORDER BY ").append(order);
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        if (limit != Integer.MAX_VALUE) {
            query.setMaxResults(limit);
        }
        List<Row> rows = new ArrayList<>();
        for (Object o : query.getResultList()) {
            rows.add(row((Object[]) o));
        }
        return rows;
    }

    private static List<QuoteHit> hits(List<Row> rows) {
        List<QuoteHit> hits = new ArrayList<>(rows.size());
        rows.forEach(r -> hits.add(r.hit()));
        return hits;
    }

    private static Row row(Object[] c) {
        QuoteHit hit = new QuoteHit()
                .id(Rows.toLong(c[0]))
                .text(Rows.toStr(c[1]))
                .type(QuoteType.fromValue(Rows.toStr(c[2])))
                .start(Rows.toInt(c[3]))
                .end(Rows.toInt(c[4]))
                .cue(Rows.toStr(c[7]))
                .document(new DocumentRef()
                        .id(Rows.toUuid(c[8]))
                        .title(Rows.toStr(c[9]))
                        .source(Rows.toStr(c[10]))
                        .url(Rows.toStr(c[11]))
                        .publishedAt(Rows.toTime(c[12])));
        if (c[6] != null) {
            hit.speaker(new SpeakerRef().entityId(Rows.toLong(c[5])).name(Rows.toStr(c[6])));
        }
        return new Row(hit, Rows.toTime(c[13]));
    }

    private record Row(QuoteHit hit, OffsetDateTime sortAt) {
    }
}
