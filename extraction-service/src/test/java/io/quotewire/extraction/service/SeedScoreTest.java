package io.quotewire.extraction.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the team's scorer ({@code ../shared/eval/score.py}, beside the repository in CI) against
 * this service's real HTTP API over the seed articles, prints its figures, and holds the targets.
 */
@QuarkusTest
class SeedScoreTest {

    @TestHTTPResource("/api/v1/extractions")
    URL extractions;

    @Test
    void seedFiguresMeetTheTargets() throws IOException, InterruptedException {
        Path home = home();
        JsonNode f = score(home.resolve("seeds"), null, "the seeds");
        assertThat(f.at("/quotes+speaker/f1").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(f.at("/people/f1").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(f.at("/orgs+places/f1").asDouble()).isGreaterThanOrEqualTo(0.85);
        assertThat(f.at("/indirect/f1").asDouble()).isGreaterThanOrEqualTo(0.70);
    }

    /**
     * The extraction core's own dev corpus (13 invented US political articles with gold annotations, see
     * extraction-core/README.md): the held-out target, quotes+speaker >= 0.92, must hold on it too.
     */
    @Test
    void devCorpusFiguresMeetTheHeldOutTarget() throws IOException, InterruptedException {
        Path corpus = home().resolve("extraction-core/src/test/resources/devcorpus");
        JsonNode f = score(corpus, corpus.resolve("devcorpus-gold.json"), "the dev corpus");
        assertThat(f.at("/quotes+speaker/f1").asDouble()).isGreaterThanOrEqualTo(0.92);
        assertThat(f.at("/people/f1").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(f.at("/indirect/f1").asDouble()).isGreaterThanOrEqualTo(0.70);
    }

    private static Path home() {
        return Path.of(System.getProperty("quotewire.home", "..")).toAbsolutePath().normalize();
    }

    /** Runs score.py over the texts (with the given gold file, or its default) and returns its figures. */
    private JsonNode score(Path texts, Path gold, String what) throws IOException, InterruptedException {
        Path scorer = home().resolve("../shared/eval/score.py").normalize();
        assumeTrue(Files.isRegularFile(scorer), "no scorer at " + scorer + " (it sits beside the repository in CI)");
        Path figures = Files.createTempFile("score", ".json");
        List<String> command = new ArrayList<>(List.of("python3", scorer.toString(), "--url", extractions.toString(),
                "--texts", texts.toString(), "--json", figures.toString(), "--verbose"));
        if (gold != null) {
            command.addAll(List.of("--gold", gold.toString()));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("score.py on " + what + ":\n" + out);
        assertThat(p.exitValue()).as(out).isZero();
        return new ObjectMapper().readTree(figures.toFile());
    }
}
