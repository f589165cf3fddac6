package io.quotewire.extraction;

import java.util.List;

/** What the extractor found in one article: quotes with their speakers, and the entities mentioned. */
public record Extraction(List<Quote> quotes, List<Entity> entities) {
    public Extraction {
        quotes = List.copyOf(quotes);
        entities = List.copyOf(entities);
    }
}
