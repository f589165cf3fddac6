package io.quotewire.query.read;

import io.quotewire.query.sql.Rows;
import io.quotewire.query.sql.SqlWhere;
import io.quotewire.query.sql.Times;

import io.quotewire.web.ProblemException;

import io.quotewire.query.api.model.DocumentHit;
import io.quotewire.query.api.model.DocumentPage;
import io.quotewire.query.api.model.DocumentRef;
import io.quotewire.query.api.model.DocumentView;
import io.quotewire.query.domain.DocumentRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Article search (full text with highlights, or newest first), filters, and the article view. */
@ApplicationScoped
public class DocumentQueries {

    /** ts_headline options: up to two passages of the text around the matches. */
    private static final String HEADLINE_OPTIONS =
            "MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=\" … \", StartSel=<b>, StopSel=</b>";

    /** Newest published first (unknown dates last), then id. */
    static final Comparator<DocumentRef> NEWEST_FIRST = Comparator
            .comparing(DocumentRef::getPublishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DocumentRef::getId);

    /** Most family members listed with an article. */
    private static final int FAMILY_LIMIT = 100;

    @Inject
    EntityManager em;

    /** Ranked searches rank the newest this many matches (after the filters). */
    @ConfigProperty(name = "quotewire.query.rank-window", defaultValue = "1000")
    int rankWindow;

    @Inject
    EntityQueries entities;

    @Inject
    QuoteQueries quotes;

    @Inject
    NewestMatches newestMatches;

    /**
     * {@code GET /api/v1/documents}. With q: documents matching {@code websearch_to_tsquery('english', q)}
     * over title (weight A) and text (weight B); the newest {@link #rankWindow} matches (after the
     * filters) are ranked by {@code ts_rank_cd}, best first (newest first among equals), each with
     * a {@code ts_headline} passage; {@code total} on the first page: the matches in that window
     * (exact below {@link #rankWindow}, counted by the same query). Without q: newest first. Keyset pages.
     */
    @Transactional
    public DocumentPage search(String q, Long entity, String source, OffsetDateTime from, OffsetDateTime to,
                               Integer limit, String cursor) {
        int size = Cursors.checkLimit(limit);
        boolean ranked = !QuoteQueries.blank(q);
        SqlWhere where = where(q, entity, source, from, to);
        DocumentPage page = new DocumentPage().items(new ArrayList<>());
        boolean firstPage = cursor == null || cursor.isBlank();
        SqlWhere after = new SqlWhere();
        if (!firstPage) {
            Cursors.DocPosition position = Cursors.decodeDoc(ranked ? Cursors.DOCUMENTS_BY_RANK : Cursors.DOCUMENTS, cursor);
            if (ranked) {
                after.and("(w.rank, w.sort_at, w.id) < (CAST(:afterRank AS real), :afterTime, :afterId)")
                        .param("afterRank", position.rank());
                after.param("afterTime", position.time()).param("afterId", position.id());
            } else {
                // Newest first: the keyset bounds the window itself (an index range).
                where.and("(d.sort_at, d.id) < (:afterTime, :afterId)")
                        .param("afterTime", position.time()).param("afterId", position.id());
            }
        }
        // The window: the newest matches (an index range for the sort, the GIN index for q; with
        // only q and dates, NewestMatches reads them day range by day range); ranks over the
        // window; headlines (the costly part) only for the rows of the page.
        String window = "SELECT d.id FROM documents d\n" + where.sql() + "ORDER BY d.sort_at DESC, d.id DESC LIMIT :window";
        if (ranked && entity == null && QuoteQueries.blank(source)) {
            window = "SELECT unnest(CAST(:windowIds AS uuid[])) AS id";
            where = new SqlWhere().param("q", q)
                    .param("windowIds", Rows.pgArray(newestMatches.documents(q, from, to, rankWindow)));
        } else {
            where.param("window", ranked ? rankWindow : size + 1);
        }
        String rank = ranked ? "ts_rank_cd(d.search, websearch_to_tsquery('english', :q))" : "CAST(0 AS real)";
        String headline = ranked ? "ts_headline('english', d.text, websearch_to_tsquery('english', :q), '"
                + HEADLINE_OPTIONS + "')" : "NULL";
        Query query = em.createNativeQuery("""
                SELECT p.id, p.title, p.source, p.url, p.published_at, p.family_id, p.rank, p.sort_at, %s, p.matched
                FROM (SELECT w.* FROM (
                          SELECT d.id, d.title, d.source, d.url, d.published_at, d.family_id, d.sort_at, %s AS rank,
                                 count(*) OVER () AS matched
                          FROM (%s) n
                          JOIN documents d ON d.id = n.id) w
                      %s
                      ORDER BY w.rank DESC, w.sort_at DESC, w.id DESC
                      LIMIT :limit) p
                JOIN documents d ON d.id = p.id
                ORDER BY p.rank DESC, p.sort_at DESC, p.id DESC""".formatted(headline, rank, window, after.sql()));
        where.bind(query);
        after.bind(query);
        query.setParameter("limit", size + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (ranked && firstPage) {
            // Counting every match of a common word would cost more than the search itself: the
            // total is the window's count, exact while the window is not full.
            long matched = rows.isEmpty() ? 0 : Rows.toLong(rows.get(0)[9]);
            page.total(matched).totalExact(matched < rankWindow);
        }
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            Object[] c = rows.get(i);
            page.addItemsItem(new DocumentHit().document(DocumentRefs.ref(c)).rank(Rows.toDouble(c[6])).headline(Rows.toStr(c[8])));
        }
        if (rows.size() > size) {
            Object[] last = rows.get(size - 1);
            page.nextCursor(Cursors.encodeDoc(ranked ? Cursors.DOCUMENTS_BY_RANK : Cursors.DOCUMENTS,
                    ((Number) last[6]).floatValue(), Rows.toTime(last[7]), Rows.toUuid(last[0])));
        }
        return page;
    }

    /** The conditions of an article listing (also used by the export). */
    SqlWhere where(String q, Long entity, String source, OffsetDateTime from, OffsetDateTime to) {
        SqlWhere where = new SqlWhere();
        if (!QuoteQueries.blank(q)) {
            where.and("d.search @@ websearch_to_tsquery('english', :q)", "q", q);
        }
        if (entity != null) {
            where.and("d.id IN (SELECT m.document_id FROM mentions m WHERE m.entity_id = :entity)",
                    "entity", quotes.canonical(entity));
        }
        if (!QuoteQueries.blank(source)) {
            where.and("lower(d.source) = lower(:source)", "source", source.strip());
        }
        Times.range(where, "d.sort_at", from, to);
        return where;
    }

    /** {@code GET /api/v1/documents/{id}}: the article with its entities (in order of first mention), quotes and family. */
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
        @SuppressWarnings("unchecked")
        List<Object[]> family = em.createNativeQuery("""
                SELECT d.id, d.title, d.source, d.url, d.published_at, d.family_id FROM documents d
                WHERE d.family_id = :family AND d.id <> :id
                ORDER BY d.sort_at, d.id""")
                .setParameter("family", d.familyId).setParameter("id", id).setMaxResults(FAMILY_LIMIT).getResultList();
        List<DocumentRef> members = new ArrayList<>();
        family.forEach(c -> members.add(DocumentRefs.ref(c)));
        return new DocumentView()
                .document(new DocumentRef().id(d.id).title(d.title).source(d.source).url(d.url)
                        .publishedAt(Rows.toTime(d.publishedAt)).familyId(d.familyId))
                .text(d.text)
                .entities(entities.summaries(entityIds))
                .quotes(quotes.byDocument(id))
                .family(members);
    }
}
