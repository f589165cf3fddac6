package io.quotewire.query.service;

import io.quotewire.query.api.model.DocumentHit;
import io.quotewire.query.api.model.DocumentPage;
import io.quotewire.query.api.model.DocumentRef;
import io.quotewire.query.api.model.DocumentView;
import io.quotewire.query.domain.DocumentRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Full-text search over articles and the article view. */
@ApplicationScoped
public class DocumentQueries {

    /** ts_headline options: up to two passages of the text around the matches. */
    private static final String HEADLINE_OPTIONS =
            "MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=\" … \", StartSel=<b>, StopSel=</b>";

    @Inject
    EntityManager em;

    @Inject
    EntityQueries entities;

    @Inject
    QuoteQueries quotes;

    /**
     * {@code GET /api/v1/documents}: documents matching {@code websearch_to_tsquery('english', q)}
     * over title (weight A) and text (weight B), best {@code ts_rank_cd} first (newest first among
     * equals), each with a {@code ts_headline} snippet; {@code total} counts all matches.
     */
    @Transactional
    public DocumentPage search(String q, Integer limit, Integer offset) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q is required");
        }
        int size = Cursors.checkLimit(limit);
        int skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw ProblemException.badRequest("offset must not be negative, was " + skip);
        }
        long total = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM documents d WHERE d.search @@ websearch_to_tsquery('english', :q)")
                .setParameter("q", q).getSingleResult()).longValue();
        DocumentPage page = new DocumentPage().items(new ArrayList<>()).total(total);
        if (total == 0 || skip >= total) {
            return page;
        }
        // Ranks and pages first; headlines (the costly part) only for the rows of the page.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, p.title, p.source, p.url, p.published_at, p.rank,
                       ts_headline('english', d.text, p.query, '%s')
                FROM (SELECT d.id, d.title, d.source, d.url, d.published_at, d.sort_at, tsq AS query,
                             ts_rank_cd(d.search, tsq) AS rank
                      FROM documents d, websearch_to_tsquery('english', :q) tsq
                      WHERE d.search @@ tsq
                      ORDER BY rank DESC, d.sort_at DESC, d.id
                      LIMIT :limit OFFSET :offset) p
                JOIN documents d ON d.id = p.id
                ORDER BY p.rank DESC, p.sort_at DESC, p.id""".formatted(HEADLINE_OPTIONS))
                .setParameter("q", q).setParameter("limit", size).setParameter("offset", skip)
                .getResultList();
        for (Object[] c : rows) {
            page.addItemsItem(new DocumentHit()
                    .document(new DocumentRef().id(Rows.toUuid(c[0])).title(Rows.toStr(c[1]))
                            .source(Rows.toStr(c[2])).url(Rows.toStr(c[3])).publishedAt(Rows.toTime(c[4])))
                    .rank(Rows.toDouble(c[5]))
                    .headline(Rows.toStr(c[6])));
        }
        return page;
    }

    /** {@code GET /api/v1/documents/{id}}: the article with its entities (in order of first mention) and quotes. */
    @Transactional
    public DocumentView view(UUID id) {
        DocumentRecord d = DocumentRecord.findById(id);
        if (d == null) {
            throw ProblemException.notFound("document " + id + " is not indexed");
        }
        List<?> rows = em.createNativeQuery("""
                SELECT entity_id FROM (
                    SELECT m.entity_id, min(m.start_offset) AS first FROM mentions m
                    WHERE m.document_id = :id GROUP BY m.entity_id
                    UNION ALL
                    SELECT q.speaker_entity_id, min(q.start_offset) FROM quotes q
                    WHERE q.document_id = :id AND q.speaker_entity_id IS NOT NULL GROUP BY q.speaker_entity_id) x
                GROUP BY entity_id
                ORDER BY min(first), entity_id""")
                .setParameter("id", id).getResultList();
        List<Long> entityIds = new ArrayList<>();
        rows.forEach(r -> entityIds.add(Rows.toLong(r)));
        return new DocumentView()
                .document(new DocumentRef().id(d.id).title(d.title).source(d.source).url(d.url)
                        .publishedAt(Rows.toTime(d.publishedAt)))
                .text(d.text)
                .entities(entities.summaries(entityIds))
                .quotes(quotes.byDocument(id));
    }
}
