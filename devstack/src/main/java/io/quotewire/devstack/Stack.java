package io.quotewire.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.testsupport.LocalPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole system on one machine: a real PostgreSQL from the embedded binaries (databases
 * {@code ingest} and {@code query}, one per owning service) and the three services started from
 * their packaged applications ({@code <service>/target/quarkus-app/quarkus-run.jar}).
 *
 * <p>{@code ./quotewire up} runs {@link #main} in the background; the end-to-end test uses
 * {@link #start} with free ports and a temporary directory.
 */
public final class Stack implements AutoCloseable {

    /** Where things go and which ports to use. */
    public record Config(Path home, Path workDirectory, boolean persistentDatabase,
                         int postgresPort, int ingestPort, int extractionPort, int queryPort,
                         Map<String, String> postgresSettings) {

        /** The local run: fixed, documented ports; data kept under {@code .quotewire/}. */
        public static Config local(Path home) {
            return new Config(home, home.resolve(".quotewire"), true, 55432, 8081, 8082, 8083, Map.of());
        }

        /** Throw-away stack on free ports (tests). */
        public static Config ephemeral(Path home, Path workDirectory) {
            return new Config(home, workDirectory, false, 0, freePort(), freePort(), freePort(), Map.of());
        }

        /** A stack on free ports keeping its database in {@code workDirectory/pgdata} (benchmarks on a loaded database). */
        public static Config kept(Path home, Path workDirectory) {
            return new Config(home, workDirectory, true, freePort(), freePort(), freePort(), freePort(), Map.of());
        }

        /** This configuration with more PostgreSQL server settings ({@code postgresql.conf} names). */
        public Config withPostgresSettings(Map<String, String> settings) {
            return new Config(home, workDirectory, persistentDatabase, postgresPort, ingestPort, extractionPort,
                    queryPort, Map.copyOf(settings));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Config config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Service> services = new ArrayList<>();
    private LocalPostgres postgres;
    /** This run's API key with the role admin on ingest-service and query-service (printed in the summary). */
    private final String apiKey = newKey();
    /** ingest-service's own key for indexing into query-service (role writer there). */
    private final String ingestToQueryKey = newKey();

    private record Service(String name, Process process, Path log, URI base, ProcessBuilder builder) {
    }

    private Stack(Config config) {
        this.config = config;
    }

    /** Starts PostgreSQL and the three services and waits until each reports ready. */
    public static Stack start(Config config) {
        Stack stack = new Stack(config);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public URI ingestUrl() {
        return URI.create("http://localhost:" + config.ingestPort());
    }

    public URI extractionUrl() {
        return URI.create("http://localhost:" + config.extractionPort());
    }

    public URI queryUrl() {
        return URI.create("http://localhost:" + config.queryPort());
    }

    private void startAll() {
        try {
            Files.createDirectories(config.workDirectory().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = config.persistentDatabase()
                ? LocalPostgres.startPersistent(config.workDirectory().resolve("pgdata"), config.postgresPort(),
                        config.postgresSettings())
                : LocalPostgres.startTemporary(config.postgresSettings());
        String ingestDb = postgres.createDatabase("ingest");
        String queryDb = postgres.createDatabase("query");

        // Writes need a key (reads are open, as by default): keys go in through the environment,
        // not the command line, where every local user could read them.
        startService("extraction-service", config.extractionPort(), "-Xmx256m", Map.of(), Map.of());
        // The workbench's ingest form calls ingest-service from the browser: query-service tells the page
        // where ingest-service is, and ingest-service allows the workbench's origin (and only it) by CORS.
        Map<String, String> query = new LinkedHashMap<>(datasource(queryDb));
        query.put("quotewire.workbench.ingest-url", ingestUrl().toString());
        startService("query-service", config.queryPort(), "-Xmx384m", query, Map.of(
                "QUOTEWIRE_AUTH_API_KEYS", "ingest-service:writer:" + ingestToQueryKey + ",local-admin:admin:" + apiKey));
        Map<String, String> ingest = new LinkedHashMap<>(datasource(ingestDb));
        ingest.put("quotewire.extraction.url", extractionUrl().toString());
        ingest.put("quotewire.query.url", queryUrl().toString());
        ingest.put("quarkus.http.cors.enabled", "true");
        ingest.put("quarkus.http.cors.origins", String.join(",", workbenchOrigins()));
        startService("ingest-service", config.ingestPort(), "-Xmx384m", ingest, Map.of(
                "QUOTEWIRE_AUTH_API_KEYS", "local-admin:admin:" + apiKey,
                "QUOTEWIRE_QUERY_API_KEY", ingestToQueryKey));
        for (Service s : services) {
            awaitReady(s, Duration.ofSeconds(180));
        }
    }

    /**
     * The origins of the workbench (query-service's pages) as a browser on this machine names them; ingest-service
     * allows these, and no other, by CORS.
     */
    public List<String> workbenchOrigins() {
        return List.of("http://localhost:" + config.queryPort(), "http://127.0.0.1:" + config.queryPort());
    }

    private Map<String, String> datasource(String jdbcUrl) {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    /** This run's admin API key for both services (send it as {@code X-API-Key}); new on every start. */
    public String apiKey() {
        return apiKey;
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return "qw-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void startService(String name, int port, String heap, Map<String, String> properties,
                              Map<String, String> environment) {
        Path jar = config.home().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add(heap);
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Path log = config.workDirectory().resolve("logs").resolve(name + ".log");
        try {
            Files.deleteIfExists(log); // a restart (see restart) appends to it
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            services.add(new Service(name, builder.start(), log, URI.create("http://localhost:" + port), builder));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    private void awaitReady(Service s, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!s.process().isAlive()) {
                throw new IllegalStateException(s.name() + " exited with " + s.process().exitValue()
                        + "; its log:\n" + tail(s.log()));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(s.base().resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(250);
        }
        throw new IllegalStateException(s.name() + " not ready after " + timeout + "; its log:\n" + tail(s.log()));
    }

    /** The operating-system process id of each running service, by name (benchmarks read their CPU time). */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(s -> pids.put(s.name(), s.process().pid()));
        return pids;
    }

    /** JDBC URL of one service's database ({@code ingest} or {@code query}); user and password {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** PostgreSQL's port (its server processes are found by it). */
    public int postgresPort() {
        return postgres.port();
    }

    /** Kills a service at once ({@code kill -9}: no shutdown hook, no in-flight work finished). */
    public void kill(String name) {
        Service s = service(name);
        try {
            s.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts a killed (or stopped) service again with its first command line and waits until it is ready. */
    public void restart(String name) {
        Service old = service(name);
        if (old.process().isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            Service again = new Service(name, old.builder().start(), old.log(), old.base(), old.builder());
            services.set(services.indexOf(old), again);
            awaitReady(again, Duration.ofSeconds(180));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " again", e);
        }
    }

    private Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Posts every {@code *.txt} in {@code directory} to ingest-service as text/plain; returns the document ids. */
    public List<String> ingestDirectory(Path directory) {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                ids.add(ingestText(Files.readString(file, StandardCharsets.UTF_8), directory.getFileName() + "/" + file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** Posts one article as text/plain; returns its document id (the existing one for a duplicate). */
    public String ingestText(String text, String source) {
        HttpRequest request = HttpRequest.newBuilder(ingestUrl().resolve("/api/v1/documents"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("X-Source", source)
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30))
                .build();
        JsonNode receipt = send(request, 200, 202);
        return receipt.get("id").asText();
    }

    /** Waits until every document is INDEXED (searchable in query-service); fails on FAILED or time-out. */
    public void awaitIndexed(List<String> ids, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (String id : ids) {
            while (true) {
                JsonNode doc = send(HttpRequest.newBuilder(ingestUrl().resolve("/api/v1/documents/" + id))
                        .timeout(Duration.ofSeconds(10)).build(), 200);
                String status = doc.path("status").asText();
                if ("INDEXED".equals(status)) {
                    break;
                }
                if ("FAILED".equals(status)) {
                    throw new IllegalStateException("document " + id + " FAILED: " + doc.path("lastError").asText());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("document " + id + " still " + status + " after " + timeout);
                }
                sleep(200);
            }
        }
    }

    private JsonNode send(HttpRequest request, int... expected) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int e : expected) {
                if (r.statusCode() == e) {
                    return JSON.readTree(r.body());
                }
            }
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode() + ": " + r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the services (they finish in-flight work on SIGTERM) and then PostgreSQL. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).process().destroy();
        }
        for (Service s : services) {
            try {
                if (!s.process().waitFor(30, TimeUnit.SECONDS)) {
                    s.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code Stack run}: starts the local stack, ingests {@code seeds/}, writes the summary to
     * {@code .quotewire/summary.txt}, prints READY and runs until it is stopped (SIGTERM).
     */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("quotewire.home", ".")).toAbsolutePath().normalize();
        Config config = Config.local(home);
        Stack stack = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "quotewire-stack-stop"));
        List<String> ids = stack.ingestDirectory(home.resolve("seeds"));
        stack.awaitIndexed(ids, Duration.ofMinutes(5));
        String summary = """
                Quotewire is running; %d seed articles ingested and indexed.

                  ingest-service      %s/q/swagger-ui
                  extraction-service  %s/q/swagger-ui
                  query-service       %s/q/swagger-ui  (workbench, the web UI: %s/)
                  add articles        %s/ingest  (in the workbench; type the API key below)
                  PostgreSQL          localhost:%d (databases ingest, query; user postgres)
                  logs                %s

                API key (role admin on both services; new on every start; writes need it, reads do not):
                  X-API-Key: %s

                Try:
                  curl '%s/api/v1/quotes?speaker=Trump'
                  curl '%s/api/v1/entities?q=Zelensky'
                  curl '%s/api/v1/documents?q=ceasefire'
                  curl -H 'X-API-Key: %s' -H 'Content-Type: text/plain' --data-binary @seeds/<file>.txt %s/api/v1/documents

                Stop everything with: ./quotewire down
                """.formatted(ids.size(), stack.ingestUrl(), stack.extractionUrl(), stack.queryUrl(), stack.queryUrl(),
                stack.queryUrl(), config.postgresPort(), config.workDirectory().resolve("logs"), stack.apiKey(),
                stack.queryUrl(), stack.queryUrl(), stack.queryUrl(), stack.apiKey(), stack.ingestUrl());
        Files.writeString(config.workDirectory().resolve("summary.txt"), summary);
        System.out.println(summary);
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
