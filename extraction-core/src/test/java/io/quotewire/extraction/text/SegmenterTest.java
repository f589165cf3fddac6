package io.quotewire.extraction.text;

import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Sentence;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class SegmenterTest {

    private static Document segment(String text) {
        return run(Segmenter.class, before(Segmenter.class, text));
    }

    private static String sentence(Document doc, int i) {
        Sentence s = doc.sentences.get(i);
        return doc.text.substring(s.start, s.end);
    }

    @Test
    void addsParagraphsAndSentencesButNoTokens() {
        Document doc = segment("Sen. Jane Roe spoke on Jan. 5 in the U.S. capital. She left early.\n\n"
                + "Donald J. Trump did not reply.");
        assertThat(doc.paragraphs).hasSize(2);
        assertThat(doc.sentences).hasSize(3);
        assertThat(sentence(doc, 0)).isEqualTo("Sen. Jane Roe spoke on Jan. 5 in the U.S. capital.");
        assertThat(sentence(doc, 1)).isEqualTo("She left early.");
        assertThat(sentence(doc, 2)).isEqualTo("Donald J. Trump did not reply.");
        assertThat(doc.sentences.get(2).paragraph).isEqualTo(1);
        assertThat(doc.paragraphs.get(0).firstSentence).isZero();
        assertThat(doc.paragraphs.get(0).endSentence).isEqualTo(2);
        assertThat(doc.tokens).isEmpty();
    }

    @Test
    void marksCreditAndBylineLines() {
        Document doc = segment("By Jane Roe and John Doe, Metro Desk\nThe council met on Monday.\nSam Poe/Wire Photos");
        assertThat(doc.paragraphs).extracting(p -> p.credit).containsExactly(true, false, true);
    }
}
