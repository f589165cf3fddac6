package io.quotewire.extraction.pipeline;

import java.util.Set;

/**
 * One step of the extraction pipeline. Each implementation declares the {@link Layer}s of the {@link Document}
 * it READS ({@link #requires()}) and the ones it ADDS or changes ({@link #assigns()}); {@link Pipeline} checks
 * when it is built that every required layer is assigned by an earlier step. Steps are stateless apart from
 * read-only resources, so one instance can serve many threads.
 */
public interface Step {

    /**
     * The parts of a {@link Document} that steps fill in, in the order the pipeline builds them. A step that
     * implements {@link Step} can name them without an import ({@code Layer.TOKENS}).
     */
    enum Layer {
        /** {@link Document#text} (and the title): there from the start. */
        TEXT,
        /** {@link Document#paragraphs}, with their sentence ranges and photo-credit / byline flags. */
        PARAGRAPHS,
        /** {@link Document#sentences} (character offsets). */
        SENTENCES,
        /**
         * {@link Document#tokens}, each sentence's token range, {@link Document#lowercaseWords} and
         * {@link Document#wordForms}.
         */
        TOKENS,
        /** {@link Document#quoteSpans}, and per token {@link Token#quote} / {@link Token#quoteMark}. */
        QUOTE_SPANS,
        /**
         * Name mentions ({@link Mention.Kind#NAME} in {@link Document#mentions}): spans, phrase starts, type,
         * titles, nationality, gender, evidence.
         */
        NAME_MENTIONS,
        /** {@link Document#entities}, and which entity each name mention belongs to ({@link Mention#entity}). */
        ENTITIES,
        /**
         * Pronoun and description mentions ({@link Mention.Kind#PRONOUN}, {@link Mention.Kind#DESCRIPTION}) with the
         * entity each refers to.
         */
        COREF_MENTIONS,
        /** Attributions of quote spans (DIRECT / PARTIAL) in {@link Document#quotes}: cue, speaker, confidence. */
        QUOTES,
        /** INDIRECT attributions (reported speech) in {@link Document#quotes}. */
        INDIRECT_QUOTES
    }

    /** The layers this step reads: each must be assigned by an earlier step (TEXT is always there). */
    Set<Layer> requires();

    /** The layers this step adds to or changes. */
    Set<Layer> assigns();

    void process(Document doc);
}
