package io.quotewire.ingest.fetch;

import io.quotewire.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * At most one request per host per {@code quotewire.fetch.host-delay}: each request reserves the
 * next free slot of its host and waits for it. Hosts are independent of one another.
 */
@ApplicationScoped
public class HostPoliteness {

    @Inject
    IngestConfig config;

    private final ConcurrentHashMap<String, Long> nextSlot = new ConcurrentHashMap<>();

    public void await(String host) throws FetchException {
        long delay = config.fetch().hostDelay().toNanos();
        long now = System.nanoTime();
        long slot = nextSlot.merge(host.toLowerCase(Locale.ROOT), now,
                (previous, ignored) -> Math.max(previous + delay, now));
        // merge stored the reserved slot; the first request to a host goes at once
        long wait = slot - now;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted waiting to fetch from " + host, e);
            }
        }
    }
}
