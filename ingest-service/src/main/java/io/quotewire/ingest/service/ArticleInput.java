package io.quotewire.ingest.service;

import java.time.Instant;
import java.util.List;

/**
 * An article as a client gave it: one of {@code text}, {@code html} or {@code url} alone (a page
 * to fetch), and metadata that wins over what the page declares.
 */
public record ArticleInput(String title, String text, String html, String source, String url,
                           Instant publishedAt, List<String> authors, String language) {

    public ArticleInput {
        authors = authors == null ? List.of() : authors;
    }

    public static ArticleInput url(String url, String title, String source) {
        return new ArticleInput(title, null, null, source, url, null, List.of(), null);
    }
}
