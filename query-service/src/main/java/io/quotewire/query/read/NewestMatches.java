package io.quotewire.query.read;

import io.quotewire.query.sql.Rows;

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
 * The newest rows of {@code quotes} or {@code documents} matching a full-text query, for ranked
 * search (which ranks the newest {@code rank-window} matches).
 *
 * <p>A plain GIN index over {@code search} returns every match of a word in no time order, so
 * finding the newest 1,000 matches of a common word means reading all of them, and that grows
 * with the corpus. Both searches read the newest days first instead, more days back while fewer
 * than the window are found:
 * <ul>
 * <li>{@link #quotes}: day by day through the day-tagged index of migration V7 (each word of a
 * quote indexed as "day:word"), so reading a day costs that day's matches only. The first probe
 * reads the newest day; each next one the days that should bring the rest of the window, from the
 * matches per day seen so far with a margin of a quarter (three times the days read while fewer
 * than 20 matches are found: too few to estimate from). When the matches per day seen so far
 * foretell at most {@code quotewire.query.sparse-rows} matches in all the days left, the word is
 * sparse and all its matches are read in one look-up (cheaper than probing many days).</li>
 * <li>{@link #documents}: articles hold hundreds of distinct words each, too many to index once
 * more per day, so they use the GIN index over (UTC day, search) of migration V6. A look-up
 * covers the newest days down to a lower bound (widened as above, at least twice the days); it
 * still reads each word's whole posting list, so it is dearer than a quote probe. When the days
 * would hold more than {@code quotewire.query.range-rows} rows (from the table's row count and
 * date span), all matches are read in one look-up.</li>
 * </ul>
 */
@ApplicationScoped
public class NewestMatches {

    /** Matches needed before the matches per day are estimated from them. */
    private static final int ESTIMATE_MIN = 20;

    /** The UTC day of a row, as the (day, search) GIN indexes of migration V6 spell it. */
    private static final String DAY = "CAST(t.sort_at AT TIME ZONE 'UTC' AS date)";

    /** The day number of a quote (days since 1970-01-01), as the day-tagged index of migration V7 spells it. */
    private static final String DAY_NUMBER = DAY + " - DATE '1970-01-01'";

    private static final LocalDate EPOCH = LocalDate.of(1970, 1, 1);

    @Inject
    EntityManager em;

    /** Most matches a ranked quote search reads in one look-up when the newest days show a word to be that sparse. */
    @ConfigProperty(name = "quotewire.query.sparse-rows", defaultValue = "3000")
    long sparseRows;

    /** Most rows (of any words) the days of one article look-up may hold; beyond, all matches are read in one look-up. */
    @ConfigProperty(name = "quotewire.query.range-rows", defaultValue = "250000")
    long rangeRows;

    /**
     * Ids of the newest {@code window} quotes matching {@code websearch_to_tsquery('english', q)}
     * with from ≤ sort_at < to (each when given), newest (sort_at, id) first.
     */
    @Transactional
    public List<Object> quotes(String q, OffsetDateTime from, OffsetDateTime to, int window) {
        return quotes(q, from, to, window, sparseRows);
    }

    /**
     * {@link #quotes(String, OffsetDateTime, OffsetDateTime, int)} reading all matches in one
     * look-up once the days read so far foretell at most {@code sparseRows} in the days left.
     */
    @Transactional
    public List<Object> quotes(String q, OffsetDateTime from, OffsetDateTime to, int window, long sparseRows) {
        List<Object> ids = new ArrayList<>();
        Object[] e = (Object[]) extent("quotes", from, to, "numnode(websearch_to_tsquery('english', :q))")
                .setParameter("q", q).getSingleResult();
        if (e[0] == null || ((Number) e[2]).intValue() == 0) {
            return ids; // nothing in the range, or only stop words (which match nothing)
        }
        LocalDate upper = day(Rows.toTime(e[0]));
        LocalDate start = day(Rows.toTime(e[1]));
        LocalDate oldest = from != null && day(from).isAfter(start) ? day(from) : start;
        long probed = 0;
        long days = 1;
        while (true) {
            // Each probe reads days older than every match found so far: its newest matches
            // come after them, and the newest `window` are complete once that many are found.
            LocalDate newest = upper.minusDays(probed);
            LocalDate lower = newest.minusDays(days - 1);
            ids.addAll(probe(q, lower.isBefore(oldest) ? oldest : lower, newest, from, to, window - ids.size()));
            probed += days;
            if (ids.size() >= window || !lower.isAfter(oldest)) {
                return ids;
            }
            // A probe costs its days, a look-up of all matches costs every match of the words
            // (their posting lists over all days and a row each): when the days read so far
            // foretell few matches in the days left, the rest is read in one look-up.
            long left = ChronoUnit.DAYS.between(oldest, lower);
            if ((ids.size() + 1.0) / probed * left <= sparseRows) {
                return select("quotes", null, q, from, to, window);
            }
            days = ids.size() < ESTIMATE_MIN ? probed * 3 // too few matches yet to estimate how many a day brings
                    : Math.max(1, (long) Math.ceil((window - ids.size()) / ((double) ids.size() / probed) * 1.25));
        }
    }

    /**
     * The newest {@code limit} quotes matching q on the UTC days first..last, one index probe per
     * day (day_query tags the query's words with the day, as day_lexemes tags the quote's).
     */
    @SuppressWarnings("unchecked")
    private List<Object> probe(String q, LocalDate first, LocalDate last, OffsetDateTime from, OffsetDateTime to, int limit) {
        Query query = em.createNativeQuery("SELECT x.id FROM (SELECT m.id, m.sort_at"
                + " FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS d(day)"
                + " CROSS JOIN LATERAL (SELECT t.id, t.sort_at FROM quotes t WHERE day_lexemes(t.search, " + DAY_NUMBER
                + ") @@ day_query(websearch_to_tsquery('english', :q), d.day)"
                + (from == null ? "" : " AND t.sort_at >= :from") + (to == null ? "" : " AND t.sort_at < :to")
                + ") m OFFSET 0) x ORDER BY x.sort_at DESC, x.id DESC LIMIT :limit");
        query.setParameter("first", ChronoUnit.DAYS.between(EPOCH, first))
                .setParameter("last", ChronoUnit.DAYS.between(EPOCH, last))
                .setParameter("q", q).setParameter("limit", limit);
        bindRange(query, from, to);
        return new ArrayList<>(query.getResultList());
    }

    /**
     * Ids of the newest {@code window} articles matching {@code websearch_to_tsquery('english', q)}
     * with from ≤ sort_at < to (each when given), newest (sort_at, id) first.
     */
    @Transactional
    public List<Object> documents(String q, OffsetDateTime from, OffsetDateTime to, int window) {
        return documents(q, from, to, window, rangeRows);
    }

    /** {@link #documents(String, OffsetDateTime, OffsetDateTime, int)} with look-ups of days holding at most about {@code rangeRows} rows. */
    @Transactional
    public List<Object> documents(String q, OffsetDateTime from, OffsetDateTime to, int window, long rangeRows) {
        List<Object> ids = new ArrayList<>();
        Object[] e = (Object[]) extent("documents", from, to,
                "(SELECT reltuples FROM pg_class WHERE oid = 'documents'::regclass), (SELECT max(t.sort_at) FROM documents t)")
                .getSingleResult();
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
                return select("documents", null, q, from, to, window);
            }
            // The newest matches on the newest `days` days. One lower bound only: btree_gin reads
            // a range with two bounds as two open ranges, the older one reaching the first day.
            LocalDate lower = upper.minusDays(days - 1);
            ids = select("documents", lower, q, from, to, window);
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

    /**
     * One row: the newest sort_at of {@code table} with from ≤ sort_at < to (each when given), its
     * oldest sort_at, then the SQL expressions {@code more}.
     */
    private Query extent(String table, OffsetDateTime from, OffsetDateTime to, String more) {
        Query extent = em.createNativeQuery("SELECT (SELECT max(t.sort_at) FROM " + table + " t WHERE true"
                + (from == null ? "" : " AND t.sort_at >= :from") + (to == null ? "" : " AND t.sort_at < :to")
                + "), (SELECT min(t.sort_at) FROM " + table + " t), " + more);
        bindRange(extent, from, to);
        return extent;
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
