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
 * newest matches are read from the newest days, and a look-up costs the rows of the days it
 * covers, not the whole corpus. The first look-up covers the newest day; while it finds fewer
 * than the window, the next covers more days back, sized from the matches per day seen so far
 * (with a margin of a quarter), at least twice the days (four times while fewer than 20 matches
 * are found: too few to estimate from). When the days would hold more than
 * {@code quotewire.query.range-rows} rows (from the table's row count and date span), the matches
 * are sparse and all of them are read in one look-up: a sparse query has few matches to read.
 */
@ApplicationScoped
public class NewestMatches {

    /** Matches needed before the matches per day are estimated from them. */
    private static final int ESTIMATE_MIN = 20;

    /** The UTC day of a row, as the (day, search) GIN indexes of migration V6 spell it. */
    private static final String DAY = "CAST(t.sort_at AT TIME ZONE 'UTC' AS date)";

    @Inject
    EntityManager em;

    /** Most rows (of any words) the days of one look-up may hold; beyond, all matches are read in one look-up. */
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

    /** {@link #ids(String, String, OffsetDateTime, OffsetDateTime, int)} with look-ups of days holding at most about {@code rangeRows} rows. */
    @Transactional
    public List<Object> ids(String table, String q, OffsetDateTime from, OffsetDateTime to, int window, long rangeRows) {
        if (!"documents".equals(table) && !"quotes".equals(table)) {
            throw new IllegalArgumentException(table);
        }
        List<Object> ids = new ArrayList<>();
        Query extent = em.createNativeQuery("SELECT (SELECT max(t.sort_at) FROM " + table + " t WHERE true"
                + (from == null ? "" : " AND t.sort_at >= :from") + (to == null ? "" : " AND t.sort_at < :to")
                + "), (SELECT min(t.sort_at) FROM " + table + " t), (SELECT reltuples FROM pg_class WHERE oid = '"
                + table + "'::regclass), (SELECT max(t.sort_at) FROM " + table + " t)");
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
        LocalDate last = day(Rows.toTime(e[3]));
        long span = ChronoUnit.DAYS.between(start, last) + 1;
        // A look-up from a day on reads the index up to the table's last day (`to` only filters).
        long newer = ChronoUnit.DAYS.between(upper, last);
        long maxDays = rows < 0 ? 1 : Math.max(1, (long) (rangeRows / Math.max(1.0, rows / span)));
        long days = 1;
        while (true) {
            if (newer + days > maxDays) {
                // Sparse matches: all of them, in one look-up.
                return select(table, null, q, from, to, window);
            }
            // The newest matches on the newest `days` days. One lower bound only: btree_gin reads
            // a range with two bounds as two open ranges, the older one reaching the first day.
            LocalDate lower = upper.minusDays(days - 1);
            ids = select(table, lower, q, from, to, window);
            if (ids.size() >= window || !lower.isAfter(oldest)) {
                return ids;
            }
            if (ids.size() < ESTIMATE_MIN) {
                days *= 4; // too few matches yet to estimate how many a day brings
            } else {
                days = Math.max(days * 2, (long) Math.ceil(window / ((double) ids.size() / days) * 1.25));
            }
        }
    }

    private static LocalDate day(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * The newest {@code limit} matches on or after the UTC day {@code lower} (all matches when
     * null). OFFSET 0 keeps the planner from walking the time index for the order: the GIN index
     * finds the matches and they are sorted afterwards.
     */
    @SuppressWarnings("unchecked")
    private List<Object> select(String table, LocalDate lower, String q, OffsetDateTime from, OffsetDateTime to, int limit) {
        Query query = em.createNativeQuery("SELECT x.id FROM (SELECT t.id, t.sort_at FROM " + table + " t WHERE "
                + (lower == null ? "" : DAY + " >= :lower AND ")
                + "t.search @@ websearch_to_tsquery('english', :q)"
                + (from == null ? "" : " AND t.sort_at >= :from") + (to == null ? "" : " AND t.sort_at < :to")
                + " OFFSET 0) x ORDER BY x.sort_at DESC, x.id DESC LIMIT :limit");
        if (lower != null) {
            query.setParameter("lower", lower);
        }
        query.setParameter("q", q).setParameter("limit", limit);
        bindRange(query, from, to);
        return new ArrayList<>(query.getResultList());
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
