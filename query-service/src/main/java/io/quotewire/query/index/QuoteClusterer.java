package io.quotewire.query.index;

import io.quotewire.query.sql.Rows;

import io.quotewire.query.domain.QuoteRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Puts each new quote in the cluster of the same quote seen in other articles ({@link QuoteKeys}),
 * or a new cluster, and keeps {@code quote_clusters} (occurrences, documents, families, first and
 * last seen) up to date. Callers hold the index push's advisory locks (which include each quote's
 * head key, so two pushes of the same quote do not both start a cluster).
 */
@ApplicationScoped
public class QuoteClusterer {

    /** Most candidate (cluster, text) pairs read for one document. */
    private static final int MAX_CANDIDATES = 2000;

    /**
     * Entities each quote of the documents {@code :docs} is about: named inside the quote (inside one
     * of its parts: the attribution between the parts of an interrupted quotation is not quoted), or
     * in its sentence (the speaker's own name outside the quote does not count); with the quote's
     * speaker, so "who speaks about it" reads this table's index alone.
     */
    static final String SUBJECTS_OF_DOCUMENTS = """
            INSERT INTO quote_subjects (quote_id, entity_id, sort_at, speaker_entity_id)
            SELECT DISTINCT q.id, m.entity_id, q.sort_at, q.speaker_entity_id
            FROM quotes q JOIN mentions m ON m.document_id = q.document_id
            WHERE q.document_id IN (:docs)
              AND m.start_offset >= q.sentence_start AND m.end_offset <= q.sentence_end
              AND (m.entity_id IS DISTINCT FROM q.speaker_entity_id
                   OR EXISTS (SELECT 1 FROM unnest(q.part_starts, q.part_ends) AS p(s, e)
                              WHERE m.start_offset >= p.s AND m.end_offset <= p.e))
            ON CONFLICT DO NOTHING""";

    @Inject
    EntityManager em;

    /** Sets {@code clusterId} of every quote (not yet persisted); returns the cluster ids used. */
    Set<Long> assign(UUID documentId, List<QuoteRecord> quotes) {
        Set<Long> used = new TreeSet<>();
        if (quotes.isEmpty()) {
            return used;
        }
        Set<Long> textKeys = new TreeSet<>();
        Set<Long> headKeys = new TreeSet<>();
        for (QuoteRecord q : quotes) {
            QuoteKeys.Lookup lookup = QuoteKeys.lookup(q.normText);
            textKeys.addAll(lookup.textKeys());
            headKeys.addAll(lookup.headKeys());
        }
        // two index scans with array keys (an OR of both would scan every quote)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT cluster_id, text, norm_text FROM (
                    SELECT q.cluster_id, q.text, q.norm_text FROM quotes q
                    WHERE q.text_key = ANY (CAST(:texts AS bigint[])) AND q.document_id <> :doc
                    UNION
                    SELECT q.cluster_id, q.text, q.norm_text FROM quotes q
                    WHERE q.head_key = ANY (CAST(:heads AS bigint[])) AND q.document_id <> :doc) c
                ORDER BY cluster_id""")
                .setParameter("doc", documentId).setParameter("texts", Rows.pgArray(textKeys))
                .setParameter("heads", Rows.pgArray(headKeys)).setMaxResults(MAX_CANDIDATES).getResultList();
        List<Candidate> candidates = new ArrayList<>();
        for (Object[] r : rows) {
            candidates.add(new Candidate(Rows.toLong(r[0]), QuoteKeys.Shape.of(Rows.toStr(r[1]), Rows.toStr(r[2]))));
        }
        List<Long> fresh = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT nextval('quote_clusters_id_seq') FROM generate_series(1, :n)")
                .setParameter("n", quotes.size()).getResultList()) {
            fresh.add(Rows.toLong(id));
        }
        int next = 0;
        for (QuoteRecord q : quotes) {
            Long cluster = null;
            QuoteKeys.Shape shape = QuoteKeys.Shape.of(q.text, q.normText);
            for (Candidate c : candidates) {
                if ((cluster == null || c.cluster < cluster) && shape.sameQuote(c.shape)) {
                    cluster = c.cluster;
                }
            }
            if (cluster == null) {
                cluster = fresh.get(next++);
            }
            q.clusterId = cluster;
            used.add(cluster);
            // Later quotes of the same document may repeat this one.
            candidates.add(new Candidate(cluster, shape));
        }
        return used;
    }

    /** Recomputes the rows of {@code clusters} from their quotes (deleting emptied clusters). */
    void refresh(Collection<Long> clusters) {
        if (clusters.isEmpty()) {
            return;
        }
        Set<Long> locks = new TreeSet<>();
        clusters.forEach(c -> locks.add(IndexService.lockId("cluster:" + c)));
        IndexService.lockAll(em, locks);
        List<Long> ids = new ArrayList<>(clusters);
        em.createNativeQuery("""
                INSERT INTO quote_clusters (id, occurrences, documents, families, first_quote_id, first_at, last_at)
                SELECT cluster_id, count(*), count(DISTINCT document_id), count(DISTINCT family_id),
                       (array_agg(id ORDER BY sort_at, id))[1], min(sort_at), max(sort_at)
                FROM quotes WHERE cluster_id IN (:ids) GROUP BY cluster_id
                ON CONFLICT (id) DO UPDATE SET occurrences = EXCLUDED.occurrences, documents = EXCLUDED.documents,
                    families = EXCLUDED.families, first_quote_id = EXCLUDED.first_quote_id,
                    first_at = EXCLUDED.first_at, last_at = EXCLUDED.last_at""")
                .setParameter("ids", ids).executeUpdate();
        em.createNativeQuery("""
                DELETE FROM quote_clusters c
                WHERE c.id IN (:ids) AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.cluster_id = c.id)""")
                .setParameter("ids", ids).executeUpdate();
    }

    private record Candidate(long cluster, QuoteKeys.Shape shape) {
    }
}
