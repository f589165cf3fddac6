package io.quotewire.ingest.feed;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.domain.FeedEntity;
import io.quotewire.ingest.fetch.FetchException;
import io.quotewire.ingest.fetch.PageFetcher;
import io.quotewire.ingest.service.DocumentService;
import io.quotewire.ingest.service.KeysetCursor;
import io.quotewire.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Feed subscriptions and their polling state; every method is one short transaction. */
@ApplicationScoped
public class FeedService {

    static final int MIN_INTERVAL = 60;
    static final int MAX_INTERVAL = 86_400;

    @Inject
    EntityManager em;

    @Inject
    IngestConfig config;

    /** The outcome of a subscription: the feed and whether it was new. */
    public record Subscription(FeedEntity feed, boolean created) {
    }

    /** A feed's state copied out of the transaction for a poll. */
    public record PollTarget(UUID id, String url, String source, String title, String etag, String lastModified) {
    }

    @Transactional
    public Subscription subscribe(String url, String source, Integer intervalSeconds) {
        String normalised;
        try {
            normalised = PageFetcher.parse(url).toString();
        } catch (FetchException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        int interval = intervalSeconds == null ? (int) config.feeds().defaultInterval().toSeconds() : intervalSeconds;
        if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
            throw ProblemException.badRequest("pollIntervalSeconds must be between " + MIN_INTERVAL + " and " + MAX_INTERVAL);
        }
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        INSERT INTO feed (id, url, source, poll_interval_seconds, created_at, next_poll_at)
                        VALUES (:id, :url, CAST(:source AS text), :interval, :now, :now)
                        ON CONFLICT (url) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("url", normalised)
                .setParameter("source", source == null || source.isBlank() ? null : source.strip())
                .setParameter("interval", interval)
                .setParameter("now", now)
                .executeUpdate();
        FeedEntity feed = FeedEntity.find("url", normalised).firstResult();
        return new Subscription(feed, inserted == 1);
    }

    /** One page of the feed list and the cursor of the next (null on the last page). */
    public record FeedPage(List<FeedEntity> feeds, String nextCursor) {
    }

    /**
     * The subscriptions, oldest first, in keyset pages of {@code limit} (default 20, at most
     * {@link DocumentService#MAX_LIMIT}) after {@code cursor}; a bad limit or cursor is a 400 naming it.
     */
    @Transactional
    public FeedPage list(Integer limit, String cursor) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > DocumentService.MAX_LIMIT) {
            throw ProblemException.badParameter("limit",
                    "limit must be between 1 and " + DocumentService.MAX_LIMIT + ", was " + size);
        }
        Sort oldestFirst = Sort.ascending("createdAt").and("id");
        PanacheQuery<FeedEntity> query;
        if (cursor == null || cursor.isBlank()) {
            query = FeedEntity.findAll(oldestFirst); // a blank cursor is the first page, as in the document list
        } else {
            KeysetCursor at = KeysetCursor.decode(KeysetCursor.FEEDS, cursor);
            query = FeedEntity.find("createdAt > ?1 or (createdAt = ?1 and id > ?2)", oldestFirst, at.at(), at.id());
        }
        // one row more than the page tells whether there is a next page
        List<FeedEntity> rows = query.page(Page.ofSize(size + 1)).list();
        if (rows.size() <= size) {
            return new FeedPage(rows, null);
        }
        FeedEntity last = rows.get(size - 1);
        return new FeedPage(List.copyOf(rows.subList(0, size)),
                new KeysetCursor(KeysetCursor.FEEDS, last.createdAt, last.id).encode());
    }


    @Transactional
    public FeedEntity get(UUID id) {
        FeedEntity feed = FeedEntity.findById(id);
        if (feed == null) {
            throw ProblemException.notFound("no feed " + id);
        }
        return feed;
    }

    @Transactional
    public void delete(UUID id) {
        if (!FeedEntity.deleteById(id)) {
            throw ProblemException.notFound("no feed " + id);
        }
    }

    @Transactional
    public PollTarget target(UUID id) {
        FeedEntity f = get(id);
        return new PollTarget(f.id, f.url, f.source, f.title, f.etag, f.lastModified);
    }

    /**
     * Claims the feeds due for a poll, at most {@code limit}: each gets its next poll time now, so
     * other instances (SKIP LOCKED) and the next check leave it alone while it is polled.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<PollTarget> claimDue(int limit) {
        Instant now = Instant.now();
        List<FeedEntity> due = em.createNativeQuery("""
                        SELECT * FROM feed WHERE next_poll_at <= :now ORDER BY next_poll_at LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", FeedEntity.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        for (FeedEntity f : due) {
            f.nextPollAt = now.plus(Duration.ofSeconds(f.pollIntervalSeconds));
        }
        return due.stream().map(f -> new PollTarget(f.id, f.url, f.source, f.title, f.etag, f.lastModified)).toList();
    }

    /** Whether an entry of the feed has been ingested (or given up on) before. */
    @Transactional
    public boolean seen(UUID feedId, String entryKey) {
        return !em.createNativeQuery("SELECT 1 FROM feed_entry WHERE feed_id = :feed AND entry_key = :key")
                .setParameter("feed", feedId)
                .setParameter("key", entryKey)
                .getResultList().isEmpty();
    }

    /** Remembers an entry so later polls skip it; {@code documentId} null when it had no article. */
    @Transactional
    public void markSeen(UUID feedId, String entryKey, UUID documentId) {
        em.createNativeQuery("""
                        INSERT INTO feed_entry (feed_id, entry_key, document_id, seen_at)
                        SELECT :feed, :key, CAST(CAST(:doc AS text) AS uuid), now()
                        WHERE EXISTS (SELECT 1 FROM feed WHERE id = :feed)
                        ON CONFLICT DO NOTHING""")
                .setParameter("feed", feedId)
                .setParameter("key", entryKey)
                .setParameter("doc", documentId == null ? null : documentId.toString())
                .executeUpdate();
    }

    /** Records a poll's outcome (the feed may have been deleted meanwhile: then nothing). */
    @Transactional
    public void recordPoll(UUID id, PollOutcome outcome) {
        FeedEntity f = FeedEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            return;
        }
        Instant now = Instant.now();
        f.lastPolledAt = now;
        f.lastStatus = outcome.status();
        f.lastError = outcome.error();
        if (outcome.status() != null && outcome.status() == 200) {
            f.etag = outcome.etag();
            f.lastModified = outcome.lastModified();
        }
        if (f.title == null && outcome.title() != null) {
            f.title = outcome.title();
        }
        f.entriesSeen += outcome.newEntries();
        f.documentsIngested += outcome.documents();
        if (f.nextPollAt.isBefore(now)) {
            f.nextPollAt = now.plus(Duration.ofSeconds(f.pollIntervalSeconds));
        }
    }

    /** What one poll did. */
    public record PollOutcome(Integer status, String error, String etag, String lastModified, String title,
                              int newEntries, int documents) {
    }
}
