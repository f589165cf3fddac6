package io.quotewire.query.web;

import io.quotewire.query.api.QuotesApi;
import io.quotewire.query.api.model.QuotePage;
import io.quotewire.query.api.model.QuoteType;
import io.quotewire.query.service.QuoteQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** The generated interface has method-level paths only, hence the root path here. */
@Path("/")
public class QuoteResource implements QuotesApi {

    @Inject
    QuoteQueries quotes;

    @Override
    public QuotePage searchQuotes(String speaker, String q, QuoteType type, Integer limit, String cursor) {
        return quotes.search(speaker, q, type, limit, cursor);
    }
}
