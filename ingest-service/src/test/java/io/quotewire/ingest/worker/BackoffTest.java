package io.quotewire.ingest.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void delayDoublesWithinJitterAndIsCapped() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200; i++) {
            assertThat(Backoff.delay(1, BASE, MAX, random)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(Backoff.delay(3, BASE, MAX, random)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(Backoff.delay(30, BASE, MAX, random)).isBetween(MAX.dividedBy(2), MAX);
            assertThat(Backoff.delay(Integer.MAX_VALUE, BASE, MAX, random)).isBetween(MAX.dividedBy(2), MAX);
        }
    }

    @Test
    void jitterSpreadsDocumentsThatFailedTogether() {
        SplittableRandom random = new SplittableRandom(7);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> Backoff.delay(4, BASE, MAX, random))
                .distinct().count();
        assertThat(distinct).isGreaterThan(25);
    }
}
