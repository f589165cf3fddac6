package io.quotewire.query.sql;

import io.quotewire.web.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Date-range filters on a timestamptz column, and the UTC day of a time (the days of {@code entity_days}). */
public final class Times {

    private Times() {
    }

    /** {@code column >= from AND column < to} (each when given); 400 when from is not before to. */
    public static void range(SqlWhere where, String column, OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to");
        }
        if (from != null) {
            where.and(column + " >= :from", "from", from);
        }
        if (to != null) {
            where.and(column + " < :to", "to", to);
        }
    }

    /** The UTC day of {@code time}: the day of {@code entity_days} an article's share is counted on. */
    public static LocalDate utcDay(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
