package io.quotewire.query.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Opaque keyset cursors: base64url of {@code <kind>|<sort key>|<id>} where the sort key is the
 * position of the last row of the previous page. A cursor of the wrong kind or that does not
 * decode is a 400.
 */
final class Cursors {

    static final String QUOTES = "q1";
    static final String ENTITIES = "e1";

    private static final long MIN_MICROS = -62_135_596_800_000_000L;
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    private Cursors() {
    }

    /** Position in a list ordered by (a DESC, id DESC). */
    record Position(long key, long id) {
        /** The sort key as a time (microseconds since the epoch, years 0001 to 9999). */
        OffsetDateTime keyAsTime() {
            if (key < MIN_MICROS || key > MAX_MICROS) {
                throw ProblemException.badRequest("cursor is not a nextCursor of this list");
            }
            return Instant.EPOCH.plus(key, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        }
    }

    static String encode(String kind, long key, long id) {
        String raw = kind + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String kind, OffsetDateTime time, long id) {
        return encode(kind, ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant()), id);
    }

    static Position decode(String kind, String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(kind)) {
                return new Position(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not numbers: reported below
        }
        throw ProblemException.badRequest("cursor is not a nextCursor of this list");
    }

    static int checkLimit(Integer limit) {
        int value = limit == null ? 20 : limit;
        if (value < 1 || value > 200) {
            throw ProblemException.badRequest("limit must be between 1 and 200, was " + value);
        }
        return value;
    }
}
