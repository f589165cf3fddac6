package io.quotewire.benchmark.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.benchmark.CorpusGenerator;
import io.quotewire.devstack.Stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ingest benchmark: starts the whole stack (embedded PostgreSQL and the three packaged
 * services, as {@code ./quotewire up} does), posts synthetic news articles to
 * {@code POST /api/v1/documents} from several clients, waits until every one is indexed
 * (queryable in query-service) and prints accepted/s, finished/s, the time from 202 to queryable
 * (p50/p99, from ingest-service's receivedAt and indexedAt), CPU seconds per 1,000 articles per
 * service and PostgreSQL, and the answers by status (429/503 are back-pressure: the client waits
 * as Retry-After says and sends again). Draws accepted/s, finished/s and the outbox's depth over
 * time as a PNG. With {@code --kill}, kills services with {@code kill -9} halfway and starts them
 * again; afterwards the counts of both databases are checked (nothing lost, nothing twice).
 *
 * <pre>
 *   ingest-benchmark/run [--articles 2000] [--clients 16] [--rate 0] [--warmup 300] [--seed 42]
 *                        [--data DIR] [--from 0] [--kill extraction-service,query-service]
 *                        [--chart FILE.png] [--timeout 3600] [--statements 20] [--postgres 'name=value;...']
 * </pre>
 * {@code --rate 0} offers as fast as the clients can post; {@code --rate N} offers N articles a
 * second (open loop). {@code --data DIR} keeps the database in DIR so a later run measures on a
 * loaded database; {@code --from} numbers the run's articles after the ones already loaded.
 * {@code --statements N} loads pg_stat_statements and prints the N statements that took
 * PostgreSQL the longest. {@code --postgres} adds PostgreSQL settings, for instance auto_explain's
 * ({@code shared_preload_libraries=auto_explain;auto_explain.log_min_duration=25;auto_explain.log_analyze=on;
 * logging_collector=on;log_directory=/tmp/pglog}) to see the plans of slow statements.
 */
public final class IngestBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4)).build();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder retriesAfter = new LongAdder();
    private Stack stack;
    private CpuMeter cpu;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("articles", "2000", "clients", "16", "rate", "0",
                "warmup", "300", "seed", "42", "from", "0", "kill", "", "timeout", "3600", "statements", "0",
                "chart", "ingest-benchmark/target/ingest-throughput.png"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int status = 0;
        try {
            new IngestBenchmark().run(opts);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the HTTP clients' threads would keep the JVM alive

    }

    private void run(Map<String, String> opts) throws Exception {
        int articles = Integer.parseInt(opts.get("articles"));
        int clients = Integer.parseInt(opts.get("clients"));
        double rate = Double.parseDouble(opts.get("rate"));
        int warmup = Integer.parseInt(opts.get("warmup"));
        long from = Long.parseLong(opts.get("from"));
        List<String> kill = Arrays.stream(opts.get("kill").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Path home = Path.of(System.getProperty("quotewire.home", ".")).toAbsolutePath().normalize();
        Stack.Config config = opts.containsKey("data")
                ? Stack.Config.kept(home, Path.of(opts.get("data")).toAbsolutePath())
                : Stack.Config.ephemeral(home, Files.createTempDirectory("qw-ingest-bench"));
        int statements = Integer.parseInt(opts.get("statements"));
        Map<String, String> postgres = new LinkedHashMap<>();
        if (statements > 0) {
            postgres.put("shared_preload_libraries", "pg_stat_statements");
            postgres.put("pg_stat_statements.track", "all");
        }
        // --postgres 'name=value;name=value': more PostgreSQL settings (auto_explain's, say), added to the above
        for (String setting : opts.getOrDefault("postgres", "").split(";")) {
            int eq = setting.indexOf('=');
            if (eq > 0) {
                postgres.merge(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip(),
                        (a, b) -> a + "," + b);
            }
        }
        if (!postgres.isEmpty()) {
            config = config.withPostgresSettings(postgres);
        }
        CorpusGenerator corpus = new CorpusGenerator(Long.parseLong(opts.get("seed")), (int) Math.min(Integer.MAX_VALUE, from + articles + warmup));
        System.out.printf("starting the stack (logs in %s)...%n", config.workDirectory().resolve("logs"));
        stack = Stack.start(config);
        Thread stop = new Thread(stack::close, "stack-stop"); // also on Ctrl-C
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            long before = count("SELECT count(*) FROM document", "ingest");
            System.out.printf("ingest database holds %,d documents before the run%n", before);
            if (warmup > 0) {
                System.out.printf("warm-up: %d articles (not measured)%n", warmup);
                post(corpus, from + articles, warmup, clients, 0, List.of());
                awaitAll(count("SELECT count(*) FROM document", "ingest"), Duration.ofMinutes(10));
            }
            long baseline = count("SELECT count(*) FROM document", "ingest");
            cpu = new CpuMeter(stack::servicePids, stack.postgresPort());
            accepted.set(0);
            statuses.clear();
            if (statements > 0) {
                for (String db : List.of("ingest", "query")) {
                    execute(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    execute(db, "SELECT pg_stat_statements_reset()");
                }
            }
            Map<String, Double> cpuBefore = cpu.snapshot();
            Instant start = Instant.now();
            Map<String, Double> cpuAfter;
            double postSeconds;
            double finishSeconds;
            List<Timeline.Sample> samples;
            try (Timeline timeline = new Timeline(stack.ingestUrl(), accepted)) {
                timeline.start();
                List<String> ids = post(corpus, from, articles, clients, rate, kill);
                postSeconds = seconds(start);
                long expected = count("SELECT count(*) FROM document", "ingest");
                awaitAll(expected, Duration.ofSeconds(Long.parseLong(opts.get("timeout"))));
                finishSeconds = seconds(start);
                cpuAfter = cpu.snapshot();
                Thread.sleep(1_100); // one more sample after the end
                samples = timeline.samples();
                report(ids, articles, postSeconds, finishSeconds, CpuMeter.used(cpuBefore, cpuAfter), baseline, kill);
                if (statements > 0) {
                    printStatements(statements, articles);
                }
            }
            Path chart = home.resolve(opts.get("chart"));
            ThroughputChart.write(samples, "%,d articles, %d clients%s, %,d documents before".formatted(articles, clients,
                    rate > 0 ? ", %.0f/s offered".formatted(rate) : "", baseline), chart);
            System.out.println("chart: " + chart);
        } finally {
            stack.close();
        }
    }

    /**
     * Posts articles {@code from .. from+n-1} with {@code clients} threads; at {@code rate} > 0 article i
     * is not sent before {@code i/rate} seconds. Halfway, kills and restarts the {@code kill} services.
     */
    private List<String> post(CorpusGenerator corpus, long from, int n, int clients, double rate, List<String> kill)
            throws InterruptedException {
        String[] ids = new String[n];
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (long i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    if (rate > 0) {
                        long due = t0 + (long) (i / rate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            sleep(wait / 1_000_000);
                        }
                    }
                    ids[(int) i] = postOne(corpus.article(from + i));
                }
            });
        }
        if (!kill.isEmpty()) {
            while (accepted.get() < n / 2 && !pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                // wait for halfway
            }
            for (String service : kill) {
                System.out.printf("kill -9 %s at %,d accepted%n", service, accepted.get());
                if (cpu != null) {
                    cpu.retire(service);
                }
                stack.kill(service);
            }
            sleep(5_000);
            for (String service : kill) {
                stack.restart(service);
                System.out.printf("%s is back at %,d accepted%n", service, accepted.get());
            }
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        return Arrays.stream(ids).filter(id -> id != null).toList();
    }

    /** One article through {@code POST /api/v1/documents}; back-pressure (429, 503) is obeyed and retried. */
    private String postOne(Map<String, Object> article) {
        Map<String, Object> submission = new LinkedHashMap<>();
        for (String field : List.of("title", "source", "url", "publishedAt", "text")) {
            submission.put(field, article.get(field));
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(submission);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack.ingestUrl().resolve("/api/v1/documents"))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", stack.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(r.statusCode(), k -> new LongAdder()).increment();
                if (r.statusCode() == 202 || r.statusCode() == 200) {
                    accepted.incrementAndGet();
                    if (r.statusCode() == 200) {
                        duplicates.increment();
                    }
                    return JSON.readTree(r.body()).get("id").asText();
                }
                if (r.statusCode() == 429 || r.statusCode() == 503) {
                    retriesAfter.increment();
                    sleep(1_000L * r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
                    continue;
                }
                throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
            } catch (IOException e) {
                statuses.computeIfAbsent(-1, k -> new LongAdder()).increment();
                if (attempt >= 20) {
                    throw new IllegalStateException("POST failed " + attempt + " times", e);
                }
                sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until ingest-service has indexed {@code expected} documents in all (none left waiting). */
    private void awaitAll(long expected, Duration timeout) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        long last = -1;
        Instant lastChange = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            long indexed = count("SELECT count(*) FROM document WHERE status IN ('INDEXED', 'FAILED')", "ingest");
            if (indexed >= expected) {
                return;
            }
            if (indexed != last) {
                last = indexed;
                lastChange = Instant.now();
            } else if (Duration.between(lastChange, Instant.now()).toMinutes() >= 5) {
                throw new IllegalStateException("no progress for 5 minutes at " + indexed + " of " + expected);
            }
            sleep(200);
        }
        throw new IllegalStateException("not all indexed after " + timeout + ": " + last + " of " + expected);
    }

    private void report(List<String> ids, int articles, double postSeconds, double finishSeconds,
                        Map<String, Double> cpuUsed, long baseline, List<String> kill) throws Exception {
        Map<String, Instant[]> times = times(Set.copyOf(ids));
        double[] latencies = ids.stream().map(times::get).filter(t -> t != null && t[1] != null)
                .mapToDouble(t -> Duration.between(t[0], t[1]).toMillis() / 1000.0).sorted().toArray();
        System.out.println();
        System.out.printf("| articles | accepted/s | finished/s | 202 -> queryable p50 | p99 | max | database before |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        System.out.printf("| %,d | %.1f | %.1f | %.2f s | %.2f s | %.2f s | %,d |%n", articles, articles / postSeconds,
                articles / finishSeconds, pct(latencies, 50), pct(latencies, 99), pct(latencies, 100), baseline);
        System.out.println();
        System.out.printf("| CPU seconds per 1,000 articles | %s |%n", String.join(" | ", cpuUsed.keySet()));
        System.out.printf("|---|%s%n", "---|".repeat(cpuUsed.size()));
        System.out.printf("| | %s |%n", String.join(" | ", cpuUsed.values().stream()
                .map(s -> "%.1f".formatted(s * 1000 / articles)).toList()));
        System.out.println();
        System.out.printf("answers: %s (-1: connection failed); duplicates %d; back-pressure waits %d%n",
                new TreeMap<>(statuses), duplicates.sum(), retriesAfter.sum());
        System.out.printf("posting took %.1f s, all queryable after %.1f s; wall time x 2 cores = %.0f CPU s available, used %.0f%n",
                postSeconds, finishSeconds, finishSeconds * Runtime.getRuntime().availableProcessors(),
                cpuUsed.values().stream().mapToDouble(Double::doubleValue).sum());
        printCounts(kill);
    }

    /** Both databases' counts: documents by status in ingest, documents and duplicated quotes in query. */
    private void printCounts(List<String> kill) throws SQLException {
        long ingest = count("SELECT count(*) FROM document", "ingest");
        long indexed = count("SELECT count(*) FROM document WHERE status = 'INDEXED'", "ingest");
        long failed = count("SELECT count(*) FROM document WHERE status = 'FAILED'", "ingest");
        long query = count("SELECT count(*) FROM documents", "query");
        long twice = count("""
                SELECT count(*) FROM (SELECT 1 FROM quotes GROUP BY document_id, start_offset, end_offset, text HAVING count(*) > 1) d""", "query");
        System.out.printf("counts%s: ingest %,d documents (%,d INDEXED, %,d FAILED); query %,d documents, %,d quotes stored twice%n",
                kill.isEmpty() ? "" : " after kill -9 of " + String.join(" and ", kill), ingest, indexed, failed, query, twice);
        if (ingest != indexed + failed || query != indexed || twice != 0) {
            System.out.println("COUNTS DO NOT AGREE");
        }
    }

    /** receivedAt and indexedAt of the run's documents, from ingest-service's listing (newest first). */
    private Map<String, Instant[]> times(Set<String> ids) throws IOException, InterruptedException {
        Map<String, Instant[]> times = new ConcurrentHashMap<>();
        String cursor = null;
        do {
            String uri = "/api/v1/documents?status=INDEXED&limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack.ingestUrl().resolve(uri))
                    .header("X-API-Key", stack.apiKey()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode page = JSON.readTree(r.body());
            for (JsonNode d : page.path("items")) {
                if (ids.contains(d.path("id").asText()) && d.hasNonNull("indexedAt")) {
                    times.put(d.path("id").asText(), new Instant[] {Instant.parse(d.path("receivedAt").asText()),
                            Instant.parse(d.path("indexedAt").asText())});
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null && times.size() < ids.size());
        return times;
    }

    /** The statements that took PostgreSQL the longest over the run (pg_stat_statements), per 1,000 articles. */
    private void printStatements(int top, int articles) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("ingest"), "postgres", "postgres"); // the view shows every database
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT d.datname, s.calls, s.total_exec_time, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g')
                     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                     ORDER BY s.total_exec_time DESC LIMIT %d""".formatted(top))) {
            System.out.printf("%n| database | ms per 1,000 articles | calls per article | rows per call | statement |%n|---|---|---|---|---|%n");
            while (rs.next()) {
                String sql = rs.getString(5);
                System.out.printf("| %s | %.0f | %.2f | %.1f | %s |%n", rs.getString(1), rs.getDouble(3) * 1000 / articles,
                        rs.getLong(2) / (double) articles, rs.getLong(4) / (double) Math.max(1, rs.getLong(2)),
                        sql.length() > 160 ? sql.substring(0, 160) + "…" : sql);
            }
        }
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
