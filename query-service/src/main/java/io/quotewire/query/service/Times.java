package io.quotewire.query.service;

import io.quotewire.web.ProblemException;

import java.time.OffsetDateTime;

/** Date-range filters on a timestamptz column. */
final class Times {

    private Times() {
    }

    /** {@code column >= from AND column < to} (each when given); 400 when from is not before to. */
    static void range(SqlWhere where, String column, OffsetDateTime from, OffsetDateTime to) {
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
}
