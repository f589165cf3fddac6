package io.quotewire.extraction.benchmark;

import io.quotewire.extraction.Extraction;
import io.quotewire.extraction.Extractor;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Article throughput of the extraction core on one thread (so per core): each operation extracts one real
 * article (the seeds and the dev corpus, in turn). JMH prints {@code ops/s} (articles per second) and the
 * secondary counter {@code bytes} (UTF-8 bytes of article text per second); MB/s per core = bytes / 10^6.
 * Both are wall-clock rates, so other load on the machine lowers them; after every iteration the benchmark
 * thread also prints {@code MB per CPU-second}: the bytes it extracted divided by the CPU time it used, which
 * stays fair on a busy machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ThroughputBenchmark {
    private Extractor extractor;
    private List<String> articles;
    private long[] sizes;
    private int next;

    /** Bytes of text extracted, reported by JMH as a rate per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        extractor = new Extractor();
        articles = Corpus.articles();
        sizes = articles.stream().mapToLong(Corpus::utf8Bytes).toArray();
    }

    @Benchmark
    public Extraction article(Bytes counter, CpuClock cpu) {
        int i = next;
        next = (i + 1) % articles.size();
        counter.bytes += sizes[i];
        cpu.count(sizes[i]);
        return extractor.extract(articles.get(i), null);
    }

    /** The whole corpus as one text: the same words, but long-range look-ups (pronouns, surnames) span articles. */
    @Benchmark
    public void wholeCorpusAsOneText(Bytes counter, CpuClock cpu, Blackhole bh, WholeCorpus whole) {
        counter.bytes += whole.bytes;
        cpu.count(whole.bytes);
        bh.consume(extractor.extract(whole.text, null));
    }

    @State(Scope.Benchmark)
    public static class WholeCorpus {
        String text;
        long bytes;

        @Setup
        public void setUp() {
            text = String.join("\n\n", Corpus.articles());
            bytes = Corpus.utf8Bytes(text);
        }
    }
}
