package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.entities.CorefResolver;
import io.quotewire.extraction.entities.EntityLinker;
import io.quotewire.extraction.entities.NameFinder;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Step.Layer;
import io.quotewire.extraction.quotes.IndirectSpeechFinder;
import io.quotewire.extraction.quotes.QuoteAttributor;
import io.quotewire.extraction.quotes.QuoteMarkFinder;
import io.quotewire.extraction.quotes.QuotationJoiner;
import io.quotewire.extraction.quotes.SourcePronouns;
import io.quotewire.extraction.text.GluedWordSplitter;
import io.quotewire.extraction.text.Segmenter;
import io.quotewire.extraction.text.Tokenizer;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The extraction steps, in the order they run. Read this list to find where anything happens. Building a
 * pipeline checks the order: every layer a step {@link Step#requires() requires} must be
 * {@link Step#assigns() assigned} by an earlier step.
 */
public final class Pipeline {
    /** What a new {@link Document} holds before any step ran. */
    static final Set<Layer> GIVEN = Collections.unmodifiableSet(EnumSet.of(Layer.TEXT));

    private final List<Step> steps;
    private final Set<Layer> assigned;

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
                new IndirectSpeechFinder(lexicon), // reported speech -> INDIRECT
                new SourcePronouns(lexicon)      // "the Times wrote … it further wrote" -> the Times
        );
        this.assigned = Collections.unmodifiableSet(checkOrder(steps));
    }

    /**
     * A pipeline of these steps, in this order.
     *
     * @throws IllegalStateException when a step requires a layer that no earlier step assigns
     */
    public Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.assigned = Collections.unmodifiableSet(checkOrder(this.steps));
    }

    /**
     * Checks that every step finds the layers it requires; returns the layers the document holds after all steps.
     *
     * @throws IllegalStateException naming the first step whose required layer no earlier step assigns
     */
    static Set<Layer> checkOrder(List<Step> steps) {
        Set<Layer> have = EnumSet.copyOf(GIVEN);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Set<Layer> missing = EnumSet.noneOf(Layer.class);
            missing.addAll(step.requires());
            missing.removeAll(have);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("pipeline step " + (i + 1) + " (" + step.getClass().getSimpleName()
                        + ") requires " + missing + ", which no earlier step assigns (available: " + have + ")");
            }
            have.addAll(step.assigns());
        }
        return have;
    }

    /**
     * Checks that the document will hold what a consumer of the finished document reads.
     *
     * @throws IllegalStateException when a needed layer is assigned by no step
     */
    public void checkProvides(Set<Layer> needed, String consumer) {
        Set<Layer> missing = EnumSet.noneOf(Layer.class);
        missing.addAll(needed);
        missing.removeAll(assigned);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(consumer + " requires " + missing + ", which no pipeline step assigns");
        }
    }

    public List<Step> steps() {
        return steps;
    }

    /** The layers a document holds after all steps ran. */
    public Set<Layer> assigned() {
        return assigned;
    }

    public Document run(String text, String title) {
        Document doc = new Document(text, title);
        for (Step step : steps) {
            step.process(doc);
        }
        return doc;
    }
}
