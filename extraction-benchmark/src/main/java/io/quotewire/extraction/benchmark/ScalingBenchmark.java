package io.quotewire.extraction.benchmark;

import io.quotewire.extraction.Extraction;
import io.quotewire.extraction.Extractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Time against input size: one extraction of a 1 MB and of a 5 MB text of each kind. Linear time means the
 * 5 MB score is about five times the 1 MB score. Kinds: {@code news} (the seeds and dev corpus repeated),
 * {@code quoteMarks} (straight quote marks and words alternating: {@code " a " a …}, every mark a candidate
 * quote), {@code markStorm} (nothing but quote marks, straight and curly), {@code names} (one endless
 * sentence of titled names and speech verbs). Each iteration also prints CPU milliseconds per operation
 * ({@link CpuClock}), which a busy machine does not distort.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
@State(Scope.Benchmark)
public class ScalingBenchmark {
    @Param({"1", "5"})
    public int megabytes;

    @Param({"news", "quoteMarks", "markStorm", "names"})
    public String kind;

    private Extractor extractor;
    private String text;
    private long bytes;

    @Setup
    public void setUp() {
        extractor = new Extractor();
        long target = megabytes * 1_000_000L;
        text = switch (kind) {
            case "news" -> Corpus.repeated(Corpus.articles(), target);
            case "quoteMarks" -> "He said " + "\" a ".repeat((int) (target / 4));
            case "markStorm" -> "\"\u201c\u201d'\u2018\u2019".repeat((int) (target / 14));
            case "names" -> repeat("Senator John Smith told Gov. Jane Roe that President Tom Lee said ", target);
            default -> throw new IllegalArgumentException(kind);
        };
        bytes = Corpus.utf8Bytes(text);
    }

    @Benchmark
    public Extraction extract(CpuClock cpu) {
        cpu.count(bytes);
        return extractor.extract(text, null);
    }

    private static String repeat(String unit, long bytes) {
        return unit.repeat((int) (bytes / unit.length()) + 1);
    }
}
