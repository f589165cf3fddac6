package io.quotewire.cleaner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the team's body-extraction scorer ({@code ../shared/eval/score_clean.py}, beside the
 * repository in CI) against the cleaner behind {@link CleaningServer} on a free port, prints its
 * figures, and holds the targets: F1 >= 0.96 on the HTML dev pages, >= 0.95 on the seeds.
 */
class CleanScoreTest {

    private static final Pattern F1 = Pattern.compile("body\\s+precision\\s+([0-9.]+)\\s+recall\\s+([0-9.]+)\\s+F1\\s+([0-9.]+)");
    private static CleaningServer server;
    private static Path scorer;

    @BeforeAll
    static void start() throws IOException {
        Path home = Path.of(System.getProperty("quotewire.home", "..")).toAbsolutePath().normalize();
        scorer = home.resolve("../shared/eval/score_clean.py").normalize();
        if (Files.isRegularFile(scorer)) {
            server = new CleaningServer(0);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void htmlDevPages() throws Exception {
        assertThat(f1("--url", server()).doubleValue()).isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void seeds() throws Exception {
        assertThat(f1("--url", server(), "--seeds").doubleValue()).isGreaterThanOrEqualTo(0.95);
    }

    private static String server() {
        assumeTrue(server != null, "no scorer at " + scorer + " (it sits beside the repository in CI)");
        return server.url();
    }

    private static Double f1(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", scorer.toString()));
        cmd.addAll(List.of(args));
        cmd.add("--verbose");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("score_clean.py " + String.join(" ", args) + ":\n" + out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).contains(", 0 failed requests");
        Matcher m = F1.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.valueOf(m.group(3));
    }
}
