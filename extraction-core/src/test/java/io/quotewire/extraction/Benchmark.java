package io.quotewire.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures throughput (MB of text per CPU-second of the calling thread, so other load on the machine does not
 * skew it) on the seed articles and on adversarial inputs.
 * Usage: {@code Benchmark <texts dir>}. Prints one line per input.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Extractor x = new Extractor();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder seeds = new StringBuilder();
        try (Stream<Path> s = Files.list(Path.of(args.length > 0 ? args[0] : "seeds"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                seeds.append(Files.readString(p, StandardCharsets.UTF_8)).append("\n\n");
            }
        }
        List<String[]> inputs = new ArrayList<>();
        inputs.add(new String[] {"seed articles x1", seeds.toString()});
        inputs.add(new String[] {"seed articles to 5 MB", repeat(seeds.toString(), 5_000_000)});
        inputs.add(new String[] {"100k straight quote marks", "\"".repeat(100_000)});
        inputs.add(new String[] {"100k '\" a' pairs", "He said " + "\" a".repeat(100_000)});
        inputs.add(new String[] {"1 MB one sentence of names", repeat("Senator John Smith and Jack Smith said ", 1_000_000)});
        inputs.add(new String[] {"1 MB capitalised words", repeat("Alpha Beta Gamma Delta ", 1_000_000)});
        inputs.add(new String[] {"1 MB one word", "A" + "b".repeat(1_000_000)});
        inputs.add(new String[] {"1 MB 'a.a.'", "a.".repeat(500_000)});
        inputs.add(new String[] {"1 MB pronouns", repeat("Trump met Biden. He said she said. ", 1_000_000)});
        inputs.add(new String[] {"1 MB descriptions", repeat("Ukrainian President Volodymyr Zelensky spoke. The Ukrainian president said the war goes on. ", 1_000_000)});
        Random r = new Random(7);
        StringBuilder junk = new StringBuilder();
        while (junk.length() < 1_000_000) {
            junk.append((char) r.nextInt(0x2100));
        }
        inputs.add(new String[] {"1 MB random chars", junk.toString()});
        for (int warm = 0; warm < 3; warm++) {
            x.extract(seeds.toString(), null);
        }
        for (String[] in : inputs) {
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            Extraction e = x.extract(in[1], null);
            double c = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%-30s %9d chars %7.3f s wall %7.3f s cpu %6.2f MB per cpu-second  %d quotes %d entities%n",
                    in[0], in[1].length(), s, c, in[1].length() / 1e6 / c, e.quotes().size(), e.entities().size());
        }
    }

    private static String repeat(String unit, int chars) {
        StringBuilder sb = new StringBuilder(chars + unit.length());
        while (sb.length() < chars) {
            sb.append(unit);
        }
        return sb.toString();
    }
}
