package io.quotewire.query.web;

import io.quotewire.query.api.IndexApi;
import io.quotewire.query.api.model.IndexBatch;
import io.quotewire.query.api.model.IndexBatchItem;
import io.quotewire.query.api.model.IndexBatchResult;
import io.quotewire.query.api.model.IndexItemResult;
import io.quotewire.query.api.model.IndexedDocument;
import io.quotewire.query.api.model.Problem;
import io.quotewire.query.index.IndexService;
import io.quotewire.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Internal feed from ingest-service: add or replace one extracted document, or a batch of them in
 * one transaction. The generated interface has method-level paths only, hence the root path here.
 */
@Path("/")
public class IndexResource implements IndexApi {

    @Inject
    IndexService index;

    /** Most documents in one batch; more is a 413 and nothing is stored. */
    @ConfigProperty(name = "quotewire.index.max-batch", defaultValue = "100")
    int maxBatch;

    @Override
    public void indexDocument(UUID id, IndexedDocument indexedDocument) {
        index.index(id, indexedDocument);
    }

    @Override
    public IndexBatchResult indexBatch(IndexBatch batch) {
        if (batch == null || batch.getDocuments() == null || batch.getDocuments().isEmpty()) {
            throw ProblemException.badParameter("documents", "a batch needs at least one document");
        }
        if (batch.getDocuments().size() > maxBatch) {
            throw new ProblemException(413, "Content Too Large", "the batch has " + batch.getDocuments().size()
                    + " documents; at most " + maxBatch + " per request (quotewire.index.max-batch)");
        }
        List<IndexService.BatchItem> items = new ArrayList<>(batch.getDocuments().size());
        for (int i = 0; i < batch.getDocuments().size(); i++) {
            IndexBatchItem item = batch.getDocuments().get(i);
            if (item == null || item.getId() == null || item.getDocument() == null) {
                throw ProblemException.badParameter("documents", "documents[" + i + "] needs an id and a document");
            }
            items.add(new IndexService.BatchItem(item.getId(), item.getDocument()));
        }
        IndexBatchResult answer = new IndexBatchResult().results(new ArrayList<>());
        for (IndexService.BatchResult r : index.indexBatch(items)) {
            IndexItemResult result = new IndexItemResult().id(r.id())
                    .status(IndexItemResult.StatusEnum.valueOf(r.outcome().name()));
            if (r.problem() != null) {
                result.problem(new Problem().type("about:blank").title(r.problem().title())
                        .status(r.problem().status()).detail(r.problem().getMessage()));
            }
            answer.addResultsItem(result);
        }
        return answer;
    }
}
