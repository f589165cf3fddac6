package io.quotewire.benchmark.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time used so far by each service process and by the PostgreSQL server (its postmaster and
 * every live backend), read from the operating system ({@link ProcessHandle.Info#totalCpuDuration}).
 * A backend that exited during a run takes its CPU time with it; the services keep their pooled
 * connections open, so that is little.
 */
final class CpuMeter {

    private final Supplier<Map<String, Long>> servicePids;
    private final int postgresPort;
    /** CPU seconds of service processes that were killed (and started again), by service. */
    private final Map<String, Double> retired = new ConcurrentHashMap<>();

    CpuMeter(Supplier<Map<String, Long>> servicePids, int postgresPort) {
        this.servicePids = servicePids;
        this.postgresPort = postgresPort;
    }

    /** Keeps the CPU time of a service's process that is about to be killed (the next one adds to it). */
    void retire(String service) {
        Long pid = servicePids.get().get(service);
        double used = pid == null ? 0 : ProcessHandle.of(pid).map(CpuMeter::cpu).orElse(0.0);
        retired.merge(service, used, Double::sum);
    }

    /** CPU seconds so far, by service name, "postgresql" and "benchmark client" (this process). */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        servicePids.get().forEach((name, pid) -> seconds.put(name, retired.getOrDefault(name, 0.0)
                + ProcessHandle.of(pid).map(CpuMeter::cpu).orElse(Double.NaN)));
        seconds.put("postgresql", postgres().map(p -> Stream.concat(Stream.of(p), p.descendants())
                .mapToDouble(CpuMeter::cpu).sum()).orElse(Double.NaN));
        seconds.put("benchmark client", cpu(ProcessHandle.current()));
        return seconds;
    }

    /** The postmaster: a postgres process whose parent is none, started with this run's port. */
    private Optional<ProcessHandle> postgres() {
        List<ProcessHandle> postmasters = ProcessHandle.allProcesses()
                .filter(CpuMeter::isPostgres)
                .filter(p -> p.parent().map(parent -> !isPostgres(parent)).orElse(true))
                .toList();
        String port = String.valueOf(postgresPort);
        return postmasters.stream()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(port)).orElse(false))
                .findFirst()
                .or(() -> postmasters.size() == 1 ? Optional.of(postmasters.get(0)) : Optional.empty());
    }

    private static boolean isPostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    private static double cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /** {@code after - before}, per name. */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, s) -> used.put(name, s - before.getOrDefault(name, 0.0)));
        return used;
    }
}
