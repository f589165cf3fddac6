package io.quotewire.query.web;

import io.quotewire.query.api.DocumentsApi;
import io.quotewire.query.api.model.DocumentPage;
import io.quotewire.query.api.model.DocumentView;
import io.quotewire.query.read.DocumentQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The generated interface has method-level paths only, hence the root path here. */
@Path("/")
public class DocumentResource implements DocumentsApi {

    @Inject
    DocumentQueries documents;

    @Override
    public DocumentView getDocument(UUID id) {
        return documents.view(id);
    }

    @Override
    public DocumentPage searchDocuments(String q, Long entity, String source, OffsetDateTime from, OffsetDateTime to,
                                        Integer limit, String cursor) {
        return documents.search(q, entity, source, from, to, limit, cursor);
    }
}
