package io.quotewire.extraction;

import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Pipeline;
import io.quotewire.extraction.pipeline.ResultAssembler;

import java.util.List;

/**
 * Entry point: who is mentioned and who said what in one article. Loads the word lists once; an instance
 * is immutable, thread-safe and meant to be reused. See {@link Pipeline} for the steps.
 */
public final class Extractor {
    private static final System.Logger LOG = System.getLogger(Extractor.class.getName());
    private final Pipeline pipeline;
    private final ResultAssembler assembler = new ResultAssembler();

    public Extractor() {
        this.pipeline = new Pipeline(new Lexicon());
        pipeline.checkProvides(ResultAssembler.REQUIRES, "ResultAssembler");
    }

    /**
     * Extracts quotes and entities. Never throws on any input: null or empty text gives an empty result.
     *
     * @param text  the article body; all offsets in the result point into it
     * @param title the article title, or null; offsets never point into it (the title is not analysed: send it
     *              as part of the text to have its quotes and names read)
     */
    public Extraction extract(String text, String title) {
        if (text == null || text.isEmpty()) {
            return new Extraction(List.of(), List.of());
        }
        try {
            Document doc = pipeline.run(text, title);
            return assembler.assemble(doc);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must not take the caller down: report nothing rather than something wrong, and say so.
            LOG.log(System.Logger.Level.WARNING, "extraction failed on a text of " + text.length() + " characters", e);
            return new Extraction(List.of(), List.of());
        }
    }
}
