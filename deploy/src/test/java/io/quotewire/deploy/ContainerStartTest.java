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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts each packaged service the way its container would: the Dockerfile's ENTRYPOINT and ENV,
 * the environment the local overlay gives the container (ConfigMap, env, Secret), the container's
 * memory limit imposed on the JVM (-XX:MaxRAM), and a real PostgreSQL set up by the overlay's init
 * script. Then asks the endpoints the Deployment's probes ask, and stops it as the kubelet would
 * (SIGTERM, then the grace period).
 *
 * <p>Needs {@code <service>/target/quarkus-app} (the full reactor build packages the services
 * before this module); without it the test is skipped and says so.
 */
class ContainerStartTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static LocalPostgres postgres;

    static Stream<String> services() {
        return Stream.of("extraction-service", "query-service", "ingest-service");
    }

    @BeforeAll
    static void database() throws Exception {
        Secret db = localSecret();
        postgres = LocalPostgres.startTemporary();
        InitScript.Run run = InitScript.run(postgres, Map.of(
                "INGEST_DB_USERNAME", decode(db, "ingest-username"),
                "INGEST_DB_PASSWORD", decode(db, "ingest-password"),
                "QUERY_DB_USERNAME", decode(db, "query-username"),
                "QUERY_DB_PASSWORD", decode(db, "query-password")));
        assertThat(run.exit()).as(run.output()).isZero();
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void startsAndAnswersItsProbesWithTheDeploymentsSettings(String service) throws Exception {
        Path app = DeployDir.get().getParent().resolve(service).resolve("target/quarkus-app");
        Assumptions.assumeTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")),
                service + " is not packaged (" + app + "); run the full build to include this check");

        Overlays.Overlay local = Overlays.get("local");
        Container c = PodTemplates.named(local, service).containers().get(0);
        Dockerfile docker = Dockerfile.parse(Dockerfile.of(service));
        int port = freePort();

        Map<String, String> env = new HashMap<>(docker.env());
        env.putAll(containerEnvironment(local, c));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port)); // the cluster uses the fixed port; here any free one
        long memoryLimit = Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")).longValueExact();
        env.put("JAVA_OPTS_APPEND", env.getOrDefault("JAVA_OPTS_APPEND", "") + " -XX:MaxRAM=" + memoryLimit);
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));

        // What the image's COPY lines do: a snapshot of the four layers under one directory.
        Path work = DeployDir.get().resolve("target/container-start");
        Path deployments = work.resolve(service);
        deleteTree(deployments);
        for (String[] copy : docker.copies()) {
            copyLayer(app.getParent().getParent(), copy[0], deployments, copy[1]);
        }
        assertThat(deployments.resolve("quarkus-run.jar")).isRegularFile();
        String appDir = deployments.toAbsolutePath() + "/";
        List<String> command = docker.entrypoint().stream().map(s -> s.replace("/deployments/", appDir)).toList();
        Path log = work.resolve(service + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(deployments.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process process = pb.start();
        boolean stopped;
        try {
            Probe startup = c.getStartupProbe();
            long budget = (long) startup.getPeriodSeconds() * startup.getFailureThreshold();
            int status = poll(process, port, startup.getHttpGet().getPath(), budget, log);
            assertThat(status).as(service + " startup probe " + startup.getHttpGet().getPath() + "; log " + log).isEqualTo(200);

            Probe readiness = c.getReadinessProbe();
            long readyBudget = (long) readiness.getPeriodSeconds() * readiness.getFailureThreshold() * 4;
            assertThat(poll(process, port, readiness.getHttpGet().getPath(), readyBudget, log))
                    .as(service + " readiness probe; log " + log).isEqualTo(200);
            assertThat(get(port, c.getLivenessProbe().getHttpGet().getPath()))
                    .as(service + " liveness probe; log " + log).isEqualTo(200);

        } finally {
            process.destroy(); // SIGTERM to the entrypoint, which exec'd java
            stopped = process.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(stopped).as(service + " stops on SIGTERM within the grace period").isTrue();
        assertThat(portAnswers(port)).as(service + ": no JVM left behind the shell").isFalse();
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
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** The container's environment as the kubelet assembles it (envFrom, then env). */
    private static Map<String, String> containerEnvironment(Overlays.Overlay o, Container c) {
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
                    // same database, but on the test server instead of the in-cluster host
                    String database = URI.create(value.substring("jdbc:".length())).getPath().substring(1);
                    value = postgres.jdbcUrl(database);
                }
                env.put(e.getName(), value);
            }
        }
        return env;
    }

    private static int poll(Process process, int port, String path, long budgetSeconds, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(budgetSeconds);
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ":\n" + tail(log));
            }
            last = get(port, path);
            if (last == 200) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " answered " + last + " for " + budgetSeconds + " s:\n" + tail(log));
    }

    private static int get(int port, String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean portAnswers(int port) throws InterruptedException {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/live"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Secret localSecret() {
        return Overlays.get("local").all(Secret.class).stream()
                .filter(s -> s.getMetadata().getName().startsWith("quotewire-db")).findFirst().orElseThrow();
    }

    private static String decode(Secret s, String key) {
        return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }
}
