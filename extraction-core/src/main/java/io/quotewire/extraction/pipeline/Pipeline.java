package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.entities.CorefResolver;
import io.quotewire.extraction.entities.EntityLinker;
import io.quotewire.extraction.entities.NameFinder;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.quotes.IndirectSpeechFinder;
import io.quotewire.extraction.quotes.QuoteAttributor;
import io.quotewire.extraction.quotes.QuoteMarkFinder;
import io.quotewire.extraction.quotes.QuotationJoiner;
import io.quotewire.extraction.text.GluedWordSplitter;
import io.quotewire.extraction.text.Segmenter;
import io.quotewire.extraction.text.Tokenizer;

import java.util.List;

/** The extraction steps, in the order they run. Read this list to find where anything happens. */
public final class Pipeline {
    private final List<Step> steps;

    public Pipeline(Lexicon lexicon) {
        this.steps = List.of(
                new Segmenter(lexicon),          // paragraphs, sentences
                new Tokenizer(lexicon),          // tokens with offsets
                new GluedWordSplitter(lexicon),  // "Putinsays" -> "Putin" "says"
                new QuoteMarkFinder(),           // quote spans
                new NameFinder(lexicon),         // name mentions with titles
                new EntityLinker(lexicon),       // one entity per person / org / place
                new CorefResolver(lexicon),      // he/she, "the Ukrainian president" -> person
                new QuoteAttributor(lexicon),    // cue + speaker + DIRECT/PARTIAL for each quote
                new QuotationJoiner(),           // "…," she said. "…" and multi-paragraph quotes -> one quotation
                new IndirectSpeechFinder(lexicon) // reported speech -> INDIRECT
        );
    }

    public List<Step> steps() {
        return steps;
    }

    public Document run(String text, String title) {
        Document doc = new Document(text, title);
        for (Step step : steps) {
            step.process(doc);
        }
        return doc;
    }
}
