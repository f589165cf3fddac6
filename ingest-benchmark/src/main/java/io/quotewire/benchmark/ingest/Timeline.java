package io.quotewire.benchmark.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Once a second: how many articles the clients had accepted, how many ingest-service had indexed
 * (its {@code quotewire_documents_indexed_total} counter) and how many were waiting in its outbox
 * (the {@code quotewire_queue_documents} gauges), all read from its {@code /q/metrics}.
 */
final class Timeline implements AutoCloseable {

    /** One sample; {@code seconds} since the run began. */
    record Sample(double seconds, long accepted, long indexed, long waiting) {
    }

    private static final Pattern INDEXED = Pattern.compile("(?m)^quotewire_documents_indexed_total(?:\\{[^}]*})? ([0-9.eE+]+)$");
    private static final Pattern WAITING = Pattern.compile("(?m)^quotewire_queue_documents\\{[^}]*status=\"(?:RECEIVED|EXTRACTED)\"[^}]*} ([0-9.eE+]+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI metrics;
    private final AtomicLong accepted;
    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "timeline");
        t.setDaemon(true);
        return t;
    });

    Timeline(URI ingest, AtomicLong accepted) {
        this.metrics = ingest.resolve("/q/metrics");
        this.accepted = accepted;
    }

    void start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        String body = read();
        double t = (System.nanoTime() - startNanos) / 1e9;
        long acceptedNow = accepted.get();
        if (body == null) {
            return; // ingest-service is down (the kill test): no sample
        }
        long indexed = (long) sum(INDEXED, body);
        long waiting = (long) sum(WAITING, body);
        synchronized (samples) {
            samples.add(new Sample(t, acceptedNow, indexed, waiting));
        }
    }

    private String read() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static double sum(Pattern p, String body) {
        double total = 0;
        Matcher m = p.matcher(body);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            if (!Double.isNaN(v)) {
                total += v;
            }
        }
        return total;
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
