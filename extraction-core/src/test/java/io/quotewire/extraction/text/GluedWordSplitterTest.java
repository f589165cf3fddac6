package io.quotewire.extraction.text;

import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Token;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class GluedWordSplitterTest {

    @Test
    void splitsANameGluedToASpeechVerbAndReindexesSentences() {
        Document doc = before(GluedWordSplitter.class, "Okafor arrived late. Okaforsaid the vote was close. It was.");
        assertThat(doc.tokens).extracting(t -> t.text).contains("Okaforsaid");
        run(GluedWordSplitter.class, doc);
        assertThat(doc.tokens).extracting(t -> t.text).containsSequence("Okafor", "said", "the")
                .doesNotContain("Okaforsaid");
        for (Token t : doc.tokens) {
            assertThat(doc.text.substring(t.start, t.end)).isEqualTo(t.text);
        }
        assertThat(doc.sentences.get(1).endToken - doc.sentences.get(1).firstToken).isEqualTo(7);
        assertThat(doc.sentences.get(2).firstToken).isEqualTo(doc.sentences.get(1).endToken);
        assertThat(doc.tokens.get(doc.sentences.get(2).firstToken).text).isEqualTo("It");
    }

    @Test
    void splitsALowerCaseWordGluedToACapitalisedOne() {
        Document doc = run(GluedWordSplitter.class, before(GluedWordSplitter.class, "They met onMonday at noon."));
        assertThat(doc.tokens).extracting(t -> t.text).containsSequence("on", "Monday");
    }

    @Test
    void splitsTwoNamesRunTogether() {
        Document doc = run(GluedWordSplitter.class, before(GluedWordSplitter.class,
                "Hillary ClintonBernie Sanders debate drew viewers, Clinton said."));
        assertThat(doc.tokens).extracting(t -> t.text).containsSequence("Hillary", "Clinton", "Bernie", "Sanders");
    }

    @Test
    void leavesANameWithAnInnerCapitalAlone() {
        Document doc = run(GluedWordSplitter.class, before(GluedWordSplitter.class,
                "Gen. Douglas MacArthur Foundation staff met LeBron James and DeSantis Aides."));
        assertThat(doc.tokens).extracting(t -> t.text).contains("MacArthur", "LeBron", "DeSantis");
    }

    @Test
    void leavesOrdinaryWordsAlone() {
        Document doc = before(GluedWordSplitter.class, "Ambassadors said nothing.");
        int n = doc.tokens.size();
        run(GluedWordSplitter.class, doc);
        assertThat(doc.tokens).hasSize(n);
    }
}
