package io.quotewire.deploy;

import io.quotewire.testsupport.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several replicas starting at once each run Flyway's migrate at start-up
 * ({@code quarkus.flyway.migrate-at-start}). Flyway serialises them with a PostgreSQL advisory lock
 * on the schema history table: one migrates, the others wait for the lock, find nothing left to do
 * and go on. This runs each service's real migrations from {@value #REPLICAS} threads released
 * together against one fresh database, and checks that every migration ran exactly once and
 * succeeded.
 */
class MigrationConcurrencyTest {

    static final int REPLICAS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "query-service"})
    void severalReplicasMigrateOnceBetweenThem(String service) throws Exception {
        Path migrations = DeployDir.get().getParent().resolve(service + "/src/main/resources/db/migration");
        long files;
        try (Stream<Path> list = Files.list(migrations)) {
            files = list.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        try (LocalPostgres postgres = LocalPostgres.startTemporary()) {
            String url = postgres.createDatabase("replicas");
            ExecutorService pool = Executors.newFixedThreadPool(REPLICAS);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<MigrateResult>> runs = new ArrayList<>();
                for (int i = 0; i < REPLICAS; i++) {
                    runs.add(pool.submit(() -> {
                        Flyway flyway = Flyway.configure().dataSource(url, postgres.username(), postgres.password())
                                .locations("filesystem:" + migrations).load();
                        go.await();
                        return flyway.migrate();
                    }));
                }
                go.countDown();
                int applied = 0;
                for (Future<MigrateResult> run : runs) {
                    MigrateResult result = run.get(2, TimeUnit.MINUTES);
                    assertThat(result.success).isTrue();
                    applied += result.migrationsExecuted;
                }
                assertThat(applied).as("migrations executed over all replicas").isEqualTo(files);
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = DriverManager.getConnection(url, postgres.username(), postgres.password());
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT version), bool_and(success) "
                         + "FROM flyway_schema_history WHERE version IS NOT NULL")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(files);
                assertThat(r.getLong(2)).isEqualTo(files);
                assertThat(r.getBoolean(3)).isTrue();
            }
        }
    }
}
