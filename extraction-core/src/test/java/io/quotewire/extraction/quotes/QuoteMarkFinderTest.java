package io.quotewire.extraction.quotes;

import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.QuoteSpan;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class QuoteMarkFinderTest {

    private static Document find(String text) {
        return run(QuoteMarkFinder.class, before(QuoteMarkFinder.class, text));
    }

    private static String content(Document doc, QuoteSpan s) {
        return doc.text.substring(s.contentStart, s.contentEnd);
    }

    @Test
    void addsQuoteSpansAndMarksTheirTokens() {
        Document doc = find("\u201cWe will vote,\u201d the mayor said, calling it \"a fair deal.\" Residents don't agree.");
        assertThat(doc.quoteSpans).extracting(s -> content(doc, s)).containsExactly("We will vote,", "a fair deal.");
        QuoteSpan first = doc.quoteSpans.get(0);
        assertThat(doc.tokens.get(first.firstToken).text).isEqualTo("We");
        assertThat(doc.tokens.get(first.firstToken).quote).isZero();
        assertThat(doc.tokens.get(0).quoteMark).isTrue();
        assertThat(doc.tokens).filteredOn(t -> t.text.equals("mayor")).extracting(t -> t.quote).containsExactly(-1);
        assertThat(doc.tokens).filteredOn(t -> t.text.equals("don't")).extracting(t -> t.quoteMark)
                .containsExactly(false);
        assertThat(doc.mentions).isEmpty();
    }

    @Test
    void aQuoteOpenAtTheEndOfAParagraphGoesOnWhenTheNextOpensWithAMark() {
        Document doc = find("\u201cThe first part ends here.\n\u201cThe second part ends here,\u201d she said.");
        assertThat(doc.quoteSpans).hasSize(2);
        assertThat(doc.quoteSpans.get(0).close).isEqualTo(-1);
        assertThat(doc.quoteSpans.get(0).continuesInNextParagraph).isTrue();
        assertThat(doc.quoteSpans.get(1).continuesPrevious).isTrue();
    }
}
