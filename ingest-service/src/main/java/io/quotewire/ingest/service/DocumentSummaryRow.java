package io.quotewire.ingest.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quotewire.ingest.domain.DocumentStatus;

import java.time.Instant;
import java.util.UUID;

/** Listing projection: a document without its text and extraction. */
@RegisterForReflection
public record DocumentSummaryRow(UUID id, String title, String source, String url, Instant publishedAt,
                                 Instant receivedAt, Instant extractedAt, Instant indexedAt, DocumentStatus status, int attempts, String lastError,
                                 UUID familyId, UUID duplicateOf, Double similarity, String matchKind) {
}
