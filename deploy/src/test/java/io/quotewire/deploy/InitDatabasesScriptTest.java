package io.quotewire.deploy;

import io.quotewire.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the local overlay's init-databases.sh the way the postgres image's entrypoint does (psql
 * as the superuser, credentials in the environment) against a real PostgreSQL, then checks what
 * the services will find: their own database, which they may build a schema in, and no way into
 * the other's.
 */
class InitDatabasesScriptTest {

    /** A password with a quote and a backslash: the script must pass it as data, not as SQL. */
    private static final String INGEST_PASSWORD = "dev-only-it's\\ingest";
    private static final String QUERY_PASSWORD = "dev-only-query";

    private static LocalPostgres postgres;

    @BeforeAll
    static void runTheScript() throws Exception {
        assertThat(onPath("psql")).as("psql (Debian package postgresql-client) is on the PATH").isTrue();
        postgres = LocalPostgres.startTemporary();
        InitScript.Run run = InitScript.run(postgres, Map.of(
                "INGEST_DB_USERNAME", "ingest",
                "INGEST_DB_PASSWORD", INGEST_PASSWORD,
                "QUERY_DB_USERNAME", "query",
                "QUERY_DB_PASSWORD", QUERY_PASSWORD));
        assertThat(run.exit()).as("init-databases.sh output:\n" + run.output()).isZero();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), user, password);
    }

    @Test
    void eachDatabaseIsOwnedByItsServiceRole() throws SQLException {
        try (Connection c = connect("postgres", postgres.username(), postgres.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT d.datname, r.rolname, r.rolcanlogin, r.rolsuper, a.rolpassword IS NOT NULL
                     FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba JOIN pg_authid a ON a.oid = r.oid
                     WHERE d.datname IN ('ingest', 'query') ORDER BY d.datname""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ingest");
            assertThat(rs.getString(2)).isEqualTo("ingest");
            assertThat(rs.getBoolean(3)).as("can log in").isTrue();
            assertThat(rs.getBoolean(4)).as("superuser").isFalse();
            assertThat(rs.getBoolean(5)).as("has a password").isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("query");
            assertThat(rs.getString(2)).isEqualTo("query");
            assertThat(rs.getBoolean(4)).isFalse();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void theOwnerCanBuildItsSchemaLikeFlywayDoes() throws SQLException {
        for (String[] owner : new String[][] {{"ingest", INGEST_PASSWORD}, {"query", QUERY_PASSWORD}}) {
            try (Connection c = connect(owner[0], owner[0], owner[1]); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE schema_probe (id bigint PRIMARY KEY)");
                s.execute("INSERT INTO schema_probe VALUES (1)");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM schema_probe")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                s.execute("DROP TABLE schema_probe");
            }
        }
    }

    @Test
    void noServiceCanConnectToTheOthersDatabase() {
        assertThatThrownBy(() -> connect("query", "ingest", INGEST_PASSWORD).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        assertThatThrownBy(() -> connect("ingest", "query", QUERY_PASSWORD).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    @Test
    void theRolePasswordIsExactlyTheSecretValue() throws SQLException {
        // Compare with what PostgreSQL itself derives from the intended value: a quoting mistake in
        // the script would store a different password.
        try (Connection c = connect("postgres", postgres.username(), postgres.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'ingest'")) {
            assertThat(rs.next()).isTrue();
            String stored = rs.getString(1);
            assertThat(stored).startsWith("SCRAM-SHA-256$");
            assertThat(Scram.verify(stored, INGEST_PASSWORD)).as("stored verifier matches the Secret's password").isTrue();
            assertThat(Scram.verify(stored, INGEST_PASSWORD + "x")).isFalse();
        }
    }
}
