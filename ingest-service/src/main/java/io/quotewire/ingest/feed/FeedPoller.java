package io.quotewire.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quarkus.scheduler.Scheduled;
import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.fetch.FetchException;
import io.quotewire.ingest.fetch.FetchedPage;
import io.quotewire.ingest.fetch.PageFetcher;
import io.quotewire.ingest.service.ArticleInput;
import io.quotewire.ingest.service.ArticlePreparer;
import io.quotewire.ingest.service.DocumentService;
import io.quotewire.web.ProblemException;
import io.quotewire.ingest.service.Receipt;
import io.quotewire.ingest.service.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls RSS/Atom feeds: on a schedule for the feeds due ({@link FeedService#claimDue}), or at once
 * on request. A poll is a conditional GET (ETag / Last-Modified; 304 ends it), then, for each entry
 * not seen before: its content when the feed carries the whole article, otherwise its page fetched
 * politely; both cleaned and ingested like any other article. An entry whose page cannot be
 * fetched now is tried again at the next poll; one that has no article is not.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final Pattern MAIL_WITH_NAME = Pattern.compile("\\S+@\\S+\\s*\\((.+)\\)");
    /** Feeds claimed per scheduled check. */
    static final int CLAIM = 4;

    @Inject
    IngestConfig config;

    @Inject
    FeedService feeds;

    @Inject
    PageFetcher fetcher;

    @Inject
    ArticlePreparer preparer;

    @Inject
    DocumentService documents;

    @Scheduled(identity = "feed-poller", every = "${quotewire.feeds.poll-check:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        if (config.feeds().enabled()) {
            pollDue();
        }
    }

    /** One round: claims the feeds that are due and polls each. */
    public void pollDue() {
        try {
            for (FeedService.PollTarget target : feeds.claimDue(CLAIM)) {
                poll(target);
            }
        } catch (RuntimeException e) {
            LOG.error("feed poll round failed; trying again at the next check", e);
        }
    }

    /** Polls one feed now and records the outcome. */
    public void pollNow(UUID id) {
        poll(feeds.target(id));
    }

    void poll(FeedService.PollTarget feed) {
        FetchedPage response;
        try {
            response = fetcher.fetch(URI.create(feed.url()), feed.etag(), feed.lastModified());
        } catch (FetchException e) {
            feeds.recordPoll(feed.id(), new FeedService.PollOutcome(null, e.getMessage(), null, null, null, 0, 0));
            return;
        }
        if (response.notModified()) {
            feeds.recordPoll(feed.id(), new FeedService.PollOutcome(304, null, response.etag(), response.lastModified(),
                    null, 0, 0));
            return;
        }
        SyndFeed parsed;
        try {
            parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            feeds.recordPoll(feed.id(), new FeedService.PollOutcome(response.status(),
                    "not an RSS or Atom feed: " + e.getMessage(), null, null, null, 0, 0));
            return;
        }
        String source = feed.source() != null ? feed.source() : ArticlePreparer.first(parsed.getTitle());
        int newEntries = 0;
        int ingested = 0;
        List<String> errors = new ArrayList<>();
        List<SyndEntry> entries = parsed.getEntries();
        for (SyndEntry entry : entries.subList(0, Math.min(entries.size(), config.feeds().maxEntriesPerPoll()))) {
            String key = ArticlePreparer.first(entry.getUri(), entry.getLink(), entry.getTitle());
            if (key == null || feeds.seen(feed.id(), key)) {
                continue;
            }
            try {
                Receipt receipt = documents.accept(article(entry, source, response.url()));
                feeds.markSeen(feed.id(), key, receipt.id());
                newEntries++;
                ingested += receipt.duplicate() ? 0 : 1;
            } catch (ProblemException e) {
                if (e.status() >= 500) {
                    errors.add(key + ": " + e.getMessage()); // page unreachable now: next poll tries again
                } else {
                    feeds.markSeen(feed.id(), key, null); // nothing to ingest there, ever
                    newEntries++;
                    errors.add(key + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "feed %s entry %s failed", feed.url(), key);
                errors.add(key + ": internal error");
            }
        }
        String error = errors.isEmpty() ? null
                : errors.size() + " entries failed; first: " + errors.get(0);
        feeds.recordPoll(feed.id(), new FeedService.PollOutcome(response.status(), error, response.etag(),
                response.lastModified(), ArticlePreparer.first(parsed.getTitle()), newEntries, ingested));
        LOG.debugf("polled feed %s: %d new entries, %d documents", feed.url(), newEntries, ingested);
    }

    /** The entry's article: the feed's content if it is the whole article, else the linked page. */
    private Submission article(SyndEntry entry, String source, URI feedUrl) {
        String content = content(entry);
        List<String> authors = entry.getAuthors() == null ? List.of()
                : entry.getAuthors().stream().map(SyndPerson::getName).map(FeedPoller::personName)
                .filter(n -> n != null).toList();
        if (authors.isEmpty() && personName(entry.getAuthor()) != null) {
            authors = List.of(personName(entry.getAuthor()));
        }
        Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant();
        String link = entry.getLink() == null ? null : feedUrl.resolve(entry.getLink().strip()).toString();
        ArticleInput given = new ArticleInput(ArticlePreparer.first(entry.getTitle()), null, null, source, link, published,
                authors, null);
        if (content != null && Jsoup.parse(content).text().length() >= config.feeds().fullContentChars()) {
            return preparer.prepare(new ArticleInput(given.title(), null,
                    "<html><body><article>" + content + "</article></body></html>", source, link, published,
                    authors, null));
        }
        if (link == null) {
            throw new ProblemException(422, "Unprocessable Content", "entry has neither a link nor full content");
        }
        return preparer.fromPage(preparer.fetch(link), given);
    }

    /** RSS writes authors as "mail@example.com (Name)": the name; a bare address is no name. */
    static String personName(String author) {
        if (author == null || author.isBlank()) {
            return null;
        }
        Matcher m = MAIL_WITH_NAME.matcher(author.strip());
        if (m.matches()) {
            return m.group(1).strip();
        }
        return author.contains("@") ? null : author.strip();
    }

    private static String content(SyndEntry entry) {
        StringBuilder html = new StringBuilder();
        if (entry.getContents() != null) {
            for (SyndContent c : entry.getContents()) {
                if (c.getValue() != null) {
                    html.append(c.getValue());
                }
            }
        }
        if (html.isEmpty() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            html.append(entry.getDescription().getValue());
        }
        return html.isEmpty() ? null : html.toString();
    }
}
