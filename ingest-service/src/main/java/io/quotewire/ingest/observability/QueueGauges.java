package io.quotewire.ingest.observability;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Gauges of the outbox queue (documents RECEIVED or EXTRACTED), read from PostgreSQL by one cheap
 * query over the partial index {@code document_due_idx}, at most once per {@link #MAX_AGE} however
 * often Prometheus scrapes and however many instances there are behind it:
 * <ul>
 *   <li>{@code quotewire_queue_documents{status}}: waiting documents, RECEIVED (to extract) and
 *       EXTRACTED (to index), due now or in a backoff;</li>
 *   <li>{@code quotewire_queue_due_documents}: those of them that are due now (the backlog);</li>
 *   <li>{@code quotewire_queue_oldest_due_age_seconds}: how long the longest-due document has been due
 *       (0 when none is): rises when the workers fall behind or cannot reach a service;</li>
 *   <li>{@code quotewire_queue_oldest_waiting_age_seconds}: age (since it was received) of the oldest
 *       document still waiting.</li>
 * </ul>
 * The figures describe the whole table, not this instance, so sum() over instances is wrong: use max().
 * If the database cannot be read the gauges report NaN (no sample) rather than a stale value.
 */
@Startup
@ApplicationScoped
public class QueueGauges {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(QueueGauges.class);
    private static final String SQL = """
            SELECT count(*) FILTER (WHERE status = 'RECEIVED') AS received,
                   count(*) FILTER (WHERE status = 'EXTRACTED') AS extracted,
                   count(*) FILTER (WHERE next_attempt_at <= now()) AS due,
                   coalesce(extract(epoch FROM now() - min(next_attempt_at) FILTER (WHERE next_attempt_at <= now())), 0) AS oldest_due,
                   coalesce(extract(epoch FROM now() - min(received_at)), 0) AS oldest_waiting
            FROM document
            WHERE status IN ('RECEIVED', 'EXTRACTED')""";

    record Snapshot(double received, double extracted, double due, double oldestDue, double oldestWaiting, long takenAt) {
        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    private volatile Snapshot snapshot = Snapshot.UNKNOWN;

    @PostConstruct
    void register() {
        Gauge.builder("quotewire.queue.documents", this, g -> g.current().received())
                .tag("status", "RECEIVED").description("documents waiting to be extracted").register(registry);
        Gauge.builder("quotewire.queue.documents", this, g -> g.current().extracted())
                .tag("status", "EXTRACTED").description("documents waiting to be indexed").register(registry);
        Gauge.builder("quotewire.queue.due.documents", this, g -> g.current().due())
                .description("waiting documents that are due now").register(registry);
        Gauge.builder("quotewire.queue.oldest.due.age", this, g -> g.current().oldestDue())
                .baseUnit("seconds").description("how long the longest-due waiting document has been due")
                .register(registry);
        Gauge.builder("quotewire.queue.oldest.waiting.age", this, g -> g.current().oldestWaiting())
                .baseUnit("seconds").description("age since receipt of the oldest waiting document")
                .register(registry);
    }

    /**
     * Documents waiting (RECEIVED or EXTRACTED), from a reading no older than {@code maxAge}; NaN when
     * the queue cannot be read. Back-pressure ({@code service/Admission}) reads it.
     */
    public double waiting(Duration maxAge) {
        Snapshot s = current(maxAge);
        return s.received() + s.extracted();
    }

    Snapshot current() {
        return current(MAX_AGE);
    }

    private synchronized Snapshot current(Duration maxAge) {
        long now = System.nanoTime();
        Snapshot last = snapshot;
        if (last != Snapshot.UNKNOWN && now - last.takenAt() < maxAge.toNanos()) {
            return last;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL);
             ResultSet row = statement.executeQuery()) {
            row.next();
            snapshot = new Snapshot(row.getLong("received"), row.getLong("extracted"), row.getLong("due"),
                    row.getDouble("oldest_due"), row.getDouble("oldest_waiting"), now);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf(e, "queue gauges: could not read the queue");
            snapshot = Snapshot.UNKNOWN;
        }
        return snapshot;
    }
}
