package io.quotewire.extraction;

/**
 * The speaker of a quote, resolved to an entity of the same extraction.
 *
 * @param name       canonical name of the entity ("Volodymyr Zelensky")
 * @param entityId   id of the entity in {@link Extraction#entities()}, or null for a source the text describes but
 *                   never names ({@link Resolution#UNNAMED})
 * @param mention    the words in the text the cue attaches to at this quote ("he", "the Ukrainian president",
 *                   "Zelensky"); for {@link Resolution#CONTINUED}, the words that named the speaker at the quote this
 *                   one goes on from
 * @param resolution how the mention became the name, so a reader can check it
 */
public record Speaker(String name, String entityId, EntityType type, Span mention, Resolution resolution) {

    /** How a speaker was found. */
    public enum Resolution {
        /** The cue's subject is the name itself ("Zelensky said"). */
        NAME,
        /** A personal pronoun ("he said") resolved to the person it refers to. */
        PRONOUN,
        /** A role description ("the senator said", "the Ukrainian president") resolved to the person with that role. */
        DESCRIPTION,
        /** A reference to an organization ("the ministry said", "it said in a statement") resolved to its name. */
        ORGANIZATION,
        /**
         * No longer produced: a cue-less quote that goes on with the speaker of the quote before it is a further part
         * of that quotation. Kept for answers stored before, which carry it.
         */
        CONTINUED,
        /**
         * A source the text describes but never names ("a senior Cruz adviser said", "police said"): the name is the
         * description as written, and there is no entity.
         */
        UNNAMED
    }
}
