package io.quotewire.ingest.service;

import java.time.Instant;
import java.util.List;

/**
 * An article ready to store: {@code text} is the cleaned body (required); the rest is metadata
 * and, when the input was not already plain text, the input as received.
 */
public record Submission(String title, String text, String source, String url, Instant publishedAt,
                         List<String> authors, String language, String canonicalUrl,
                         String rawBody, String rawMediaType) {

    public Submission {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** Plain text with the given metadata and no other. */
    public static Submission text(String title, String text, String source, String url, Instant publishedAt) {
        return new Submission(title, text, source, url, publishedAt, List.of(), null, null, null, null);
    }
}
