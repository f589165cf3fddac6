package io.quotewire.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An RSS/Atom subscription and its polling state; the row is also its schedule ({@link #nextPollAt}). */
@Entity
@Table(name = "feed")
public class FeedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String url;

    public String title;

    public String source;

    @Column(name = "poll_interval_seconds", nullable = false)
    public int pollIntervalSeconds;

    /** Validators of the last full response, sent back for a conditional GET. */
    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "next_poll_at", nullable = false)
    public Instant nextPollAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "entries_seen", nullable = false)
    public int entriesSeen;

    @Column(name = "documents_ingested", nullable = false)
    public int documentsIngested;
}
