package io.quotewire.ingest.service;

import java.time.Instant;

/** An article as submitted; only {@code text} is required. */
public record Submission(String title, String text, String source, String url, Instant publishedAt) {
}
