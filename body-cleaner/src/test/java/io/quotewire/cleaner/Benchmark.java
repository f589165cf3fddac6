package io.quotewire.cleaner;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Throughput of the cleaner in MB of input per CPU-second of the calling thread (so other load on
 * the machine does not skew it), on the HTML dev pages, the seeds and adversarial inputs.
 * Usage: {@code Benchmark [shared/eval dir]}. Prints one line per input; asserts nothing.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path eval = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        BodyCleaner cleaner = new BodyCleaner();
        List<String> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(eval.resolve("html-dev"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        StringBuilder seeds = new StringBuilder();
        try (Stream<Path> s = Files.list(eval.resolve("../seeds"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                seeds.append(Files.readString(p, StandardCharsets.UTF_8)).append("\n\n");
            }
        }
        StringBuilder bigPage = new StringBuilder("<html><body><article>");
        for (int i = 0; bigPage.length() < 10_000_000; i++) {
            bigPage.append("<p>").append(i).append(" The minister said the talks, which had stalled, would resume.</p>");
        }
        Random r = new Random(7);
        StringBuilder junk = new StringBuilder();
        while (junk.length() < 1_000_000) {
            junk.append((char) r.nextInt(0x2100));
        }
        for (int warm = 0; warm < 3; warm++) {
            pages.forEach(p -> cleaner.cleanHtml(p, null));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long bytes = 0;
        long t0 = cpu.getCurrentThreadCpuTime();
        for (String p : pages) {
            cleaner.cleanHtml(p, null);
            bytes += p.length();
        }
        double sec = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
        System.out.printf("%-40s %8.1f MB/s  %6.1f pages/s  (%d pages, %.1f MB)%n", "HTML dev pages",
                bytes / 1e6 / sec, pages.size() / sec, pages.size(), bytes / 1e6);
        run(cpu, "seeds as text x20", seeds.toString().repeat(20), cleaner::cleanText);
        run(cpu, "10 MB page of paragraphs", bigPage.toString(), h -> cleaner.cleanHtml(h, null));
        run(cpu, "100k nested divs", "<div>".repeat(100_000) + "text" + "</div>".repeat(100_000),
                h -> cleaner.cleanHtml(h, null));
        run(cpu, "20k nested <header>s", "<header>".repeat(20_000) + "<p>text.</p>", h -> cleaner.cleanHtml(h, null));
        run(cpu, "100k 'Sign up' paragraphs", "<p>Sign up for our newsletter, it is great. It is.</p>".repeat(100_000),
                h -> cleaner.cleanHtml(h, null));
        run(cpu, "100k 'Sign up' lines", "A sentence of the body that is long enough to count as one.\nSign up now\n"
                .repeat(100_000), cleaner::cleanText);
        run(cpu, "1 MB random chars as HTML", junk.toString(), h -> cleaner.cleanHtml(h, null));
        run(cpu, "1 MB random chars as text", junk.toString(), cleaner::cleanText);
        run(cpu, "5 MB of one text line", "word ".repeat(1_000_000), cleaner::cleanText);
    }

    private static void run(ThreadMXBean cpu, String name, String input, Function<String, CleanedArticle> f) {
        long t0 = cpu.getCurrentThreadCpuTime();
        f.apply(input);
        double sec = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
        System.out.printf("%-40s %8.1f MB/s  %8.3f s CPU  (%.1f MB)%n", name, input.length() / 1e6 / sec, sec,
                input.length() / 1e6);
    }
}
