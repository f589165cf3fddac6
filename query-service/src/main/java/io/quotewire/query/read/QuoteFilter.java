package io.quotewire.query.read;

import io.quotewire.query.api.model.QuoteType;

import java.time.OffsetDateTime;

/**
 * The filters of a quote listing ({@code GET /quotes} and its export). All filters combine (AND);
 * null means "any".
 *
 * @param speaker   name, alias or surname of the speaker
 * @param speakerId speaker entity id
 * @param about     entity id the quote (or its sentence) names
 * @param q         websearch_to_tsquery words in the quote
 * @param type      DIRECT, PARTIAL or INDIRECT
 * @param source    the article's source (case-insensitive)
 * @param from      sort_at at or after
 * @param to        sort_at before
 * @param perFamily only the first occurrence of a quote (cluster) within one duplicate family
 */
public record QuoteFilter(String speaker, Long speakerId, Long about, String q, QuoteType type, String source,
                          OffsetDateTime from, OffsetDateTime to, boolean perFamily) {
}
