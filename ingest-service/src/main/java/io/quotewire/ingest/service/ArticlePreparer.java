package io.quotewire.ingest.service;

import io.quotewire.web.ProblemException;

import io.quotewire.cleaner.BodyCleaner;
import io.quotewire.cleaner.CleanedArticle;
import io.quotewire.cleaner.Charsets;
import io.quotewire.ingest.fetch.FetchException;
import io.quotewire.ingest.fetch.InternalAddressException;
import io.quotewire.ingest.fetch.FetchedPage;
import io.quotewire.ingest.fetch.PageFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;

/**
 * Turns what a client sent (text, an HTML page, or a URL to fetch) into the article to store:
 * the body cleaned by {@link BodyCleaner} (the same cleaner for HTML and for text that lost its
 * markup), the metadata the page declares where the client gave none, and the input as received.
 * No database work; fetching happens here, before any transaction.
 */
@ApplicationScoped
public class ArticlePreparer {

    private static final Logger LOG = Logger.getLogger(ArticlePreparer.class);
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    private final BodyCleaner cleaner = new BodyCleaner();

    @Inject
    PageFetcher fetcher;

    /** The article to store for this input; fetches the page when only a URL is given. */
    public Submission prepare(ArticleInput input) {
        if (input.html() != null) {
            return fromHtml(input.html(), input);
        }
        if (input.text() != null) {
            return fromText(input.text(), input);
        }
        if (input.url() != null && !input.url().isBlank()) {
            return fromPage(fetch(input.url()), input);
        }
        throw ProblemException.badRequest("one of text, html or url is required");
    }

    /** What the cleaner makes of this input, without storing anything. */
    public CleanedArticle clean(ArticleInput input) {
        if (input.html() != null) {
            requireContent(input.html(), "html");
            return cleanHtml(input.html(), input.url());
        }
        if (input.text() != null) {
            requireContent(input.text(), "text");
            return cleanText(input.text());
        }
        if (input.url() != null && !input.url().isBlank()) {
            FetchedPage page = fetch(input.url());
            String body = Charsets.decode(page.body(), page.charset());
            return isText(page) ? cleanText(body) : cleanHtml(body, page.url().toString());
        }
        throw ProblemException.badRequest("one of text, html or url is required");
    }

    /** A fetched page (or feed entry page) with the metadata given. */
    public Submission fromPage(FetchedPage page, ArticleInput given) {
        String body = Charsets.decode(page.body(), page.charset());
        ArticleInput located = new ArticleInput(given.title(), null, null, given.source(), page.url().toString(),
                given.publishedAt(), given.authors(), given.language());
        return isText(page) ? fromText(body, located) : fromHtml(body, located);
    }

    public FetchedPage fetch(String url) {
        URI uri;
        try {
            uri = PageFetcher.parse(url);
        } catch (FetchException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        FetchedPage page;
        try {
            page = fetcher.fetch(uri);
        } catch (InternalAddressException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (FetchException e) {
            throw new ProblemException(502, "Bad Gateway", e.getMessage());
        }
        String type = page.mediaType();
        if (!(type.isEmpty() || type.contains("html") || type.equals(TEXT))) {
            throw new ProblemException(502, "Bad Gateway", url + " is not a web page (" + type + ")");
        }
        return page;
    }

    private Submission fromHtml(String html, ArticleInput given) {
        requireContent(html, "html");
        CleanedArticle cleaned = cleanHtml(html, given.url());
        if (cleaned.text().isBlank()) {
            throw new ProblemException(422, "Unprocessable Content", "no article text found in the page");
        }
        Instant published = given.publishedAt() != null ? given.publishedAt()
                : cleaned.publishedAt() == null ? null : cleaned.publishedAt().toInstant();
        return new Submission(first(given.title(), cleaned.title()), cleaned.text(),
                first(given.source(), cleaned.siteName(), host(given.url())), given.url(), published,
                given.authors().isEmpty() ? cleaned.authors() : given.authors(),
                first(given.language(), cleaned.language()), cleaned.canonicalUrl(), html, HTML);
    }

    private Submission fromText(String text, ArticleInput given) {
        requireContent(text, "text");
        CleanedArticle cleaned = cleanText(text);
        if (cleaned.text().isBlank()) {
            throw new ProblemException(422, "Unprocessable Content", "no article text left after removing page furniture");
        }
        boolean changed = !cleaned.text().equals(text);
        return new Submission(first(given.title(), cleaned.title()), cleaned.text(), given.source(), given.url(),
                given.publishedAt(), given.authors().isEmpty() ? cleaned.authors() : given.authors(),
                first(given.language(), cleaned.language()), cleaned.canonicalUrl(),
                changed ? text : null, changed ? TEXT : null);
    }

    private CleanedArticle cleanHtml(String html, String url) {
        try {
            return cleaner.cleanHtml(html, url);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warnf(e, "the cleaner failed on a page of %d characters", html.length());
            throw new ProblemException(422, "Unprocessable Content", "the page could not be read as HTML");
        }
    }

    private CleanedArticle cleanText(String text) {
        try {
            return cleaner.cleanText(text);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warnf(e, "the cleaner failed on a text of %d characters", text.length());
            throw new ProblemException(422, "Unprocessable Content", "the text could not be cleaned");
        }
    }

    private static boolean isText(FetchedPage page) {
        return page.mediaType().equals(TEXT);
    }

    private static void requireContent(String value, String field) {
        if (value.isBlank()) {
            throw ProblemException.badRequest(field + " must not be blank");
        }
        if (value.indexOf('\0') >= 0) {
            throw ProblemException.badRequest(field + " must not contain NUL characters");
        }
    }

    /** The first value that is not blank, stripped; null if there is none. */
    public static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
