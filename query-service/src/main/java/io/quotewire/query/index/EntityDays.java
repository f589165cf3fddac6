package io.quotewire.query.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code entity_days} table behind profile timelines: articles naming an entity, its mentions
 * and the quotes it is the speaker of, per entity and UTC day. An index push adds one document's
 * share ({@link Share}) and, when it replaces the document, takes the old share away; corrections
 * recompute the rows of the entities they touch from mentions and quotes.
 */
public final class EntityDays {

    private EntityDays() {
    }

    /** One document's mentions and quotes of one entity (all on the document's day). */
    static final class Share {
        long mentions;
        long quotes;
    }

    /**
     * Applies a document's new share (on {@code newDay}) minus its old one (on {@code oldDay}, none
     * for a new document). Run it after the entity rows are locked (as the counters do), so that
     * pushes touching the same entities update these rows one after the other; rows are written in
     * (entity, day) order.
     */
    static void apply(EntityManager em, ObjectMapper json, Map<Long, Share> before, LocalDate oldDay,
                      Map<Long, Share> after, LocalDate newDay) {
        Map<String, long[]> delta = new TreeMap<>(); // "entity|day" -> articles, mentions, quotes
        add(delta, before, oldDay, -1);
        add(delta, after, newDay, 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        delta.forEach((key, d) -> {
            if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
                String[] k = key.split("\\|");
                rows.add(Map.of("id", Long.parseLong(k[0]), "day", k[1], "a", d[0], "m", d[1], "q", d[2]));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        String changes;
        try {
            changes = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                INSERT INTO entity_days AS t (entity_id, day, articles, mentions, quotes)
                SELECT c.id, c.day, c.a, c.m, c.q
                FROM jsonb_to_recordset(CAST(:changes AS jsonb)) AS c(id bigint, day date, a int, m int, q int)
                ORDER BY c.id, c.day
                ON CONFLICT (entity_id, day) DO UPDATE SET articles = t.articles + excluded.articles,
                                                           mentions = t.mentions + excluded.mentions,
                                                           quotes = t.quotes + excluded.quotes""")
                .setParameter("changes", changes).executeUpdate();
        em.createNativeQuery("""
                DELETE FROM entity_days t USING jsonb_to_recordset(CAST(:changes AS jsonb)) AS c(id bigint, day date)
                WHERE t.entity_id = c.id AND t.day = c.day AND t.articles = 0 AND t.mentions = 0 AND t.quotes = 0""")
                .setParameter("changes", changes).executeUpdate();
    }

    private static void add(Map<String, long[]> delta, Map<Long, Share> shares, LocalDate day, int sign) {
        if (day == null) {
            return;
        }
        shares.forEach((entity, s) -> {
            long[] d = delta.computeIfAbsent(entity + "|" + day, k -> new long[3]);
            d[0] += sign * (s.mentions > 0 ? 1 : 0);
            d[1] += sign * s.mentions;
            d[2] += sign * s.quotes;
        });
    }

    /**
     * The rows of {@code entity_days} computed from mentions and quotes (what the kept rows must
     * equal): of the entities {@code :ids} only, or of all.
     */
    public static String fromRows(boolean onlyIds) {
        String mentionsOf = onlyIds ? " WHERE entity_id IN (:ids)" : "";
        String quotesOf = onlyIds ? " AND speaker_entity_id IN (:ids)" : "";
        return """
                SELECT entity_id, day, sum(articles), sum(mentions), sum(quotes) FROM (
                    SELECT entity_id, (sort_at AT TIME ZONE 'UTC')::date AS day, count(DISTINCT document_id) AS articles,
                           count(*) AS mentions, 0 AS quotes
                    FROM mentions%s GROUP BY 1, 2
                    UNION ALL
                    SELECT speaker_entity_id, (sort_at AT TIME ZONE 'UTC')::date, 0, 0, count(*)
                    FROM quotes WHERE speaker_entity_id IS NOT NULL%s GROUP BY 1, 2) x
                GROUP BY entity_id, day""".formatted(mentionsOf, quotesOf);
    }

    /** Recomputes the rows of {@code entities} from their mentions and quotes (after a correction). */
    static void recompute(EntityManager em, Collection<Long> entities) {
        if (entities.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(entities);
        em.createNativeQuery("DELETE FROM entity_days WHERE entity_id IN (:ids)").setParameter("ids", ids).executeUpdate();
        em.createNativeQuery("INSERT INTO entity_days (entity_id, day, articles, mentions, quotes)\n" + fromRows(true)
                + "\nORDER BY entity_id, day").setParameter("ids", ids).executeUpdate();
    }
}
