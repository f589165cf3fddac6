package io.quotewire.ingest.service;

import io.quotewire.ingest.domain.DocumentStatus;

import java.util.UUID;

/** Outcome of an ingest or a retry: the document, its state, and whether it existed already. */
public record Receipt(UUID id, DocumentStatus status, boolean duplicate) {
}
