package io.quotewire.query.read;

import io.quotewire.query.index.QuoteClusterer;
import io.quotewire.query.sql.Rows;
import io.quotewire.query.sql.SqlWhere;

import io.quotewire.web.ProblemException;

import io.quotewire.query.api.model.QuoteCluster;
import io.quotewire.query.api.model.QuoteClusterPage;
import io.quotewire.query.api.model.QuoteClusterView;
import io.quotewire.query.api.model.QuoteHit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Quote clusters: the same quote carried by several articles ({@link QuoteClusterer}). */
@ApplicationScoped
public class QuoteClusters {

    private static final String COLUMNS = "c.id, c.occurrences, c.documents, c.families, c.first_quote_id, c.first_at, c.last_at";

    @Inject
    EntityManager em;

    @Inject
    QuoteQueries quotes;

    /** {@code GET /api/v1/quote-clusters}: most occurrences first, then id (descending); keyset pages. */
    @Transactional
    public QuoteClusterPage search(String q, Integer minOccurrences, Integer limit, String cursor) {
        int size = Cursors.checkLimit(limit);
        int min = minOccurrences == null ? 2 : minOccurrences;
        if (min < 1) {
            throw ProblemException.badRequest("minOccurrences must be at least 1, was " + min);
        }
        SqlWhere where = new SqlWhere().and("c.occurrences >= :min", "min", min);
        if (!QuoteQueries.blank(q)) {
            where.and("""
                    EXISTS (SELECT 1 FROM quotes x WHERE x.cluster_id = c.id
                            AND x.search @@ websearch_to_tsquery('english', :q))""", "q", q);
        }
        if (cursor != null && !cursor.isBlank()) {
            Cursors.Position after = Cursors.decode(Cursors.CLUSTERS, cursor);
            where.and("(c.occurrences, c.id) < (:afterCount, :afterId)")
                    .param("afterCount", (int) after.key()).param("afterId", after.id());
        }
        Query query = em.createNativeQuery("SELECT " + COLUMNS + " FROM quote_clusters c\n" + where.sql()
                + "ORDER BY c.occurrences DESC, c.id DESC").setMaxResults(size + 1);
        where.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<QuoteCluster> clusters = clusters(rows.subList(0, Math.min(size, rows.size())));
        QuoteClusterPage page = new QuoteClusterPage().items(clusters);
        if (rows.size() > size) {
            QuoteCluster last = clusters.get(size - 1);
            page.nextCursor(Cursors.encode(Cursors.CLUSTERS, last.getOccurrences(), last.getId()));
        }
        return page;
    }

    /** {@code GET /api/v1/quote-clusters/{id}}: the cluster and its occurrences, first seen first. */
    @Transactional
    public QuoteClusterView get(long id, Integer limit, String cursor) {
        int size = Cursors.checkLimit(limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM quote_clusters c WHERE c.id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("no quote cluster " + id);
        }
        SqlWhere where = new SqlWhere().and("q.cluster_id = :cluster", "cluster", id);
        if (cursor != null && !cursor.isBlank()) {
            Cursors.Position after = Cursors.decode(Cursors.OCCURRENCES, cursor);
            where.and("(q.sort_at, q.id) > (:afterTime, :afterId)")
                    .param("afterTime", after.keyAsTime()).param("afterId", after.id());
        }
        List<QuoteHit> occurrences = quotes.list(where, "q.sort_at, q.id", size + 1);
        QuoteClusterView view = new QuoteClusterView().cluster(clusters(rows).get(0))
                .occurrences(new ArrayList<>(occurrences.subList(0, Math.min(size, occurrences.size()))));
        if (occurrences.size() > size) {
            QuoteHit last = occurrences.get(size - 1);
            Object sortAt = em.createNativeQuery("SELECT sort_at FROM quotes WHERE id = :id")
                    .setParameter("id", last.getId()).getSingleResult();
            view.nextCursor(Cursors.encode(Cursors.OCCURRENCES, Rows.toTime(sortAt), last.getId()));
        }
        return view;
    }

    /** Clusters of {@link #COLUMNS} rows, each with its first occurrence. */
    private List<QuoteCluster> clusters(List<Object[]> rows) {
        List<Long> firstIds = new ArrayList<>();
        rows.forEach(c -> firstIds.add(Rows.toLong(c[4])));
        Map<Long, QuoteHit> first = new HashMap<>();
        quotes.byIds(firstIds).forEach(hit -> first.put(hit.getId(), hit));
        List<QuoteCluster> clusters = new ArrayList<>();
        for (Object[] c : rows) {
            QuoteHit hit = first.get(Rows.toLong(c[4]));
            clusters.add(new QuoteCluster().id(Rows.toLong(c[0])).occurrences(Rows.toInt(c[1]))
                    .documents(Rows.toInt(c[2])).families(Rows.toInt(c[3]))
                    .firstSeen(Rows.toTime(c[5])).lastSeen(Rows.toTime(c[6]))
                    .text(hit == null ? null : hit.getText()).first(hit));
        }
        return clusters;
    }
}
