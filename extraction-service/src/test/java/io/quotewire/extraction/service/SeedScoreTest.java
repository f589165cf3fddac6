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
        Path home = Path.of(System.getProperty("quotewire.home", "..")).toAbsolutePath().normalize();
        Path scorer = home.resolve("../shared/eval/score.py").normalize();
        assumeTrue(Files.isRegularFile(scorer), "no scorer at " + scorer + " (it sits beside the repository in CI)");
        Path figures = Files.createTempFile("score", ".json");
        Process p = new ProcessBuilder("python3", scorer.toString(), "--url", extractions.toString(),
                "--texts", home.resolve("seeds").toString(), "--json", figures.toString(), "--verbose")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("score.py on the seeds:\n" + out);
        assertThat(p.exitValue()).as(out).isZero();

        JsonNode f = new ObjectMapper().readTree(figures.toFile());
        assertThat(f.at("/quotes+speaker/f1").asDouble()).as(out).isGreaterThanOrEqualTo(0.95);
        assertThat(f.at("/people/f1").asDouble()).as(out).isGreaterThanOrEqualTo(0.95);
        assertThat(f.at("/orgs+places/f1").asDouble()).as(out).isGreaterThanOrEqualTo(0.85);
        assertThat(f.at("/indirect/f1").asDouble()).as(out).isGreaterThanOrEqualTo(0.70);
    }
}
