package io.quotewire.query.index;

import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The {@code entity_documents} table behind profile co-occurrence and newest articles: one row
 * per entity and article naming or quoting it, with the other entities the article names or
 * quotes. Its rows are a function of the article's mentions and quotes, so they are rewritten per
 * article whenever those change: when it is indexed or replaced ({@link IndexService}) and when a
 * correction moves mentions or quotes between entities ({@link EntityCorrections}).
 */
public final class EntityDocuments {

    private EntityDocuments() {
    }

    /**
     * The rows computed from mentions and quotes (what the kept rows must equal): of the documents
     * {@code :docs} only, or of all.
     */
    public static String fromRows(boolean onlyDocs) {
        String mentionsOf = onlyDocs ? " WHERE document_id IN (:docs)" : "";
        String quotesOf = onlyDocs ? " AND document_id IN (:docs)" : "";
        return """
                WITH e AS (SELECT entity_id, document_id, max(sort_at) AS sort_at FROM (
                               SELECT entity_id, document_id, sort_at FROM mentions%s
                               UNION ALL
                               SELECT speaker_entity_id, document_id, sort_at FROM quotes
                               WHERE speaker_entity_id IS NOT NULL%s) x
                           GROUP BY entity_id, document_id)
                SELECT a.entity_id, a.document_id, a.sort_at,
                       coalesce(array_agg(b.entity_id ORDER BY b.entity_id) FILTER (WHERE b.entity_id IS NOT NULL), '{}')
                FROM e a LEFT JOIN e b ON b.document_id = a.document_id AND b.entity_id <> a.entity_id
                GROUP BY a.entity_id, a.document_id, a.sort_at""".formatted(mentionsOf, quotesOf);
    }

    /** Rewrites the rows of {@code docs} from their mentions and quotes (run after those are written). */
    static void recompute(EntityManager em, Collection<UUID> docs) {
        if (docs.isEmpty()) {
            return;
        }
        List<UUID> list = new ArrayList<>(docs);
        em.createNativeQuery("DELETE FROM entity_documents WHERE document_id IN (:docs)").setParameter("docs", list)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO entity_documents (entity_id, document_id, sort_at, co_entity_ids)\n"
                + fromRows(true) + "\nORDER BY 1, 2").setParameter("docs", list).executeUpdate();
    }
}
