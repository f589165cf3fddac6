package io.quotewire.ingest.web;

import io.quotewire.ingest.api.CleaningApi;
import io.quotewire.ingest.api.model.CleanedArticle;
import io.quotewire.ingest.api.model.DocumentSubmission;
import io.quotewire.ingest.service.ArticlePreparer;
import io.quotewire.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** {@code POST /api/v1/cleanings}: what the ingest would store for an input; stores nothing. */
@Path("/")
public class CleaningResource implements CleaningApi {

    @Inject
    ArticlePreparer preparer;

    @Override
    public CleanedArticle clean(DocumentSubmission body) {
        if (body == null) {
            throw ProblemException.badRequest("a request body with the page or text is required");
        }
        io.quotewire.cleaner.CleanedArticle c = preparer.clean(DocumentResource.input(body));
        return new CleanedArticle(c.text(), c.title(), c.authors())
                .publishedAt(c.publishedAt())
                .language(c.language())
                .canonicalUrl(c.canonicalUrl())
                .siteName(c.siteName());
    }
}
