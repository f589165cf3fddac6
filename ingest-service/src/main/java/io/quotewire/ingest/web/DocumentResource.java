package io.quotewire.ingest.web;

import io.quotewire.ingest.api.DocumentsApi;
import io.quotewire.ingest.api.model.BatchResult;
import io.quotewire.ingest.api.model.Document;
import io.quotewire.ingest.api.model.DocumentSubmission;
import io.quotewire.ingest.api.model.DocumentSummaryPage;
import io.quotewire.ingest.api.model.FetchRequest;
import io.quotewire.ingest.api.model.IngestReceipt;
import io.quotewire.ingest.api.model.ProcessingStatus;
import io.quotewire.ingest.domain.DocumentEntity;
import io.quotewire.ingest.domain.DocumentStatus;
import io.quotewire.ingest.service.Admission;
import io.quotewire.ingest.service.ArticleInput;
import io.quotewire.ingest.service.ArticlePreparer;
import io.quotewire.ingest.service.DocumentListPage;
import io.quotewire.ingest.service.DocumentService;
import io.quotewire.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.UUID;

/**
 * The contract's {@code Documents} endpoints. Status codes of receipts (202 new / 200 duplicate)
 * and the Location header are set by {@link ReceiptResponseFilter}; text/plain and text/html
 * bodies are read by {@link PlainTextSubmissionReader} and {@link HtmlSubmissionReader}. The
 * generated interface has method-level paths only, hence the root {@code @Path} here.
 */
@Path("/")
public class DocumentResource implements DocumentsApi {

    /** Members listed with a document. */
    static final int FAMILY_LIMIT = 100;

    @Inject
    DocumentService documents;

    @Inject
    ArticlePreparer preparer;

    @Inject
    BatchIngest batch;

    @Inject
    DocumentMapper mapper;

    @Inject
    Admission admission;

    @Override
    public IngestReceipt ingest(DocumentSubmission body, String xSourceUrl) {
        if (body == null) {
            throw ProblemException.badRequest("a request body with the article is required");
        }
        admission.admit();
        if (body.getUrl() == null && xSourceUrl != null && !xSourceUrl.isBlank()) {
            body.setUrl(PlainTextSubmissionReader.headerText(xSourceUrl).strip());
        }
        return mapper.receipt(documents.accept(preparer.prepare(input(body))));
    }

    @Override
    public IngestReceipt fetchDocument(FetchRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a request body with the url is required");
        }
        admission.admit();
        return mapper.receipt(documents.accept(preparer.prepare(
                ArticleInput.url(request.getUrl(), request.getTitle(), request.getSource()))));
    }

    @Override
    public BatchResult ingestBatch(String body) {
        admission.admit();
        return batch.ingest(body);
    }

    @Override
    public Document getDocument(UUID id) {
        DocumentEntity document = documents.get(id);
        return mapper.document(document, documents.family(document.familyId, FAMILY_LIMIT));
    }

    @Override
    public DocumentSummaryPage listDocuments(ProcessingStatus status, Integer limit, String cursor) {
        DocumentStatus filter = status == null ? null : DocumentStatus.valueOf(status.name());
        DocumentListPage page = documents.list(filter, limit, cursor);
        return new DocumentSummaryPage(page.rows().stream().map(mapper::summary).toList())
                .nextCursor(page.nextCursor());
    }

    @Override
    public IngestReceipt retryDocument(UUID id) {
        return mapper.receipt(documents.retry(id));
    }

    static ArticleInput input(DocumentSubmission body) {
        return new ArticleInput(body.getTitle(), body.getText(), body.getHtml(), body.getSource(), body.getUrl(),
                body.getPublishedAt() == null ? null : body.getPublishedAt().toInstant(), body.getAuthors(),
                body.getLanguage());
    }
}
