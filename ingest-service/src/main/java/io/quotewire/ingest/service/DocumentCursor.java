package io.quotewire.ingest.service;

import io.quotewire.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque keyset cursor of the document list (as query-service's listings make theirs): base64url of
 * {@code i1|<receivedAt in microseconds since the epoch>|<id>}, the position of the last document of the previous
 * page in the order (receivedAt DESC, id). Anything else as a cursor is a 400 naming {@code cursor}.
 */
public record DocumentCursor(Instant receivedAt, UUID id) {

    private static final String KIND = "i1";

    /** Years 0001 to 9999, the range of PostgreSQL timestamps a cursor can name. */
    private static final long MIN_MICROS = -62_135_596_800_000_000L;
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    public String encode() {
        String raw = KIND + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, receivedAt) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; a 400 naming {@code cursor} when it is not a nextCursor of this list. */
    public static DocumentCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(KIND)) {
                long micros = Long.parseLong(parts[1]);
                UUID id = UUID.fromString(parts[2]);
                if (micros >= MIN_MICROS && micros <= MAX_MICROS && id.toString().equals(parts[2])) {
                    return new DocumentCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64, not a number or not a uuid: reported below
        }
        throw ProblemException.badParameter("cursor", "cursor is not a nextCursor of this list");
    }
}
