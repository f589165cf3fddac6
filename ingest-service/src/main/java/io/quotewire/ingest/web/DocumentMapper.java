package io.quotewire.ingest.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.ingest.api.model.Document;
import io.quotewire.ingest.api.model.DocumentSummary;
import io.quotewire.ingest.api.model.Extraction;
import io.quotewire.ingest.api.model.FamilyMember;
import io.quotewire.ingest.api.model.IngestReceipt;
import io.quotewire.ingest.api.model.MatchKind;
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
import java.util.List;

/** Entities and service results to the contract's models. */
@ApplicationScoped
public class DocumentMapper {

    public static final String DOCUMENTS_PATH = "/api/v1/documents/";

    @Inject
    ObjectMapper objectMapper;

    public IngestReceipt receipt(Receipt receipt) {
        return new IngestReceipt(receipt.id(), status(receipt.status()), receipt.duplicate())
                .location(DOCUMENTS_PATH + receipt.id())
                .familyId(receipt.familyId())
                .duplicateOf(receipt.duplicateOf())
                .similarity(receipt.similarity());
    }

    public Document document(DocumentEntity d, List<DocumentEntity> family) {
        return new Document(d.id, status(d.status))
                .title(d.title)
                .source(d.source)
                .url(d.url)
                .publishedAt(utc(d.publishedAt))
                .receivedAt(utc(d.receivedAt))
                .extractedAt(utc(d.extractedAt))
                .indexedAt(utc(d.indexedAt))
                .attempts(d.attempts)
                .lastError(d.lastError)
                .contentHash(d.contentHash)
                .text(d.text)
                .rawBody(d.rawBody)
                .rawMediaType(d.rawMediaType)
                .authors(authors(d.authors))
                .language(d.language)
                .canonicalUrl(d.canonicalUrl)
                .familyId(d.familyId)
                .duplicateOf(d.duplicateOf)
                .similarity(d.similarity)
                .matchKind(kind(d.matchKind))
                .family(family.stream().map(DocumentMapper::member).toList())
                .extraction(extraction(d.extraction));
    }

    public DocumentSummary summary(DocumentSummaryRow row) {
        return new DocumentSummary(row.id(), status(row.status()))
                .title(row.title())
                .source(row.source())
                .url(row.url())
                .publishedAt(utc(row.publishedAt()))
                .receivedAt(utc(row.receivedAt()))
                .extractedAt(utc(row.extractedAt()))
                .indexedAt(utc(row.indexedAt()))
                .attempts(row.attempts())
                .lastError(row.lastError())
                .familyId(row.familyId())
                .duplicateOf(row.duplicateOf())
                .similarity(row.similarity())
                .matchKind(kind(row.matchKind()));
    }

    private static FamilyMember member(DocumentEntity d) {
        return new FamilyMember(d.id)
                .title(d.title)
                .source(d.source)
                .duplicateOf(d.duplicateOf)
                .similarity(d.similarity)
                .matchKind(kind(d.matchKind))
                .receivedAt(utc(d.receivedAt));
    }

    private static MatchKind kind(String kind) {
        return kind == null ? null : MatchKind.valueOf(kind);
    }

    private List<String> authors(String json) {
        if (json == null) {
            return null;
        }
        try {
            return List.of(objectMapper.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored authors are not readable", e);
        }
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

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
