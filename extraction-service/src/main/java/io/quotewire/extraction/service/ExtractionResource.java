package io.quotewire.extraction.service;

import io.quotewire.web.ProblemException;

import io.quotewire.extraction.api.ExtractionsApi;
import io.quotewire.extraction.api.model.Extraction;
import io.quotewire.extraction.api.model.ExtractionRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** {@code POST /api/v1/extractions}: validates the request and hands the text to the extraction core. */
@Path("/")
public class ExtractionResource implements ExtractionsApi {

    @Inject
    ExtractionService service;

    @Override
    public Extraction extract(ExtractionRequest request) {
        if (request == null || request.getText() == null) {
            throw new ProblemException(400, "Missing text", "The body must be JSON with a \"text\" field.");
        }
        return service.extract(request.getText(), request.getTitle());
    }
}
