package io.quotewire.ingest.worker;

import io.quotewire.ingest.domain.DocumentStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A document claimed by this worker, copied out of the claiming transaction so the remote calls
 * run without a database transaction open. {@code token} proves the claim when recording results.
 */
public record Claim(UUID id, UUID token, DocumentStatus status, int attempts, String title, String text,
                    String source, String url, Instant publishedAt, Instant receivedAt, String extraction,
                    UUID familyId) {

    Claim extracted(String extractionJson) {
        return new Claim(id, token, DocumentStatus.EXTRACTED, 0, title, text, source, url, publishedAt,
                receivedAt, extractionJson, familyId);
    }
}
