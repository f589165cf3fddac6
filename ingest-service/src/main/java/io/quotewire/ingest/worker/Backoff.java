package io.quotewire.ingest.worker;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failure the nominal delay is
 * {@code base * 2^(n-1)}, capped at {@code max}; the actual delay is drawn uniformly from the upper
 * half of it ("equal jitter"), so documents that failed together do not all come back together.
 */
public final class Backoff {

    private Backoff() {
    }

    public static Duration delay(int failures, Duration base, Duration max, RandomGenerator random) {
        long baseMs = Math.max(1, base.toMillis());
        long maxMs = Math.max(baseMs, max.toMillis());
        int doublings = Math.max(0, failures - 1);
        long nominal = doublings >= Long.numberOfLeadingZeros(baseMs) - 1
                ? maxMs
                : Math.min(maxMs, baseMs << doublings);
        long half = nominal / 2;
        return Duration.ofMillis(half + random.nextLong(nominal - half + 1));
    }
}
