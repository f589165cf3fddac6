package io.quotewire.cleaner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.util.List;

/**
 * Finds the article body in a news page: drops navigation, teasers, captions, credits, newsletter
 * and related-article blocks, keeps in-body paragraphs and subheads. Thread-safe and reusable; does
 * no I/O. Never throws on any input; a page without an article gives an empty text.
 */
public final class BodyCleaner {

    public BodyCleaner() {
    }

    /** An HTML page (already decoded to a String) -> article body and metadata. */
    public CleanedArticle cleanHtml(String html, String pageUrl) {
        Document doc = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl, Parser.htmlParser());
        Metadata.Fields meta = Metadata.of(doc, pageUrl);
        List<String> paragraphs = HtmlBody.extract(doc, meta.title());
        return new CleanedArticle(String.join("\n\n", paragraphs), meta.title(), meta.authors(), meta.publishedAt(),
                meta.language(), meta.canonicalUrl(), meta.siteName());
    }

    /** Text that lost its markup (e.g. a copy-pasted page) -> article body without page furniture. */
    public CleanedArticle cleanText(String text) {
        return CleanedArticle.textOnly(text == null ? "" : TextBody.clean(text));
    }
}
