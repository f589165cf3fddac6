package io.quotewire.query.web;

import io.quotewire.query.api.IndexApi;
import io.quotewire.query.api.model.IndexedDocument;
import io.quotewire.query.index.IndexService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.UUID;

/**
 * Internal feed from ingest-service: add or replace one extracted document. The generated
 * interface has method-level paths only, hence the root path here.
 */
@Path("/")
public class IndexResource implements IndexApi {

    @Inject
    IndexService index;

    @Override
    public void indexDocument(UUID id, IndexedDocument indexedDocument) {
        index.index(id, indexedDocument);
    }
}
