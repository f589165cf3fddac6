package io.quotewire.ingest.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.ingest.api.model.Document;
import io.quotewire.ingest.api.model.DocumentSummary;
import io.quotewire.ingest.api.model.Extraction;
import io.quotewire.ingest.api.model.IngestReceipt;
import io.quotewire.ingest.api.model.ProcessingStatus;
import io.quotewire.ingest.domain.DocumentEntity;
import io.quotewire.ingest.domain.DocumentStatus;
import io.quotewire.ingest.service.DocumentSummaryRow;
import io.quotewire.ingest.service.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Entities and service results to the contract's models. */
@ApplicationScoped
public class DocumentMapper {

    public static final String DOCUMENTS_PATH = "/api/v1/documents/";

    @Inject
    ObjectMapper objectMapper;

    public IngestReceipt receipt(Receipt receipt) {
        return new IngestReceipt(receipt.id(), status(receipt.status()), receipt.duplicate())
                .location(DOCUMENTS_PATH + receipt.id());
    }

    public Document document(DocumentEntity d) {
        return new Document(d.id, status(d.status))
                .title(d.title)
                .source(d.source)
                .url(d.url)
                .publishedAt(utc(d.publishedAt))
                .receivedAt(utc(d.receivedAt))
                .attempts(d.attempts)
                .lastError(d.lastError)
                .contentHash(d.contentHash)
                .text(d.text)
                .extraction(extraction(d.extraction));
    }

    public DocumentSummary summary(DocumentSummaryRow row) {
        return new DocumentSummary(row.id(), status(row.status()))
                .title(row.title())
                .source(row.source())
                .url(row.url())
                .publishedAt(utc(row.publishedAt()))
                .receivedAt(utc(row.receivedAt()))
                .attempts(row.attempts())
                .lastError(row.lastError());
    }

    private Extraction extraction(String json) {
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readValue(json, Extraction.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored extraction is not readable", e);
        }
    }

    private static ProcessingStatus status(DocumentStatus status) {
        return ProcessingStatus.valueOf(status.name());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
