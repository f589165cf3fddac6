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
