package io.quotewire.ingest.service;

import java.util.UUID;

/**
 * CDI event: a document became due (accepted or retried). Observed after the transaction commits
 * to wake the worker at once instead of at its next poll.
 */
public record DocumentQueued(UUID id) {
}
