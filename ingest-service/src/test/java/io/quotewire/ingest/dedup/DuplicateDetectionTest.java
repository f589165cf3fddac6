package io.quotewire.ingest.dedup;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall and false-positive rate of duplicate detection, measured the way the service uses it
 * (LSH candidate lookup, then comparison of the signatures) over a corpus of unrelated generated
 * articles plus the seed articles, and copies of some of them made programmatically. Prints the
 * figures (they are in the README).
 */
class DuplicateDetectionTest {

    static final int CORPUS = 5000;
    static final int WITH_VARIANTS = 500;

    static final List<String> corpus = new ArrayList<>();
    static final List<Fingerprint> prints = new ArrayList<>();
    static final Map<Long, List<Integer>> bands = new HashMap<>();
    /** Unrelated corpus documents matched to an earlier, unrelated one when filed. */
    static int falseFamilies;

    @BeforeAll
    static void fileCorpus() throws IOException {
        Path seeds = Path.of(System.getProperty("quotewire.home", ".."), "seeds");
        if (Files.isDirectory(seeds)) {
            try (Stream<Path> files = Files.list(seeds)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    corpus.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        ArticleGenerator generator = new ArticleGenerator(42);
        while (corpus.size() < CORPUS) {
            corpus.add(generator.article());
        }
        for (String text : corpus) {
            Fingerprint f = Fingerprinter.of(text);
            if (best(f).isPresent()) {
                falseFamilies++;
            }
            int id = prints.size();
            prints.add(f);
            for (long key : Fingerprinter.bandKeys(f)) {
                bands.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            }
        }
    }

    /** The most similar filed document that is a copy of the same story, as the service finds it. */
    static Optional<Integer> best(Fingerprint f) {
        Map<Integer, Integer> shared = new HashMap<>();
        for (long key : Fingerprinter.bandKeys(f)) {
            for (int id : bands.getOrDefault(key, List.of())) {
                shared.merge(id, 1, Integer::sum);
            }
        }
        Integer bestId = null;
        double bestScore = 0;
        for (int id : shared.keySet()) {
            var r = Fingerprinter.compare(f, prints.get(id));
            if (r.isPresent() && r.get().score() > bestScore) {
                bestScore = r.get().score();
                bestId = id;
            }
        }
        return Optional.ofNullable(bestId);
    }

    @Test
    void copiesAreFoundAndUnrelatedArticlesAreNot() {
        Variants variants = new Variants(7);
        ArticleGenerator headlines = new ArticleGenerator(99);
        Map<String, Function<String, String>> kinds = new LinkedHashMap<>();
        kinds.put("new headline", a -> variants.newHeadline(a, headlines.headline()));
        kinds.put("trimmed end", variants::trimmed);
        kinds.put("boilerplate added", variants::withBoilerplate);
        kinds.put("syndicated (all three)", a -> variants.syndicated(a, headlines.headline()));
        kinds.put("spun (synonyms)", variants::spun);
        kinds.put("translation round trip", variants::translatedRoundTrip);
        kinds.put("spun + trimmed + headline", a -> variants.spun(variants.trimmed(variants.newHeadline(a, headlines.headline()))));

        int total = 0;
        int found = 0;
        int wrong = 0;
        double swapRate = 0;
        int spins = 0;
        StringBuilder report = new StringBuilder();
        for (var kind : kinds.entrySet()) {
            int kindFound = 0;
            int kindTotal = 0;
            for (int i = 0; i < WITH_VARIANTS; i++) {
                String copy = kind.getValue().apply(corpus.get(i));
                if (kind.getKey().startsWith("spun (")) {
                    swapRate += variants.lastSwapRate;
                    spins++;
                }
                Optional<Integer> match = best(Fingerprinter.of(copy));
                kindTotal++;
                if (match.isPresent() && match.get() == i) {
                    kindFound++;
                } else if (match.isPresent()) {
                    wrong++;
                }
            }
            report.append(String.format("  %-28s recall %.3f (%d/%d)%n", kind.getKey(), kindFound / (double) kindTotal,
                    kindFound, kindTotal));
            total += kindTotal;
            found += kindFound;
        }
        double recall = found / (double) total;
        double falsePositiveRate = (falseFamilies + wrong) / (double) (corpus.size() + total);
        System.out.printf("duplicate detection over %d unrelated articles (%d seeds + %d generated), %d copies of %d of them:%n%s"
                        + "  overall recall %.4f (%d/%d); false positives %d of %d filings and look-ups (%.4f%%): "
                        + "%d unrelated articles put in a family, %d copies matched to the wrong article; "
                        + "spinner swapped %.0f%% of words%n",
                corpus.size(), countSeeds(), corpus.size() - countSeeds(),
                total, WITH_VARIANTS, report, recall, found, total, falseFamilies + wrong, corpus.size() + total,
                100 * falsePositiveRate, falseFamilies, wrong, 100 * swapRate / spins);

        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(falsePositiveRate).isLessThanOrEqualTo(0.001);
    }

    @Test
    void theSeedsAreDifferentStoriesAboutOneTopic() {
        int seeds = countSeeds();
        for (int i = 0; i < seeds; i++) {
            for (int j = i + 1; j < seeds; j++) {
                assertThat(Fingerprinter.compare(prints.get(i), prints.get(j)))
                        .as("seed %d vs seed %d", i, j).isEmpty();
            }
        }
    }

    @Test
    void exactAndFingerprintRoundTrip() {
        Fingerprint f = prints.get(0);
        assertThat(Fingerprint.fromBytes(f.toBytes())).isEqualTo(f);
        assertThat(Fingerprinter.compare(f, f)).hasValueSatisfying(r -> assertThat(r.score()).isEqualTo(1.0));
        assertThat(Fingerprinter.bandKeys(Fingerprinter.of(""))).isEmpty();
        assertThat(Fingerprinter.compare(Fingerprinter.of(""), Fingerprinter.of(""))).isEmpty();
    }

    private static int countSeeds() {
        Path seeds = Path.of(System.getProperty("quotewire.home", ".."), "seeds");
        try (Stream<Path> files = Files.isDirectory(seeds) ? Files.list(seeds) : Stream.empty()) {
            return (int) files.filter(f -> f.toString().endsWith(".txt")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
