package io.quotewire.extraction.text;

import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Token;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static Document tokenize(String text) {
        return run(Tokenizer.class, before(Tokenizer.class, text));
    }

    @Test
    void addsTokensWithOffsetsPerSentence() {
        Document doc = tokenize("The U.S. mayor's plan won. Kremlin-White House talks don't matter.");
        assertThat(doc.tokens).extracting(t -> t.text).containsExactly("The", "U.S.", "mayor", "'s", "plan", "won",
                ".", "Kremlin", "-", "White", "House", "talks", "don't", "matter", ".");
        for (Token t : doc.tokens) {
            assertThat(doc.text.substring(t.start, t.end)).isEqualTo(t.text);
        }
        assertThat(doc.tokens.get(3).kind).isEqualTo(Token.Kind.POSSESSIVE);
        assertThat(doc.sentences.get(0).firstToken).isZero();
        assertThat(doc.sentences.get(0).endToken).isEqualTo(7);
        assertThat(doc.sentences.get(1).firstToken).isEqualTo(7);
        assertThat(doc.tokens.get(8).sentence).isEqualTo(1);
        assertThat(doc.lowercaseWords).contains("mayor", "plan", "talks").doesNotContain("kremlin");
        assertThat(doc.wordForms).contains("Kremlin", "White");
        assertThat(doc.quoteSpans).isEmpty();
    }
}
