package io.quotewire.extraction.benchmark;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the benchmark thread per iteration, printed after each iteration as MB per CPU-second and CPU
 * milliseconds per operation. JMH's own scores are wall-clock and drop when other processes share the cores;
 * these figures do not (garbage collection runs on other threads and is not counted).
 */
@State(Scope.Thread)
public class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long bytes;
    private long ops;
    private long cpuStart;

    @Setup(Level.Iteration)
    public void start() {
        bytes = 0;
        ops = 0;
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    /** One operation over {@code size} bytes of text. */
    public void count(long size) {
        bytes += size;
        ops++;
    }

    @TearDown(Level.Iteration)
    public void report() {
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(" [%.2f MB per CPU-second, %.1f CPU ms per op]", bytes / 1e6 / cpuSeconds,
                cpuSeconds * 1e3 / Math.max(1, ops));
    }
}
