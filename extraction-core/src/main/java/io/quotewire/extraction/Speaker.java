package io.quotewire.extraction;

/**
 * The speaker of a quote, resolved to an entity of the same extraction.
 *
 * @param name canonical name of the entity ("Volodymyr Zelensky")
 * @param entityId id of the entity in {@link Extraction#entities()}
 * @param mention the words in the text that name the speaker at this quote ("he", "the Ukrainian president",
 *                "Zelensky"), or null when the speaker is carried over from an earlier paragraph
 */
public record Speaker(String name, String entityId, EntityType type, Span mention) {
}
