package io.quotewire.ingest.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quotewire.ingest.api.FeedsApi;
import io.quotewire.ingest.api.model.Feed;
import io.quotewire.ingest.api.model.FeedPage;
import io.quotewire.ingest.api.model.FeedSubscription;
import io.quotewire.ingest.domain.FeedEntity;
import io.quotewire.ingest.feed.FeedPoller;
import io.quotewire.ingest.feed.FeedService;
import io.quotewire.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.UUID;

/** The contract's {@code Feeds} endpoints; a new subscription answers 201 ({@link CreatedResponseFilter}). */
@Path("/")
public class FeedResource implements FeedsApi {

    public static final String FEEDS_PATH = "/api/v1/feeds/";

    @Inject
    FeedService feeds;

    @Inject
    FeedPoller poller;

    @Inject
    CurrentVertxRequest request;

    @Override
    public Feed subscribeFeed(FeedSubscription body) {
        if (body == null) {
            throw ProblemException.badRequest("a request body with the feed url is required");
        }
        FeedService.Subscription s = feeds.subscribe(body.getUrl(), body.getSource(), body.getPollIntervalSeconds());
        if (s.created()) {
            CreatedResponseFilter.markCreated(request.getCurrent(), FEEDS_PATH + s.feed().id);
        }
        return feed(s.feed());
    }

    @Override
    public FeedPage listFeeds(Integer limit, String cursor) {
        FeedService.FeedPage page = feeds.list(limit, cursor);
        return new FeedPage(page.feeds().stream().map(FeedResource::feed).toList()).nextCursor(page.nextCursor());
    }

    @Override
    public Feed getFeed(UUID id) {
        return feed(feeds.get(id));
    }

    @Override
    public void unsubscribeFeed(UUID id) {
        feeds.delete(id);
    }

    @Override
    public Feed pollFeed(UUID id) {
        poller.pollNow(id);
        return feed(feeds.get(id));
    }

    static Feed feed(FeedEntity f) {
        return new Feed(f.id, f.url, f.pollIntervalSeconds)
                .title(f.title)
                .source(f.source)
                .createdAt(DocumentMapper.utc(f.createdAt))
                .lastPolledAt(DocumentMapper.utc(f.lastPolledAt))
                .nextPollAt(DocumentMapper.utc(f.nextPollAt))
                .lastStatus(f.lastStatus)
                .lastError(f.lastError)
                .entriesSeen(f.entriesSeen)
                .documentsIngested(f.documentsIngested);
    }
}
