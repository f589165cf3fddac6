package io.quotewire.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest rows of {@code documents} or {@code quotes} matching a full-text query, for ranked
 * search (which ranks the newest {@code rank-window} matches).
 *
 * <p>A plain GIN index over {@code search} returns every match of a word in no time order, so
 * finding the newest 1,000 matches of a common word means reading all of them, and that grows
 * with the corpus. Both tables have a GIN index over (UTC day, search) (migration V6) instead: the
 * newest matches are read day range by day range, from the newest day back, and each look-up
 * costs the days it covers, not the whole corpus. The first range is one day; the next is sized
 * from the matches per day seen so far (with a margin of a quarter), at least the days covered so
 * far (four times them while fewer than 20 matches are found: too few to estimate from).
 * When the matches are so sparse that the rest would need more than {@link #MAX_RANGE_DAYS}, the
 * rest is one look-up of everything older (a sparse query has few matches to read).
 */
@ApplicationScoped
public class NewestMatches {

    /** Beyond this many days per range, the remaining matches are read in one look-up. */
    static final int MAX_RANGE_DAYS = 32;

    /** Matches needed before the matches per day are estimated from them. */
    private static final int ESTIMATE_MIN = 20;

    /** The UTC day of a row, as the (day, search) GIN indexes of migration V6 spell it. */
    private static final String DAY = "CAST(t.sort_at AT TIME ZONE 'UTC' AS date)";

    @Inject
    EntityManager em;

    /**
     * Ids of the newest {@code window} rows of {@code table} ({@code documents} or {@code quotes})
     * matching {@code websearch_to_tsquery('english', q)} with from ≤ sort_at < to (each when
     * given), newest (sort_at, id) first.
     */
    @Transactional
    public List<Object> ids(String table, String q, OffsetDateTime from, OffsetDateTime to, int window) {
        if (!"documents".equals(table) && !"quotes".equals(table)) {
            throw new IllegalArgumentException(table);
        }
        List<Object> ids = new ArrayList<>();
        OffsetDateTime newest = newest(table, from, to);
        if (newest == null) {
            return ids;
        }
        LocalDate first = from == null ? null : from.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate upper = newest.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        long covered = 0;
        long days = 1;
        while (ids.size() < window && (first == null || !upper.isBefore(first))) {
            if (days > MAX_RANGE_DAYS) {
                // Sparse matches: everything older than the days covered, in one look-up.
                ids.addAll(select(table, "t.sort_at < :before", upper.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        null, q, from, to, window - ids.size()));
                break;
            }
            LocalDate lower = upper.minusDays(days - 1);
            ids.addAll(select(table, DAY + " BETWEEN :lower AND :upper", lower, upper, q, from, to, window - ids.size()));
            covered += days;
            upper = lower.minusDays(1);
            if (ids.size() < ESTIMATE_MIN) {
                days = covered * 4; // too few matches yet to estimate how many a day brings
            } else {
                double perDay = (double) ids.size() / covered;
                days = Math.max(covered, (long) Math.ceil((window - ids.size()) / perDay * 1.25));
            }
        }
        return ids;
    }

    /** The newest sort_at in [from, to), or null. */
    private OffsetDateTime newest(String table, OffsetDateTime from, OffsetDateTime to) {
        Query query = em.createNativeQuery("SELECT max(t.sort_at) FROM " + table + " t WHERE true"
                + (from == null ? "" : " AND t.sort_at >= :from") + (to == null ? "" : " AND t.sort_at < :to"));
        bindRange(query, from, to);
        return Rows.toTime(query.getSingleResult());
    }

    /**
     * The newest {@code limit} matches within {@code range} (the day range, or everything before a
     * time). OFFSET 0 keeps the planner from walking the time index for the order: within a range,
     * the GIN index finds the matches and they are sorted afterwards.
     */
    private List<?> select(String table, String range, Object a, Object b, String q,
                           OffsetDateTime from, OffsetDateTime to, int limit) {
        Query query = em.createNativeQuery("SELECT x.id FROM (SELECT t.id, t.sort_at FROM " + table + " t WHERE " + range
                + " AND t.search @@ websearch_to_tsquery('english', :q)"
                + (from == null ? "" : " AND t.sort_at >= :from") + (to == null ? "" : " AND t.sort_at < :to")
                + " OFFSET 0) x ORDER BY x.sort_at DESC, x.id DESC LIMIT :limit");
        if (b == null) {
            query.setParameter("before", a);
        } else {
            query.setParameter("lower", a).setParameter("upper", b);
        }
        query.setParameter("q", q).setParameter("limit", limit);
        bindRange(query, from, to);
        return query.getResultList();
    }

    private static void bindRange(Query query, OffsetDateTime from, OffsetDateTime to) {
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
    }
}
