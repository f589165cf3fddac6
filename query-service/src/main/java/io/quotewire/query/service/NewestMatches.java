package io.quotewire.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * costs the rows of the days it covers, not the whole corpus. The first range is one day; the
 * next is sized from the matches per day seen so far (with a margin of a quarter), at least the
 * days covered so far (four times them while fewer than 20 matches are found: too few to
 * estimate from). When the next range would hold more than {@code quotewire.query.range-rows}
 * rows (from the table's row count and date span), the matches are sparse and the rest is one
 * look-up of everything older: a sparse query has few matches to read.
 */
@ApplicationScoped
public class NewestMatches {

    /** Matches needed before the matches per day are estimated from them. */
    private static final int ESTIMATE_MIN = 20;

    /** The UTC day of a row, as the (day, search) GIN indexes of migration V6 spell it. */
    private static final String DAY = "CAST(t.sort_at AT TIME ZONE 'UTC' AS date)";

    @Inject
    EntityManager em;

    /** Most rows (of any words) one day range may cover; beyond, the rest is read in one look-up. */
    @ConfigProperty(name = "quotewire.query.range-rows", defaultValue = "250000")
    long rangeRows;

    /**
     * Ids of the newest {@code window} rows of {@code table} ({@code documents} or {@code quotes})
     * matching {@code websearch_to_tsquery('english', q)} with from ≤ sort_at < to (each when
     * given), newest (sort_at, id) first.
     */
    @Transactional
    public List<Object> ids(String table, String q, OffsetDateTime from, OffsetDateTime to, int window) {
        return ids(table, q, from, to, window, rangeRows);
    }

    /** {@link #ids(String, String, OffsetDateTime, OffsetDateTime, int)} with day ranges of at most about {@code rangeRows} rows. */
    @Transactional
    public List<Object> ids(String table, String q, OffsetDateTime from, OffsetDateTime to, int window, long rangeRows) {
        if (!"documents".equals(table) && !"quotes".equals(table)) {
            throw new IllegalArgumentException(table);
        }
        List<Object> ids = new ArrayList<>();
        Query extent = em.createNativeQuery("SELECT (SELECT max(t.sort_at) FROM " + table + " t WHERE true"
                + (from == null ? "" : " AND t.sort_at >= :from") + (to == null ? "" : " AND t.sort_at < :to")
                + "), (SELECT min(t.sort_at) FROM " + table + " t), (SELECT reltuples FROM pg_class WHERE oid = '"
                + table + "'::regclass)");
        bindRange(extent, from, to);
        Object[] e = (Object[]) extent.getSingleResult();
        if (e[0] == null) {
            return ids;
        }
        LocalDate upper = day(Rows.toTime(e[0]));
        LocalDate start = day(Rows.toTime(e[1]));
        LocalDate oldest = from != null && day(from).isAfter(start) ? day(from) : start;
        // Rows per day over the table's whole span (reltuples: the planner's row count, -1 before
        // the first ANALYZE: then one day is taken to hold them all, so the rest is read at once).
        double rows = ((Number) e[2]).doubleValue();
        long span = ChronoUnit.DAYS.between(start, upper) + 1;
        long maxDays = rows < 0 ? 1 : Math.max(1, (long) (rangeRows / Math.max(1.0, rows / span)));
        long covered = 0;
        long days = 1;
        while (ids.size() < window && !upper.isBefore(oldest)) {
            if (days > maxDays) {
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

    private static LocalDate day(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
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
