package io.quotewire.query.read;

import io.quotewire.web.ProblemException;

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
    static final String QUOTES_BY_RANK = "q2";
    static final String ENTITIES = "e1";
    static final String CLUSTERS = "c1";
    static final String OCCURRENCES = "o1";
    static final String DOCUMENTS = "d1";
    static final String DOCUMENTS_BY_RANK = "d2";

    private static final long MIN_MICROS = -62_135_596_800_000_000L;
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    private Cursors() {
    }

    /** Position in a list ordered by (a DESC, id DESC). */
    record Position(long key, long id) {
        /** The sort key as a time (microseconds since the epoch, years 0001 to 9999). */
        OffsetDateTime keyAsTime() {
            if (key < MIN_MICROS || key > MAX_MICROS) {
                throw ProblemException.badParameter("cursor", "cursor is not a nextCursor of this list");
            }
            return Instant.EPOCH.plus(key, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        }

        /** The sort key as a float4 rank (its raw bits). */
        float keyAsFloat() {
            float rank = Float.intBitsToFloat((int) key);
            if (key != (int) key || Float.isNaN(rank)) {
                throw ProblemException.badParameter("cursor", "cursor is not a nextCursor of this list");
            }
            return rank;
        }
    }

    /** Position in a list ordered by (rank DESC, time DESC, uuid): the cursor of ranked article search. */
    record DocPosition(float rank, OffsetDateTime time, java.util.UUID id) {
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
        throw ProblemException.badParameter("cursor", "cursor is not a nextCursor of this list");
    }

    static String encodeDoc(String kind, float rank, OffsetDateTime time, java.util.UUID id) {
        String raw = kind + "|" + Float.floatToIntBits(rank) + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant())
                + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static DocPosition decodeDoc(String kind, String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 4 && parts[0].equals(kind)) {
                Position p = new Position(Long.parseLong(parts[2]), 0);
                float rank = Float.intBitsToFloat(Integer.parseInt(parts[1]));
                if (!Float.isNaN(rank)) {
                    return new DocPosition(rank, p.keyAsTime(), java.util.UUID.fromString(parts[3]));
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64, not numbers or not a uuid: reported below
        }
        throw ProblemException.badParameter("cursor", "cursor is not a nextCursor of this list");
    }

    static int checkLimit(Integer limit) {
        int value = limit == null ? 20 : limit;
        if (value < 1 || value > 200) {
            throw ProblemException.badParameter("limit", "limit must be between 1 and 200, was " + value);
        }
        return value;
    }
}
