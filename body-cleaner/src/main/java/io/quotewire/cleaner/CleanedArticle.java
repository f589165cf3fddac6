package io.quotewire.cleaner;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article body without page furniture, with the metadata the page declared.
 *
 * @param text         the article body: paragraphs and subheads separated by blank lines; never null,
 *                     empty when the page has no article
 * @param title        the headline; never null, empty when unknown
 * @param authors      the bylines' names, in page order, without duplicates; never null
 * @param publishedAt  when the article was first published, or null
 * @param language     ISO 639-1 code ({@code "en"}), or null
 * @param canonicalUrl the page's canonical address, or null
 * @param siteName     the publication's name, or null
 */
public record CleanedArticle(String text, String title, List<String> authors, OffsetDateTime publishedAt,
                             String language, String canonicalUrl, String siteName) {

    public CleanedArticle {
        text = text == null ? "" : text;
        title = title == null ? "" : title;
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** A body with no metadata (text that lost its markup). */
    static CleanedArticle textOnly(String text) {
        return new CleanedArticle(text, "", List.of(), null, null, null, null);
    }
}
