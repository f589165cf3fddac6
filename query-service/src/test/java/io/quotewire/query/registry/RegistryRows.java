package io.quotewire.query.registry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.Span;
import io.quotewire.query.names.RegistryModel;
import io.quotewire.query.index.IndexService;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry as the database holds it, read for comparison (tests only). */
final class RegistryRows {

    private RegistryRows() {
    }

    /** Empties the read model (every table), so that a run of pushes starts from nothing. */
    static void truncate(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                TRUNCATE documents, entities, aliases, titles, mentions, quotes, quote_clusters, quote_subjects,
                         entity_corrections, entity_days, entity_documents CASCADE""").executeUpdate());
    }

    /** Pushes the articles in this order through the index service. */
    static void push(IndexService index, List<Extracted.Article> articles) {
        for (Extracted.Article a : articles) {
            index.index(a.id(), a.doc());
        }
    }

    /**
     * The registry, independent of row ids: every mention and quote speaker with the key and name
     * of the entity it is on, and every entity in use with its key, name, counts, aliases and titles.
     */
    @SuppressWarnings("unchecked")
    static List<String> snapshot(EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> out = new ArrayList<>();
            for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                    SELECT 'M ' || m.document_id || ' ' || m.start_offset || ' ' || e.type || ':' || coalesce(e.match_key, e.name)
                           || ' ' || e.name || CASE WHEN e.merged_into IS NULL THEN '' ELSE ' MERGED!' END, 0
                    FROM mentions m JOIN entities e ON e.id = m.entity_id
                    UNION ALL
                    SELECT 'Q ' || q.document_id || ' ' || q.start_offset || ' ' || coalesce(e.match_key, '-'), 0
                    FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id
                    UNION ALL
                    SELECT 'E ' || e.type || ':' || e.match_key || ' ' || e.name || ' a' || e.article_count || ' m'
                           || e.mention_count || ' q' || e.quote_count
                           || ' [' || coalesce((SELECT string_agg(a.kind || ':' || a.norm, ',' ORDER BY a.kind, a.norm)
                                                FROM aliases a WHERE a.entity_id = e.id), '') || ']'
                           || ' [' || coalesce((SELECT string_agg(t.norm, ',' ORDER BY t.norm) FROM titles t
                                                WHERE t.entity_id = e.id), '') || ']', 0
                    FROM entities e WHERE e.merged_into IS NULL AND (e.mention_count > 0 OR e.quote_count > 0)""").getResultList()) {
                out.add((String) r[0]);
            }
            out.sort(null);
            return out;
        });
    }

    /**
     * Which entity (its type and key) each article entity's first mention is on, in the shape of
     * {@link RegistryModel#assignment()}.
     */
    @SuppressWarnings("unchecked")
    static Map<RegistryModel.Member, String> assignment(EntityManager em, List<Extracted.Article> articles) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> byMention = new HashMap<>();
            for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                    SELECT m.document_id || ' ' || m.start_offset, e.type || ':' || e.match_key
                    FROM mentions m JOIN entities e ON e.id = m.entity_id""").getResultList()) {
                byMention.put((String) r[0], (String) r[1]);
            }
            Map<RegistryModel.Member, String> out = new TreeMap<>();
            for (Extracted.Article a : articles) {
                for (Entity e : a.doc().getExtraction().getEntities()) {
                    Span first = e.getMentions().get(0);
                    out.put(new RegistryModel.Member(a.label(), e.getId()), byMention.get(a.id() + " " + first.getStart()));
                }
            }
            return out;
        });
    }

    /** Entities whose mention, quote or article counters differ from their rows (none, if all is well). */
    static List<?> countersOff(EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT e.id FROM entities e
                WHERE e.mention_count <> (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)
                   OR e.quote_count <> (SELECT count(*) FROM quotes q WHERE q.speaker_entity_id = e.id)
                   OR e.article_count <> (SELECT count(*) FROM (SELECT document_id FROM mentions WHERE entity_id = e.id
                                          UNION SELECT document_id FROM quotes WHERE speaker_entity_id = e.id) x)""")
                .getResultList());
    }

    /** Indexes the articles into the in-memory model, in this order. */
    static Map<RegistryModel.Member, String> model(List<Extracted.Article> articles) {
        RegistryModel model = new RegistryModel();
        for (Extracted.Article a : articles) {
            List<String[]> entities = new ArrayList<>();
            for (Entity e : a.doc().getExtraction().getEntities()) {
                entities.add(new String[] {e.getId(), e.getType().toString(), e.getName()});
            }
            model.add(a.label(), a.id().toString(), entities);
        }
        return model.assignment();
    }
}
