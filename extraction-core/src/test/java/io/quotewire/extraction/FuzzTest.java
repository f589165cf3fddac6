package io.quotewire.extraction;

import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Pipeline;
import io.quotewire.extraction.pipeline.ResultAssembler;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Runs the pipeline WITHOUT the Extractor's safety net on random mixes of news fragments, quote marks and
 * punctuation: no step may throw.
 */
class FuzzTest {
    private static final String[] PIECES = {"\"", "“", "”", "‘", "’", "'", " ", " ", " ", "\n", "\n\n", ".", ",", ":",
            "—", "-", "(", ")", "?", "!", "said", "says", "told", "he", "she", "the", "The", "President", "Donald",
            "Trump", "Trump’s", "Sen.", "Mr.", "U.S.", "Kyiv", "Kremlin", "White", "House", "according", "to", "that",
            "a", "spokesperson", "Jr.", "J.", "of", "New", "York", "Times", "Putinsays", "onIn", "Ukrainian", "president",
            "Zelensky", "Zelenskyy", "Vladimir", "al-Sharaa", "Kremlin-White", "calling", "it", "We", "are", "ready",
            "By", "Jane", "Roe/Reuters", "via", "’90s", "don’t", "0", "1", "2025", "\t", "…", "«", "»", "„"};

    @Test
    void randomFragmentsNeverThrow() {
        Pipeline pipeline = new Pipeline(new Lexicon());
        ResultAssembler assembler = new ResultAssembler();
        Random r = new Random(1234);
        for (int round = 0; round < 400; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(300);
            for (int i = 0; i < n; i++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
                if (r.nextInt(3) == 0) {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            assertThatCode(() -> assembler.assemble(pipeline.run(text, null))).as(text).doesNotThrowAnyException();
        }
    }
}
