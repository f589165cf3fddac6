package io.quotewire.ingest.web;

import io.quotewire.ingest.api.DocumentsApi;
import io.quotewire.ingest.api.model.Document;
import io.quotewire.ingest.api.model.DocumentSubmission;
import io.quotewire.ingest.api.model.DocumentSummary;
import io.quotewire.ingest.api.model.IngestReceipt;
import io.quotewire.ingest.api.model.ProcessingStatus;
import io.quotewire.ingest.domain.DocumentStatus;
import io.quotewire.ingest.service.DocumentService;
import io.quotewire.ingest.service.ProblemException;
import io.quotewire.ingest.service.Submission;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.UUID;

/**
 * The contract's {@code Documents} endpoints. Status codes of receipts (202 new / 200 duplicate)
 * and the Location header are set by {@link ReceiptResponseFilter}; text/plain bodies are read by
 * {@link PlainTextSubmissionReader}. The generated interface has method-level paths only, hence
 * the root {@code @Path} here.
 */
@Path("/")
public class DocumentResource implements DocumentsApi {

    @Inject
    DocumentService documents;

    @Inject
    DocumentMapper mapper;

    @Override
    public IngestReceipt ingest(DocumentSubmission body) {
        if (body == null) {
            throw ProblemException.badRequest("a request body with the article text is required");
        }
        var submission = new Submission(body.getTitle(), body.getText(), body.getSource(), body.getUrl(),
                body.getPublishedAt() == null ? null : body.getPublishedAt().toInstant());
        return mapper.receipt(documents.accept(submission));
    }

    @Override
    public Document getDocument(UUID id) {
        return mapper.document(documents.get(id));
    }

    @Override
    public List<DocumentSummary> listDocuments(ProcessingStatus status, Integer limit) {
        DocumentStatus filter = status == null ? null : DocumentStatus.valueOf(status.name());
        return documents.list(filter, limit).stream().map(mapper::summary).toList();
    }

    @Override
    public IngestReceipt retryDocument(UUID id) {
        return mapper.receipt(documents.retry(id));
    }
}
