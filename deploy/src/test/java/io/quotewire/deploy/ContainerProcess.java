package io.quotewire.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quotewire.testsupport.LocalPostgres;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One packaged service run the way its container runs it: the Dockerfile's ENTRYPOINT and ENV on
 * a copy of the layers its COPY lines take from {@code target/quarkus-app}, the environment the
 * local overlay gives the container (ConfigMap, env, Secret), and the container's memory limit
 * imposed on the JVM with -XX:MaxRAM. Differences from the cluster: the HTTP port is a free one,
 * the JDBC URL points at the test's PostgreSQL, and {@code overrides} replace overlay values.
 */
final class ContainerProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final Container container;
    private final Process process;
    private final int port;
    private final Path log;

    private ContainerProcess(String service, Container container, Process process, int port, Path log) {
        this.service = service;
        this.container = container;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Path packagedApp(String service) {
        return DeployDir.get().getParent().resolve(service).resolve("target/quarkus-app");
    }

    /** Packaged, and not older than the module's sources (a stale package would test old code). */
    static boolean packaged(String service) {
        Path runJar = packagedApp(service).resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runJar)) {
            return false;
        }
        try (Stream<Path> app = Files.walk(packagedApp(service).resolve("app"));
             Stream<Path> sources = Files.walk(packagedApp(service).getParent().getParent().resolve("src/main"))) {
            long built = app.filter(Files::isRegularFile).mapToLong(ContainerProcess::modified).max().orElse(0);
            long edited = sources.filter(Files::isRegularFile).mapToLong(ContainerProcess::modified).max().orElse(0);
            return built >= edited;
        } catch (IOException e) {
            return false;
        }
    }

    /** Why {@link #packaged} said no, for the skip message. */
    static String notPackaged(String service) {
        return service + " is not packaged, or its package is older than its sources (" + packagedApp(service)
                + "); package it (the full build does) to include this check";
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A fresh PostgreSQL prepared by the local overlay's init script with the overlay's credentials. */
    static LocalPostgres databaseAsTheLocalOverlaySetsItUp() throws IOException, InterruptedException {
        Secret db = localDatabaseSecret();
        LocalPostgres postgres = LocalPostgres.startTemporary();
        InitScript.Run run = InitScript.run(postgres, Map.of(
                "INGEST_DB_USERNAME", decode(db, "ingest-username"),
                "INGEST_DB_PASSWORD", decode(db, "ingest-password"),
                "QUERY_DB_USERNAME", decode(db, "query-username"),
                "QUERY_DB_PASSWORD", decode(db, "query-password")));
        if (run.exit() != 0) {
            postgres.close();
            throw new AssertionError("init-databases.sh failed:\n" + run.output());
        }
        return postgres;
    }

    static ContainerProcess start(String service, LocalPostgres postgres, Map<String, String> overrides)
            throws IOException {
        Overlays.Overlay local = Overlays.get("local");
        Container c = PodTemplates.named(local, service).containers().get(0);
        Dockerfile docker = Dockerfile.parse(Dockerfile.of(service));
        int port = freePort();

        Map<String, String> env = new HashMap<>(docker.env());
        env.putAll(containerEnvironment(local, c, postgres));
        env.putAll(overrides);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port)); // the cluster uses the fixed port; here any free one
        long memoryLimit = Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")).longValueExact();
        env.put("JAVA_OPTS_APPEND", env.getOrDefault("JAVA_OPTS_APPEND", "") + " -XX:MaxRAM=" + memoryLimit);
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));

        Path work = DeployDir.get().resolve("target/container-start");
        Path deployments = work.resolve(service);
        deleteTree(deployments);
        Path module = packagedApp(service).getParent().getParent();
        for (String[] copy : docker.copies()) {
            copyLayer(module, copy[0], deployments, copy[1]);
        }
        String appDir = deployments.toAbsolutePath() + "/";
        List<String> command = docker.entrypoint().stream().map(s -> s.replace("/deployments/", appDir)).toList();
        Path log = work.resolve(service + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(deployments.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return new ContainerProcess(service, c, pb.start(), port, log);
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /**
     * Waits as the kubelet would: the startup probe within periodSeconds × failureThreshold, then
     * readiness (a few periods), then liveness once. Returns the last status of each.
     */
    Map<String, Integer> awaitProbes() throws InterruptedException {
        Probe startup = container.getStartupProbe();
        Probe readiness = container.getReadinessProbe();
        Probe liveness = container.getLivenessProbe();
        int started = poll(startup.getHttpGet().getPath(), (long) startup.getPeriodSeconds() * startup.getFailureThreshold());
        int ready = started == 200
                ? poll(readiness.getHttpGet().getPath(), (long) readiness.getPeriodSeconds() * readiness.getFailureThreshold() * 4)
                : -1;
        int live = started == 200 ? get(liveness.getHttpGet().getPath()) : -1;
        return Map.of(startup.getHttpGet().getPath(), started, readiness.getHttpGet().getPath(), ready,
                liveness.getHttpGet().getPath(), live);
    }

    /** SIGTERM to the entrypoint (which exec'd java); true when it ended within the grace period. */
    boolean stop() throws InterruptedException {
        process.destroy();
        boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
        if (!stopped) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return stopped;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    boolean answers() throws InterruptedException {
        return get("/q/health/live") != -1;
    }

    int get(String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private int poll(String path, long budgetSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(budgetSeconds);
        int last = -1;
        while (System.nanoTime() < deadline && process.isAlive()) {
            last = get(path);
            if (last == 200) {
                return last;
            }
            Thread.sleep(250);
        }
        return last;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return service + (process.isAlive() ? " (running)" : " (exited " + process.exitValue() + ")") + ", log "
                    + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The container's environment as the kubelet assembles it (envFrom, then env). */
    private static Map<String, String> containerEnvironment(Overlays.Overlay o, Container c, LocalPostgres postgres) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            env.putAll(o.one(ConfigMap.class, from.getConfigMapRef().getName()).getData());
        }
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), e.getValue());
            } else {
                SecretKeySelector ref = e.getValueFrom().getSecretKeyRef();
                String value = decode(o.one(Secret.class, ref.getName()), ref.getKey());
                if (e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL")) {
                    // the same database, on the test's server instead of the in-cluster host
                    String database = URI.create(value.substring("jdbc:".length())).getPath().substring(1);
                    value = postgres.jdbcUrl(database);
                }
                env.put(e.getName(), value);
            }
        }
        return env;
    }

    /** COPY target/quarkus-app/<src> <dst>: a directory's content, or the files a *.jar glob names. */
    private static void copyLayer(Path module, String src, Path deployments, String dst) throws IOException {
        Path target = deployments.resolve(dst.replaceFirst("^/deployments/?", ""));
        Files.createDirectories(target);
        if (src.endsWith("*.jar")) {
            Path dir = module.resolve(src.substring(0, src.length() - "*.jar".length()));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                    Files.copy(f, target.resolve(f.getFileName().toString()));
                }
            }
            return;
        }
        Path from = module.resolve(src);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Secret localDatabaseSecret() {
        return Overlays.get("local").all(Secret.class).stream()
                .filter(s -> s.getMetadata().getName().startsWith("quotewire-db")).findFirst().orElseThrow();
    }

    static String decode(Secret s, String key) {
        return new String(Base64.getMimeDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }
}
