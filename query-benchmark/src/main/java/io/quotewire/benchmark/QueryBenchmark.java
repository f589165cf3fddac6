package io.quotewire.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Load benchmark of query-service: starts a PostgreSQL (embedded binaries) and the packaged
 * query-service, indexes a synthetic corpus ({@link CorpusGenerator}) through the real
 * {@code PUT /api/v1/index/documents/{id}} up to each size, then measures every read endpoint
 * (latency percentiles and throughput) at that size. Run it with {@code query-benchmark/run}.
 *
 * <pre>
 * options: --sizes 10000,100000   corpus sizes (cumulative: each size adds to the previous one)
 *          --load api|bulk       index through PUT /index (api) or COPY straight into the schema (bulk)
 *          --verify 500          instead of measuring: load that many articles both ways into two
 *                                databases and compare every row (ids aside)
 *          --requests 400          measured requests per endpoint and size
 *          --warmup 1000          requests per endpoint before measuring
 *          --service-warmup 300   rounds over all endpoints (one request each) before the first measurement
 *          --clients 2             concurrent clients while measuring
 *          --loaders 4             concurrent index pushes while loading
 *          --seed 42
 *          --data DIR            keep the database in DIR (reused by later runs: load once, measure again;
 *                                a bulk load continues only within one run)
 *          --requests 0          load only
 *          --endpoints "entity search,entity profile"   measure only these (names as printed)
 * </pre>
 */
public final class QueryBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private URI base;
    private String jdbcUrl;
    /** This run's writer key (index pushes need the writer role). */
    private final String writerKey = UUID.randomUUID().toString();
    /** Requests per endpoint before measuring (the JIT compiles the hot paths over the first thousands). */
    private int warmup;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("sizes", "10000,100000", "requests", "400",
                "clients", "2", "loaders", "4", "seed", "42", "load", "bulk", "warmup", "1000", "service-warmup", "300"));
        opts.putIfAbsent("endpoints", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new QueryBenchmark().run(opts);
    }

    private void run(Map<String, String> opts) throws Exception {
        int[] sizes = Arrays.stream(opts.get("sizes").split(",")).mapToInt(Integer::parseInt).toArray();
        int requests = Integer.parseInt(opts.get("requests"));
        int clients = Integer.parseInt(opts.get("clients"));
        warmup = Integer.parseInt(opts.get("warmup"));
        int serviceWarmup = Integer.parseInt(opts.get("service-warmup"));
        int loaders = Integer.parseInt(opts.get("loaders"));
        Set<String> only = Arrays.stream(opts.get("endpoints").split(",")).map(String::trim)
                .filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        long seed = Long.parseLong(opts.get("seed"));
        Path home = Path.of(System.getProperty("quotewire.home", ".")).toAbsolutePath();
        Path jar = home.resolve("query-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build query-service first: " + jar + " is missing");
        }
        CorpusGenerator corpus = new CorpusGenerator(seed, sizes[sizes.length - 1]);
        boolean keep = opts.containsKey("data");
        Path data = keep ? Path.of(opts.get("data")).toAbsolutePath() : Files.createTempDirectory("qw-bench-pg");
        boolean reuse = keep && Files.exists(data.resolve("PG_VERSION"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data).setCleanDataDirectory(!keep)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "2GB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("effective_cache_size", "8GB")
                .setServerConfig("random_page_cost", "1.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_wal_size", "8GB")
                .start()) {
            if (!reuse) {
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE query");
                    s.execute("CREATE DATABASE viabulk");
                }
            }
            jdbcUrl = "jdbc:postgresql://localhost:" + pg.getPort() + "/query";
            if (opts.containsKey("verify")) {
                verify(corpus, Integer.parseInt(opts.get("verify")), jar, home,
                        "jdbc:postgresql://localhost:" + pg.getPort() + "/viabulk");
                return;
            }
            boolean bulk = "bulk".equals(opts.get("load"));
            BulkLoader bulkLoader = new BulkLoader(jdbcUrl);
            int port = freePort();
            base = URI.create("http://localhost:" + port);
            Process service = startService(jar, port, home);
            try {
                waitReady();
                List<String> table = new ArrayList<>();
                table.add("| articles | endpoint | p50 ms | p95 ms | p99 ms | req/s |");
                table.add("|---:|---|---:|---:|---:|---:|");
                long loaded = ids("SELECT count(*) FROM documents").get(0);
                if (loaded > 0) {
                    System.out.printf("reusing %s: %,d articles already loaded%n", data, loaded);
                }
                for (int size : sizes) {
                    if (loaded > size) {
                        throw new IllegalStateException(data + " holds " + loaded + " articles, more than " + size);
                    }
                    if (loaded > 0 && loaded < size && reuse && bulk) {
                        // The loader's resolution state (entities, cluster candidates) lives in its memory.
                        throw new IllegalStateException("bulk loads continue only within one run; delete " + data);
                    }
                    long t0 = System.nanoTime();
                    if (loaded == size) {
                        System.out.printf("%,d articles loaded before%n", size);
                    } else if (bulk) {
                        bulkLoader.init();
                        bulkLoader.load(corpus, loaded, size);
                    } else {
                        load(corpus, loaded, size, loaders);
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (loaded < size) {
                        System.out.printf(Locale.ROOT, "loaded %d..%d %s in %.0f s (%.0f articles/s)%n", loaded, size,
                                bulk ? "with COPY" : "through PUT /index", seconds, (size - loaded) / seconds);
                    }
                    loaded = size;
                    t0 = System.nanoTime();
                    analyze();
                    System.out.printf(Locale.ROOT, "VACUUM ANALYZE in %.0f s%n", (System.nanoTime() - t0) / 1e9);
                    t0 = System.nanoTime();
                    long bytes = readFiles(data);
                    System.out.printf(Locale.ROOT, "read the database's %,d MB once (OS page cache) in %.0f s%n",
                            bytes >> 20, (System.nanoTime() - t0) / 1e9);
                    System.out.println(stats());
                    if (requests == 0) {
                        continue;
                    }
                    List<Endpoint> endpoints = endpoints(corpus, seed + size);
                    List<String> unknown = only.stream()
                            .filter(n -> endpoints.stream().noneMatch(e -> e.name.equals(n))).toList();
                    if (!unknown.isEmpty()) {
                        throw new IllegalArgumentException("no endpoint named " + unknown + "; the endpoints: "
                                + endpoints.stream().map(Endpoint::name).toList());
                    }
                    // The service's JIT first: every endpoint in turn, so that the first endpoint measured
                    // does not pay for compiling the code they all share (a running service has).
                    t0 = System.nanoTime();
                    Random jit = new Random(7);
                    for (int i = 0; i < serviceWarmup; i++) {
                        for (Endpoint e : endpoints) {
                            get(e.path.apply(jit));
                        }
                    }
                    System.out.printf(Locale.ROOT, "service warm-up: %d rounds over the %d endpoints in %.0f s%n",
                            serviceWarmup, endpoints.size(), (System.nanoTime() - t0) / 1e9);
                    for (Endpoint e : endpoints) {
                        if (!only.isEmpty() && !only.contains(e.name)) {
                            continue; // each endpoint draws its requests from its own seeds: skipping one changes no other
                        }
                        Result r = measure(e, requests, clients);
                        String row = String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.1f | %.0f |",
                                size, e.name, r.p(50), r.p(95), r.p(99), r.throughput);
                        System.out.println(row);
                        table.add(row);
                    }
                }
                System.out.println();
                table.forEach(System.out::println);
            } finally {
                service.destroy();
                service.waitFor();
            }
        } finally {
            if (!keep) {
                deleteTree(data);
            }
        }
    }

    /** Loads {@code n} articles through the API (one loader, in order) and with COPY; compares the rows. */
    private void verify(CorpusGenerator corpus, int n, Path jar, Path home, String bulkUrl) throws Exception {
        int port = freePort();
        base = URI.create("http://localhost:" + port);
        Process service = startService(jar, port, home);
        Process other = null;
        try {
            waitReady();
            // A second service only to migrate the bulk database.
            int otherPort = freePort();
            String apiUrl = jdbcUrl;
            jdbcUrl = bulkUrl;
            other = startService(jar, otherPort, home);
            URI apiBase = base;
            base = URI.create("http://localhost:" + otherPort);
            waitReady();
            base = apiBase;
            jdbcUrl = apiUrl;
            long t0 = System.nanoTime();
            load(corpus, 0, n, 1);
            System.out.printf(Locale.ROOT, "API: %d articles in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
            BulkLoader loader = new BulkLoader(bulkUrl);
            loader.init();
            t0 = System.nanoTime();
            loader.load(corpus, 0, n);
            System.out.printf(Locale.ROOT, "COPY: %d articles in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            int differences = 0;
            for (Map.Entry<String, String> table : PROJECTIONS.entrySet()) {
                List<String> viaApi = rows(apiUrl, table.getValue());
                List<String> viaBulk = rows(bulkUrl, table.getValue());
                List<String> onlyApi = new ArrayList<>(viaApi);
                onlyApi.removeAll(viaBulk);
                List<String> onlyBulk = new ArrayList<>(viaBulk);
                onlyBulk.removeAll(viaApi);
                differences += onlyApi.size() + onlyBulk.size();
                System.out.printf("%-15s api %7d rows, bulk %7d rows, only via api %d, only via bulk %d%n",
                        table.getKey(), viaApi.size(), viaBulk.size(), onlyApi.size(), onlyBulk.size());
                onlyApi.stream().limit(3).forEach(r -> System.out.println("   api:  " + r));
                onlyBulk.stream().limit(3).forEach(r -> System.out.println("   bulk: " + r));
            }
            System.out.println(differences == 0 ? "VERIFIED: the same rows both ways" : "DIFFERENT: " + differences + " rows");
        } finally {
            service.destroy();
            service.waitFor();
            if (other != null) {
                other.destroy();
                other.waitFor();
            }
        }
    }

    /** Every table's rows with ids replaced by what they stand for (names, document and offsets). */
    private static final Map<String, String> PROJECTIONS = new LinkedHashMap<>();

    static {
        PROJECTIONS.put("documents", """
                SELECT id, title, source, url, published_at, received_at, sort_at, md5(text), extractor_version, family_id
                FROM documents""");
        PROJECTIONS.put("entities", """
                SELECT type, name, norm_name, article_count, mention_count, quote_count, merged_into FROM entities""");
        PROJECTIONS.put("aliases", """
                SELECT e.type, e.norm_name, a.kind, a.norm, a.alias, a.words, a.rule, a.document_id
                FROM aliases a JOIN entities e ON e.id = a.entity_id""");
        PROJECTIONS.put("titles", """
                SELECT e.type, e.norm_name, t.norm, t.title FROM titles t JOIN entities e ON e.id = t.entity_id""");
        PROJECTIONS.put("mentions", """
                SELECT m.document_id, e.type, e.norm_name, m.start_offset, m.end_offset, m.text, m.sort_at
                FROM mentions m JOIN entities e ON e.id = m.entity_id""");
        PROJECTIONS.put("quotes", """
                SELECT q.document_id, q.start_offset, q.end_offset, q.sort_at, e.norm_name, q.speaker_name, q.speaker_norm,
                       q.text, q.type, q.cue, q.cue_start, q.cue_end, q.confidence, q.family_id, q.sentence_start,
                       q.sentence_end, q.norm_text, q.text_key, q.head_key, f.document_id, f.start_offset,
                       q.part_starts, q.part_ends, q.speaker_resolution, q.speaker_mention, q.speaker_mention_start,
                       q.speaker_mention_end
                FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id
                JOIN LATERAL (SELECT document_id, start_offset FROM quotes x WHERE x.cluster_id = q.cluster_id
                              ORDER BY x.sort_at, x.id LIMIT 1) f ON true""");
        PROJECTIONS.put("quote_subjects", """
                SELECT q.document_id, q.start_offset, e.norm_name, s.sort_at, sp.norm_name
                FROM quote_subjects s JOIN quotes q ON q.id = s.quote_id JOIN entities e ON e.id = s.entity_id
                LEFT JOIN entities sp ON sp.id = s.speaker_entity_id""");
        PROJECTIONS.put("entity_days", """
                SELECT e.type, e.norm_name, t.day, t.articles, t.mentions, t.quotes
                FROM entity_days t JOIN entities e ON e.id = t.entity_id""");
        PROJECTIONS.put("entity_documents", """
                SELECT e.type, e.norm_name, d.document_id, d.sort_at,
                       ARRAY(SELECT o.type || ':' || o.norm_name FROM unnest(d.co_entity_ids) AS c(id)
                             JOIN entities o ON o.id = c.id ORDER BY 1)
                FROM entity_documents d JOIN entities e ON e.id = d.entity_id""");
        PROJECTIONS.put("quote_clusters", """
                SELECT f.document_id, f.start_offset, c.occurrences, c.documents, c.families, c.first_at, c.last_at
                FROM quote_clusters c JOIN quotes f ON f.id = c.first_quote_id""");
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    /** One endpoint to measure: a name and a request path made from a random source. */
    record Endpoint(String name, Function<Random, String> path) {
    }

    private List<Endpoint> endpoints(CorpusGenerator corpus, long seed) throws SQLException {
        List<Long> entities = ids("SELECT id FROM entities WHERE mention_count > 0 ORDER BY mention_count DESC LIMIT 2000");
        List<Long> people = ids("SELECT id FROM entities WHERE type = 'PERSON' AND quote_count > 0 ORDER BY quote_count DESC LIMIT 2000");
        List<Long> clusters = ids("SELECT id FROM quote_clusters ORDER BY occurrences DESC LIMIT 500");
        List<String> docs = strings("SELECT id::text FROM documents TABLESAMPLE SYSTEM (1) LIMIT 2000");
        Instant first = Instant.parse("2024-01-01T00:00:00Z");
        return List.of(
                new Endpoint("quotes by speaker name", r -> "/api/v1/quotes?limit=20&speaker="
                        + enc(name(corpus, r))),
                new Endpoint("quotes by speaker id", r -> "/api/v1/quotes?limit=20&speakerId=" + any(r, people)),
                new Endpoint("quotes keyset page (deep cursor)", r -> "/api/v1/quotes?limit=20&cursor="
                        + cursor("q1", first.plus(r.nextInt(730), ChronoUnit.DAYS))),
                new Endpoint("quotes by speaker keyset page", r -> "/api/v1/quotes?limit=20&speakerId=" + any(r, people)
                        + "&cursor=" + cursor("q1", first.plus(r.nextInt(730), ChronoUnit.DAYS))),
                new Endpoint("quotes about entity", r -> "/api/v1/quotes?limit=20&about=" + any(r, entities)),
                new Endpoint("quotes full-text newest", r -> "/api/v1/quotes?limit=20&q=" + enc(CorpusGenerator.word(r))),
                new Endpoint("quotes full-text ranked", r -> "/api/v1/quotes?limit=20&sort=RELEVANCE&q="
                        + enc(CorpusGenerator.word(r) + " " + CorpusGenerator.word(r))),
                new Endpoint("entity profile", r -> "/api/v1/entities/" + any(r, entities)),
                new Endpoint("entity search", r -> "/api/v1/entities?limit=20&q=" + enc(prefix(name(corpus, r)))),
                new Endpoint("documents full-text ranked", r -> "/api/v1/documents?limit=20&q="
                        + enc(CorpusGenerator.word(r) + " " + CorpusGenerator.word(r))),
                new Endpoint("documents by source keyset", r -> "/api/v1/documents?limit=20&source="
                        + enc(corpus.outletName(r.nextInt(corpus.outlets())))),
                new Endpoint("document view", r -> "/api/v1/documents/" + docs.get(r.nextInt(docs.size()))),
                new Endpoint("quote clusters", r -> "/api/v1/quote-clusters?limit=20"),
                new Endpoint("quote cluster view", r -> "/api/v1/quote-clusters/" + any(r, clusters)));
    }

    private static String name(CorpusGenerator corpus, Random r) {
        String name = corpus.personName(corpus.popularPerson(r));
        return r.nextBoolean() ? name : name.substring(name.lastIndexOf(' ') + 1);
    }

    private static String prefix(String name) {
        return name.substring(0, Math.min(name.length(), 5));
    }

    private static long any(Random r, List<Long> ids) {
        return ids.get(r.nextInt(ids.size()));
    }

    /** A cursor positioned at {@code at} (the service's cursor format: base64url "kind|micros|id"). */
    private static String cursor(String kind, Instant at) {
        String raw = kind + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, at) + "|" + Long.MAX_VALUE;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Latencies of one endpoint in milliseconds, sorted, and requests per second. */
    record Result(double[] millis, double throughput) {
        double p(int percentile) {
            int i = (int) Math.ceil(percentile / 100.0 * millis.length) - 1;
            return millis[Math.max(0, Math.min(millis.length - 1, i))];
        }
    }

    private Result measure(Endpoint e, int requests, int clients) throws Exception {
        Random warm = new Random(1);
        for (int i = 0; i < warmup; i++) {
            get(e.path.apply(warm));
        }
        double[] millis = new double[requests];
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random r = new Random(1000 + c);
            running.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String path = e.path.apply(r);
                    long s = System.nanoTime();
                    get(path);
                    millis[(int) i] = (System.nanoTime() - s) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Arrays.sort(millis);
        return new Result(millis, requests / seconds);
    }

    /**
     * One measured GET, read to the end. A blocking {@link HttpURLConnection} (kept alive by the JDK
     * between requests) rather than {@link HttpClient}: the client shares the 2 cores with the
     * service and PostgreSQL, and HttpClient's asynchronous machinery spent about twice the CPU per
     * request (entity profile at 1M: p50 6.1-6.5 ms measured through it, 4.3-4.7 ms through this).
     */
    private void get(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        int status = c.getResponseCode();
        try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status + ": "
                        + new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    /** Indexes articles from..to (exclusive) through the real PUT, with {@code loaders} in parallel. */
    private void load(CorpusGenerator corpus, long from, long to, int loaders) throws Exception {
        AtomicLong next = new AtomicLong(from);
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        List<Future<?>> running = new ArrayList<>();
        long step = Math.max(1000, (to - from) / 10);
        for (int t = 0; t < loaders; t++) {
            running.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    byte[] body = json.writeValueAsBytes(corpus.article(i));
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    base.resolve("/api/v1/index/documents/" + corpus.id(i)))
                            .header("Content-Type", "application/json")
                            .header("X-API-Key", writerKey)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 204) {
                        throw new IllegalStateException("article " + i + ": " + response.statusCode() + " " + response.body());
                    }
                    if ((i + 1) % step == 0) {
                        System.out.printf("  indexed %,d%n", i + 1);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    /**
     * Reads every file under {@code dir} once, so the measurement starts from the OS page cache a
     * running server has (its database fits in memory here) rather than from whatever the last
     * process left there: on a cold cache the tails measure the disk (one 1M run: p99 of quotes
     * about an entity 871 ms, 17.7 ms in the run before it).
     */
    private static long readFiles(Path dir) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 20];
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            try (var in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                }
            } catch (IOException e) {
                // a file PostgreSQL removed meanwhile (a temporary one): nothing to warm
            }
        }
        return total;
    }

    private void analyze() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
    }

    private String stats() throws SQLException {
        StringBuilder sb = new StringBuilder("  rows:");
        for (String table : List.of("documents", "entities", "mentions", "quotes", "quote_clusters", "quote_subjects")) {
            sb.append(' ').append(table).append('=').append(ids("SELECT count(*) FROM " + table).get(0));
        }
        sb.append(", database ").append(strings("SELECT pg_size_pretty(pg_database_size('query'))").get(0));
        return sb.toString();
    }

    private List<Long> ids(String sql) throws SQLException {
        return strings(sql).stream().map(Long::parseLong).toList();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private Process startService(Path jar, int port, Path home) throws IOException {
        Path log = home.resolve("query-benchmark/target/query-service.log");
        Files.createDirectories(log.getParent());
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.log.category.\"io.quotewire\".level=WARN",
                "-jar", jar.toString());
        System.out.println("query-service log: " + log);
        ProcessBuilder service = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        service.environment().put("QUOTEWIRE_AUTH_API_KEYS", "benchmark:writer:" + writerKey);
        return service.start();
    }

    private void waitReady() throws InterruptedException {
        for (int i = 0; i < 1200; i++) { // a migration over a big corpus may take minutes
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("query-service did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
        }
    }
}
