package io.quotewire.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One ingested article. The row is also its own outbox entry: {@link #status} and
 * {@link #nextAttemptAt} say what the worker still has to do and when.
 */
@Entity
@Table(name = "document")
public class DocumentEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    public String title;

    public String source;

    public String url;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;

    @Column(nullable = false)
    public int attempts;

    /** Failed attempts that spend the retry budget (see RemoteCallException.Kind.FAILING). */
    @Column(nullable = false)
    public int failures;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** Set when a worker claims the row; a result is only recorded by the holder of the claim. */
    @Column(name = "lease_token")
    public UUID leaseToken;

    /** The extraction as JSON (jsonb). */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String extraction;

    @Column(name = "extracted_at")
    public Instant extractedAt;

    @Column(name = "indexed_at")
    public Instant indexedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The input as received (HTML or text), before cleaning; {@link #text} is the cleaned body. */
    @Column(name = "raw_body")
    public String rawBody;

    @Column(name = "raw_media_type")
    public String rawMediaType;

    /** The bylines' names as a JSON array (jsonb). */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String authors;

    public String language;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    /** The family of copies of one story: the id of its first document (its own id if it is the first). */
    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    /** The most similar earlier document when this one is a copy of it. */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    public Double similarity;

    @Column(name = "match_kind")
    public String matchKind;

    public static Optional<DocumentEntity> findByContentHash(String contentHash) {
        return find("contentHash", contentHash).firstResultOptional();
    }
}
