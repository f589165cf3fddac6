package io.quotewire.extraction;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static io.quotewire.extraction.Fixtures.extract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RobustnessTest {

    @Test
    void emptyAndNullGiveEmptyResults() {
        assertThat(Fixtures.EXTRACTOR.extract("", null).quotes()).isEmpty();
        assertThat(Fixtures.EXTRACTOR.extract(null, null).entities()).isEmpty();
        assertThat(extract("   \n\n\t ").quotes()).isEmpty();
    }

    @Test
    void binaryJunkDoesNotThrow() {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append((char) r.nextInt(0x3000));
        }
        assertThat(extract(sb.toString())).isNotNull();
    }

    /** Not a speed limit: a generous guard so that a hang fails the build instead of stalling it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void oneHundredThousandQuoteMarksInARow() {
        String marks = "\"".repeat(100_000) + "“”‘’'".repeat(20_000);
        assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> extract(marks)).quotes()).isEmpty();
        String alternating = "He said " + "\" a".repeat(100_000);
        assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> extract(alternating)).quotes()).isNotEmpty();
        // 100,000 straight marks closing and opening 50,000 one-word quotes
        String pairs = "He said " + "\"a\" ".repeat(50_000);
        Extraction x = assertTimeoutPreemptively(HANG_GUARD, () -> extract(pairs));
        assertThat(x.quotes()).hasSize(50_000).allSatisfy(q -> assertThat(q.text()).isEqualTo("a"));
    }

    @Test
    void oneHundredThousandCurlyQuotesWithAnAttribution() {
        String text = "Senator Jane Roe said: " + "“no” ".repeat(100_000);
        Extraction x = assertTimeoutPreemptively(HANG_GUARD, () -> extract(text));
        assertThat(x.quotes()).hasSize(100_000).allSatisfy(q -> assertThat(q.text()).isEqualTo("no"));
        assertThat(x.quotes().get(0).speaker().name()).isEqualTo("Jane Roe");
        // the run-on "sentence" is cut around each quote: the answer stays linear in the input
        long sentenceChars = x.quotes().stream().mapToLong(q -> q.sentence().text().length()).sum();
        assertThat(sentenceChars).isLessThan(3L * text.length());
        assertThat(x.quotes().get(500).sentence().text()).contains("“no”").hasSizeLessThan(500);
    }

    @Test
    void fiveMegabytesOfNewsText() {
        String paragraph = "\"We are ready to talk,\" Ukrainian President Volodymyr Zelensky said on Tuesday in Kyiv. "
                + "Trump said the talks would start soon, and the Kremlin said Putin was \"open\" to a meeting.\n\n";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 5_000_000) {
            sb.append(paragraph);
        }
        Extraction x = assertTimeoutPreemptively(HANG_GUARD, () -> Fixtures.EXTRACTOR.extract(sb.toString(), null));
        long count = sb.length() / paragraph.length();
        assertThat(x.quotes()).hasSizeGreaterThanOrEqualTo((int) count * 2);
        assertThat(x.entities()).extracting(Entity::name).contains("Volodymyr Zelensky", "Kyiv", "Kremlin");
    }

    @Test
    void pathologicalPunctuation() {
        assertThat(extract("a.a.a.a.".repeat(50_000))).isNotNull();
        assertThat(extract("U.S.".repeat(50_000) + " The end.")).isNotNull();
        assertThat(extract("-".repeat(100_000) + "A-B".repeat(10_000))).isNotNull();
        assertThat(extract("Mr. ".repeat(50_000) + "Smith said \"hi\".")).isNotNull();
        assertThat(extract(", said ".repeat(50_000))).isNotNull();
        // one 300,000-character hyphen compound of known names: split without recursion
        Extraction compound = extract("Senator Jane Roe visited " + "US-Iran-".repeat(40_000) + "Iraq.");
        assertThat(Fixtures.names(compound, EntityType.PERSON)).containsExactly("Jane Roe");
    }

    @Test
    void extractorIsReusableAcrossThreads() throws InterruptedException {
        String text = "\"We will win,\" Senator Ted Cruz said.";
        Thread[] threads = new Thread[4];
        String[] speakers = new String[4];
        for (int i = 0; i < threads.length; i++) {
            int k = i;
            threads[i] = new Thread(() -> speakers[k] = Fixtures.speaker(Fixtures.EXTRACTOR.extract(text, null), "We will"));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(speakers).containsOnly("Ted Cruz");
    }

    @Test
    void differentTextsOnManyThreadsGiveTheSingleThreadAnswers() throws Exception {
        String[] texts = {
            "\"We will win,\" Senator Ted Cruz said. He added that Texas would lead.",
            "Ukrainian President Volodymyr Zelensky met Trump. \"It was good,\" the Ukrainian president said.",
            "The Kremlin said the talks were over. \"No comment,\" Dmitry Peskov told reporters in Moscow.",
            "Rep. Ilhan Omar (D-Minn.) called the bill \"cruel.\" She said it would hurt families in Minneapolis."};
        Extraction[] expected = new Extraction[texts.length];
        for (int i = 0; i < texts.length; i++) {
            expected[i] = Fixtures.EXTRACTOR.extract(texts[i], null);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int round = 0; round < 200; round++) {
                int k = round % texts.length;
                results.add(pool.submit(() -> Fixtures.EXTRACTOR.extract(texts[k], null).equals(expected[k])));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
