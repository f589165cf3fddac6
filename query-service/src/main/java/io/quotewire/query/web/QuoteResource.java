package io.quotewire.query.web;

import io.quotewire.query.api.QuotesApi;
import io.quotewire.query.api.model.QuoteClusterPage;
import io.quotewire.query.api.model.QuoteClusterView;
import io.quotewire.query.api.model.QuotePage;
import io.quotewire.query.api.model.QuoteSort;
import io.quotewire.query.api.model.QuoteType;
import io.quotewire.query.read.QuoteClusters;
import io.quotewire.query.read.QuoteFilter;
import io.quotewire.query.read.QuoteQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.time.OffsetDateTime;

/** The generated interface has method-level paths only, hence the root path here. */
@Path("/")
public class QuoteResource implements QuotesApi {

    @Inject
    QuoteQueries quotes;

    @Inject
    QuoteClusters clusters;

    @Override
    public QuotePage searchQuotes(String speaker, Long speakerId, Long about, String q, QuoteType type, String source,
                                  OffsetDateTime from, OffsetDateTime to, Boolean perFamily, QuoteSort sort,
                                  Integer limit, String cursor) {
        return quotes.search(new QuoteFilter(speaker, speakerId, about, q, type, source, from, to,
                Boolean.TRUE.equals(perFamily)), sort, limit, cursor);
    }

    @Override
    public QuoteClusterPage searchQuoteClusters(String q, Integer minOccurrences, Integer limit, String cursor) {
        return clusters.search(q, minOccurrences, limit, cursor);
    }

    @Override
    public QuoteClusterView getQuoteCluster(Long id, Integer limit, String cursor) {
        return clusters.get(id, limit, cursor);
    }
}
