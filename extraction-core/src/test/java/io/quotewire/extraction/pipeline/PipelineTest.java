package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.entities.CorefResolver;
import io.quotewire.extraction.entities.EntityLinker;
import io.quotewire.extraction.entities.NameFinder;
import io.quotewire.extraction.pipeline.Step.Layer;
import io.quotewire.extraction.quotes.IndirectSpeechFinder;
import io.quotewire.extraction.quotes.QuoteAttributor;
import io.quotewire.extraction.quotes.QuotationJoiner;
import io.quotewire.extraction.quotes.SourcePronouns;
import io.quotewire.extraction.quotes.QuoteMarkFinder;
import io.quotewire.extraction.text.GluedWordSplitter;
import io.quotewire.extraction.text.Segmenter;
import io.quotewire.extraction.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.quotewire.extraction.pipeline.StepFixture.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTest {

    private static List<Step> realOrder() {
        return new ArrayList<>(List.of(new Segmenter(LEXICON), new Tokenizer(LEXICON), new GluedWordSplitter(LEXICON),
                new QuoteMarkFinder(), new NameFinder(LEXICON), new EntityLinker(LEXICON), new CorefResolver(LEXICON),
                new QuoteAttributor(LEXICON), new QuotationJoiner(), new IndirectSpeechFinder(LEXICON),
                new SourcePronouns(LEXICON)));
    }

    @Test
    void theRealOrderPassesAndBuildsEveryLayer() {
        assertThatCode(() -> new Pipeline(realOrder())).doesNotThrowAnyException();
        Pipeline p = new Pipeline(LEXICON);
        assertThat(p.assigned()).containsExactlyInAnyOrder(Layer.values());
        assertThat(p.steps()).extracting(s -> s.getClass().getSimpleName()).containsExactly("Segmenter", "Tokenizer",
                "GluedWordSplitter", "QuoteMarkFinder", "NameFinder", "EntityLinker", "CorefResolver",
                "QuoteAttributor", "QuotationJoiner", "IndirectSpeechFinder", "SourcePronouns");
        assertThatCode(() -> p.checkProvides(ResultAssembler.REQUIRES, "ResultAssembler")).doesNotThrowAnyException();
    }

    @Test
    void aStepBeforeTheStepThatAssignsItsInputFails() {
        List<Step> steps = realOrder();
        steps.add(1, steps.remove(4)); // NameFinder right after the Segmenter: no tokens yet
        assertThatThrownBy(() -> new Pipeline(steps)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step 2 (NameFinder)").hasMessageContaining("TOKENS")
                .hasMessageContaining("QUOTE_SPANS");
    }

    @Test
    void swappedLinkerAndResolverFail() {
        List<Step> steps = realOrder();
        steps.add(5, steps.remove(6)); // CorefResolver before EntityLinker
        assertThatThrownBy(() -> new Pipeline(steps)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(CorefResolver) requires [ENTITIES]");
    }

    @Test
    void attributionWithoutCoreferenceFails() {
        List<Step> steps = realOrder();
        steps.remove(6); // no CorefResolver: QuoteAttributor reads pronouns and descriptions
        assertThatThrownBy(() -> new Pipeline(steps)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(QuoteAttributor) requires [COREF_MENTIONS]");
    }

    @Test
    void aMissingOutputLayerFails() {
        List<Step> steps = realOrder().subList(0, 7); // no quote attribution
        Pipeline p = new Pipeline(steps);
        assertThat(p.assigned()).doesNotContain(Layer.QUOTES, Layer.INDIRECT_QUOTES);
        assertThatThrownBy(() -> p.checkProvides(ResultAssembler.REQUIRES, "ResultAssembler"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ResultAssembler requires [QUOTES]");
    }

    @Test
    void aStepMayRequireWhatItAssigns() {
        // GluedWordSplitter rewrites the tokens it reads: fine after the Tokenizer, not before it
        List<Step> steps = realOrder();
        steps.add(1, steps.remove(2));
        assertThatThrownBy(() -> new Pipeline(steps)).hasMessageContaining("(GluedWordSplitter) requires [TOKENS]");
    }

    @Test
    void theQuoteStepsDeclareTheEntitiesTheirCueReadersAdd() {
        assertThat(new QuoteAttributor(LEXICON).assigns()).contains(Layer.ENTITIES, Layer.QUOTES);
        assertThat(new IndirectSpeechFinder(LEXICON).assigns()).contains(Layer.ENTITIES, Layer.INDIRECT_QUOTES);
        assertThat(EnumSet.copyOf(new NameFinder(LEXICON).assigns())).containsExactly(Layer.NAME_MENTIONS);
    }

    @Test
    void theReadmeTableShowsTheDeclarations() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        for (Step step : new Pipeline(LEXICON).steps()) {
            String name = step.getClass().getName().replace("io.quotewire.extraction.", "");
            String row = readme.stream().filter(l -> l.startsWith("|") && l.contains("`" + name + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("no README row for " + name));
            String[] cells = row.split("\\|");
            assertThat(layers(cells[3])).as(name + " reads").isEqualTo(names(step.requires()));
            assertThat(layers(cells[4])).as(name + " adds").isEqualTo(names(step.assigns()));
        }
    }

    private static Set<String> layers(String cell) {
        return new TreeSet<>(Arrays.stream(cell.split(",")).map(String::trim).toList());
    }

    private static Set<String> names(Set<Layer> layers) {
        return new TreeSet<>(layers.stream().map(Enum::name).toList());
    }
}
