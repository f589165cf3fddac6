package io.quotewire.ingest.service;

import io.quotewire.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque keyset cursor of ingest's listings (as query-service's listings make theirs): base64url of
 * {@code <kind>|<time in microseconds since the epoch>|<id>}, the position of the last row of the previous page in
 * the listing's order: documents ({@link #DOCUMENTS}, receivedAt DESC, id), feeds ({@link #FEEDS}, createdAt, id).
 * Anything else as a cursor, or another listing's cursor, is a 400 naming {@code cursor}.
 */
public record KeysetCursor(String kind, Instant at, UUID id) {

    /** The document list's cursors. */
    public static final String DOCUMENTS = "i1";
    /** The feed list's cursors. */
    public static final String FEEDS = "f1";

    /** Years 0001 to 9999, the range of PostgreSQL timestamps a cursor can name. */
    private static final long MIN_MICROS = -62_135_596_800_000_000L;
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    public String encode() {
        String raw = kind + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, at) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor of the listing {@code kind} names; a 400 naming {@code cursor} when it is not a
     * nextCursor of that listing.
     */
    public static KeysetCursor decode(String kind, String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(kind)) {
                long micros = Long.parseLong(parts[1]);
                UUID id = UUID.fromString(parts[2]);
                if (micros >= MIN_MICROS && micros <= MAX_MICROS && id.toString().equals(parts[2])) {
                    return new KeysetCursor(kind, Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64, not a number or not a uuid: reported below
        }
        throw ProblemException.badParameter("cursor", "cursor is not a nextCursor of this list");
    }
}
