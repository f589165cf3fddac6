package io.quotewire.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quotewire.ingest.api.model.DocumentSummaryPage;
import io.quotewire.ingest.api.model.FeedPage;
import jakarta.inject.Singleton;

/**
 * A page's {@code nextCursor} is absent on the last page, as in query-service's listings (the contract says so);
 * the generated model has no annotation for it, so a Jackson mix-in leaves its null fields out. Other responses
 * keep their null members.
 */
@Singleton
public class PageJson implements ObjectMapperCustomizer {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface NonNullMembers {
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(DocumentSummaryPage.class, NonNullMembers.class);
        mapper.addMixIn(FeedPage.class, NonNullMembers.class);
    }
}
