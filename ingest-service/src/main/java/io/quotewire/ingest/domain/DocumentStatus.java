package io.quotewire.ingest.domain;

/** Processing state of a document; RECEIVED and EXTRACTED are the pending (outbox) states. */
public enum DocumentStatus {
    /** Stored, waiting for extraction. */
    RECEIVED,
    /** Extracted, waiting to be indexed in query-service. */
    EXTRACTED,
    /** Searchable in query-service. */
    INDEXED,
    /** Retry budget spent or rejected for good; see last_error. */
    FAILED
}
