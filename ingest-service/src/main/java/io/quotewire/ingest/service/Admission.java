package io.quotewire.ingest.service;

import io.agroal.api.AgroalDataSource;
import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Back-pressure at the door: while the outbox holds {@code quotewire.admission.max-waiting}
 * documents or more (RECEIVED or EXTRACTED, across every instance: it is read from the database),
 * a new article is refused with 429 and a Retry-After, and nothing is stored; the client sends it
 * again later. So a burst waits at its clients instead of piling up in the queue, and a document
 * accepted is processed within about the time the queue takes to drain. The count is read at most
 * once per {@code refresh}; when it cannot be read, articles are accepted (storing them is what
 * fails then, with its own answer).
 */
@ApplicationScoped
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class);
    private static final String WAITING = "SELECT count(*) FROM document WHERE status IN ('RECEIVED', 'EXTRACTED')";

    @Inject
    IngestConfig config;

    @Inject
    AgroalDataSource dataSource;

    private long waiting;
    private long readAt;
    private boolean read;

    /** Throws 429 (Retry-After) while the outbox is full. */
    public void admit() {
        int max = config.admission().maxWaiting();
        if (max <= 0) {
            return;
        }
        long now = waiting();
        if (now >= max) {
            throw ProblemException.slowDown("%d articles are waiting to be processed (at most %d); send this one again later"
                    .formatted(now, max), config.admission().retryAfterSeconds());
        }
    }

    private synchronized long waiting() {
        long nanos = System.nanoTime();
        if (read && nanos - readAt < config.admission().refresh().toNanos()) {
            return waiting;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(WAITING);
             ResultSet r = s.executeQuery()) {
            r.next();
            waiting = r.getLong(1);
        } catch (SQLException e) {
            LOG.debugf(e, "admission: could not count the waiting documents");
            waiting = 0;
        }
        read = true;
        readAt = nanos;
        return waiting;
    }
}
