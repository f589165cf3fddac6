package io.quotewire.extraction;

import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Pipeline;
import io.quotewire.extraction.pipeline.ResultAssembler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests (jqwik) of the extractor on random and mutated input: random unicode, quote-mark storms,
 * news fragments in random order, real articles (seeds and dev corpus) with random insertions, deletions and case
 * flips, very long tokens. The pipeline runs WITHOUT the Extractor's safety net (which turns an exception into an
 * empty answer), so any exception fails the property; every answer must have its offsets inside the text, each
 * quote's text equal to the text at its offsets, and every entity mention equal to the text at its offsets.
 */
class ExtractorPropertiesTest {
    private static final Pipeline PIPELINE = new Pipeline(new Lexicon());
    private static final ResultAssembler ASSEMBLER = new ResultAssembler();
    private static final List<String> ARTICLES = articles();
    private static final String[] PIECES = {"\"", "“", "”", "‘", "’", "'", " ", " ", " ", "\n", "\n\n", ".", ",", ":",
            "—", "-", "(", ")", "?", "!", "said", "says", "told", "he", "she", "the", "The", "President", "Donald",
            "Trump", "Trump’s", "Sen.", "Mr.", "U.S.", "Kyiv", "Kremlin", "White", "House", "according", "to", "that",
            "a", "spokesperson", "Jr.", "J.", "of", "New", "York", "Times", "Putinsays", "onIn", "Ukrainian", "president",
            "Zelensky", "Zelenskyy", "Vladimir", "al-Sharaa", "Kremlin-White", "calling", "it", "We", "are", "ready",
            "By", "Jane", "Roe/Reuters", "via", "’90s", "don’t", "0", "1", "2025", "\t", "…", "«", "»", "„", "R-Texas",
            "D-N.Y.", "(R-Mo.)", "who", "the senator", "the former president", "according to a statement from"};

    /**
     * One property over every kind of input, mixed by weight: 10 % are 10,000–60,000-character tokens, which
     * cost the most. A failure is shrunk to the smallest input of its kind that still fails.
     */
    @Property(tries = 1000)
    void anyInputGivesAConsistentAnswer(@ForAll("inputs") String text) {
        check(text);
    }

    @Provide
    @SuppressWarnings("unchecked")
    Arbitrary<String> inputs() {
        return Arbitraries.frequencyOf(Tuple.of(25, unicode()), Tuple.of(20, quoteStorms()), Tuple.of(25, fragments()),
                Tuple.of(25, mutatedArticles()), Tuple.of(5, longTokens()));
    }

    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(2_000);
    }

    Arbitrary<String> quoteStorms() {
        Arbitrary<String> marks = Arbitraries.of("\"", "“", "”", "‘", "’", "'", "«", "»", "„", " ", "a", "\n\n", ".");
        return marks.list().ofMaxSize(3_000).map(l -> String.join("", l));
    }

    Arbitrary<String> fragments() {
        return Arbitraries.of(PIECES).list().ofMaxSize(400).map(l -> String.join(" ", l));
    }

    Arbitrary<String> longTokens() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcXYZ'’\"-.").ofMinLength(10_000).ofMaxLength(60_000);
        return Combinators.combine(word, Arbitraries.of(ARTICLES))
                .as((w, article) -> article.substring(0, Math.min(article.length(), 500)) + " " + w + " said Trump.");
    }

    /** A real article with 1–40 random edits: insert a piece, delete a run of characters, or flip case. */
    Arbitrary<String> mutatedArticles() {
        Arbitrary<Tuple.Tuple4<Integer, Double, Integer, String>> edit = Combinators.combine(
                Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 200), Arbitraries.of(PIECES)).as(Tuple::of);
        return Combinators.combine(Arbitraries.of(ARTICLES), edit.list().ofMinSize(1).ofMaxSize(40))
                .as(ExtractorPropertiesTest::mutate);
    }

    private static String mutate(String article, List<Tuple.Tuple4<Integer, Double, Integer, String>> edits) {
        StringBuilder sb = new StringBuilder(article);
        for (Tuple.Tuple4<Integer, Double, Integer, String> e : edits) {
            int at = (int) (e.get2() * sb.length());
            int len = Math.min(e.get3(), sb.length() - at);
            switch (e.get1()) {
                case 0 -> sb.insert(at, e.get4());
                case 1 -> sb.delete(at, at + len);
                default -> {
                    String run = sb.substring(at, at + len);
                    String flipped = run.equals(run.toUpperCase(Locale.ROOT)) ? run.toLowerCase(Locale.ROOT)
                            : run.toUpperCase(Locale.ROOT);
                    if (flipped.length() == run.length()) {
                        sb.replace(at, at + len, flipped);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void check(String text) {
        Extraction x = ASSEMBLER.assemble(PIPELINE.run(text, null)); // no safety net: an exception fails
        for (Quote q : x.quotes()) {
            assertThat(q.start()).as("quote start").isBetween(0, q.end());
            assertThat(q.end()).as("quote end").isLessThanOrEqualTo(text.length());
            assertThat(q.parts()).as("quote parts").isNotEmpty();
            for (Span part : q.parts()) {
                checkSpan(text, part);
            }
            assertThat(String.join(" ", q.parts().stream().map(Span::text).toList()))
                    .as("quote text is its parts' words").isEqualTo(q.text());
            assertThat(q.parts().get(0).start()).as("quote starts with its first part").isEqualTo(q.start());
            assertThat(q.parts().get(q.parts().size() - 1).end()).as("quote ends with its last part")
                    .isEqualTo(q.end());
            checkSpan(text, q.sentence());
            if (q.sentence() != null && q.type() != QuoteType.INDIRECT) {
                assertThat(q.sentence().start()).as("sentence holds its quote").isLessThanOrEqualTo(q.start());
                assertThat(q.sentence().end()).as("sentence holds its quote").isGreaterThanOrEqualTo(q.end());
            }
            checkSpan(text, q.cue());
            if (q.speaker() != null) {
                assertThat(q.speaker().name()).isNotBlank();
                checkSpan(text, q.speaker().mention());
            }
        }
        for (Entity e : x.entities()) {
            assertThat(e.name()).isNotBlank();
            for (Span m : e.mentions()) {
                checkSpan(text, m);
            }
        }
    }

    /** A cue or mention span lies inside the text and holds the text at its offsets. */
    private static void checkSpan(String text, Span span) {
        if (span == null) {
            return;
        }
        assertThat(span.start()).isBetween(0, span.end());
        assertThat(span.end()).isLessThanOrEqualTo(text.length());
        assertThat(text.substring(span.start(), span.end())).as("span text at its offsets").isEqualTo(span.text());
    }

    private static List<String> articles() {
        List<String> texts = new ArrayList<>();
        for (Path dir : List.of(Path.of("../seeds"), Path.of("src/test/resources/devcorpus"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    texts.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(texts).as("seed and dev-corpus articles").isNotEmpty();
        return texts;
    }
}
