package io.quotewire.ingest.service;

import io.quotewire.ingest.domain.DocumentStatus;

import java.util.UUID;

/**
 * Outcome of an ingest or a retry: the document, its state, whether it existed already, and the
 * family it joined ({@code duplicateOf} and {@code similarity} are null unless it is a copy).
 */
public record Receipt(UUID id, DocumentStatus status, boolean duplicate, UUID familyId, UUID duplicateOf,
                      Double similarity) {
}
