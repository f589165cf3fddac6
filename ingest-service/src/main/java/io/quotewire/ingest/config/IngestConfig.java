package io.quotewire.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Settings under {@code quotewire.*} (defaults in application.properties, documented in README.md). */
@ConfigMapping(prefix = "quotewire")
public interface IngestConfig {

    Remote extraction();

    Remote query();

    Worker worker();

    Fetch fetch();

    Feeds feeds();

    Batch batch();

    Admission admission();

    /** Back-pressure: new articles are refused (429 with Retry-After) while the outbox is this deep. */
    interface Admission {
        /** Documents waiting (RECEIVED or EXTRACTED) at which new articles are refused; 0 never refuses. */
        @WithDefault("5000")
        int maxWaiting();

        /** How long a count of the waiting documents is reused before it is read again. */
        @WithDefault("1s")
        Duration refresh();

        /** The Retry-After of a refusal, in seconds. */
        @WithDefault("5")
        int retryAfterSeconds();
    }

    /** Fetching pages and feeds from the web. */
    interface Fetch {
        /** Sent with every request, so site owners can tell who we are. */
        @WithDefault("QuotewireBot/1.0 (+https://github.com/quotewire; news quote indexing)")
        String userAgent();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-response deadline, headers and body. */
        @WithDefault("20s")
        Duration timeout();

        /** Larger responses are abandoned (pages and feeds). */
        @WithDefault("5M")
        io.quarkus.runtime.configuration.MemorySize maxBytes();

        @WithDefault("5")
        int maxRedirects();

        /** Least time between two requests to one host. */
        @WithDefault("1s")
        Duration hostDelay();

        /**
         * Whether pages and feeds may be fetched from loopback, private (RFC 1918, IPv6 unique-local),
         * link-local or otherwise internal addresses. Off: a user-given URL must not reach the cluster's
         * own services or the cloud metadata endpoint (server-side request forgery).
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }

    /** RSS/Atom subscriptions. */
    interface Feeds {
        /** Whether this instance polls feeds. */
        @WithDefault("true")
        boolean enabled();

        /** How often the poller looks for due feeds. */
        @WithDefault("10s")
        String pollCheck();

        /** Poll interval of a feed subscribed without one. */
        @WithDefault("15m")
        Duration defaultInterval();

        /** Entries taken from one poll at most (the newest are listed first by most feeds). */
        @WithDefault("50")
        int maxEntriesPerPoll();

        /** Feed content at least this long (characters of text) is used instead of fetching the page. */
        @WithDefault("1500")
        int fullContentChars();
    }

    /** NDJSON batches. */
    interface Batch {
        @WithDefault("1000")
        int maxLines();
    }

    /** A downstream service. */
    interface Remote {
        URI url();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("30s")
        Duration readTimeout();
    }

    /** The outbox worker. */
    interface Worker {
        /** Whether this instance processes the outbox at all (several instances may share it). */
        @WithDefault("true")
        boolean enabled();

        /** Period of the poll; read by the {@code @Scheduled} expression. */
        @WithDefault("1s")
        String pollInterval();

        /** Documents claimed per poll; they are processed in parallel. */
        @WithDefault("8")
        int batchSize();

        /**
         * Most documents handed to query-service in one {@code POST /api/v1/index/batches} (see
         * {@code IndexBatcher}); 1 (the default, see the README) pushes each document on its own.
         */
        @WithDefault("1")
        int indexBatchSize();

        /** How long the first document of a batch waits for others to join it. */
        @WithDefault("10ms")
        Duration indexLinger();

        /** Batches in flight to query-service at once. */
        @WithDefault("2")
        int indexSenders();

        /** How long a claim keeps other workers away; must exceed the remote call timeouts. */
        @WithDefault("2m")
        Duration lease();

        /** Failed attempts of one step after which the document is FAILED. */
        @WithDefault("10")
        int maxAttempts();

        /** Delay after the first failure; doubles with each further failure. */
        @WithDefault("2s")
        Duration backoffBase();

        /** Upper bound of the delay between two attempts. */
        @WithDefault("5m")
        Duration backoffMax();
    }
}
