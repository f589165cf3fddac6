package io.quotewire.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server started from the embedded binaries on Maven Central (no Docker, nothing
 * installed). Used by the tests and by the local one-command stack.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a throw-away server on a free port with its data in a temporary directory. */
    public static LocalPostgres startTemporary() {
        return startTemporary(Map.of());
    }

    /** {@link #startTemporary()} with more server settings ({@code postgresql.conf} names). */
    public static LocalPostgres startTemporary(Map<String, String> settings) {
        return start(EmbeddedPostgres.builder(), settings);
    }

    /** Starts a server on {@code port} keeping its data in {@code dataDirectory} across restarts. */
    public static LocalPostgres startPersistent(Path dataDirectory, int port) {
        return startPersistent(dataDirectory, port, Map.of());
    }

    /** {@link #startPersistent(Path, int)} with more server settings ({@code postgresql.conf} names). */
    public static LocalPostgres startPersistent(Path dataDirectory, int port, Map<String, String> settings) {
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port), settings);
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder, Map<String, String> settings) {
        builder.setServerConfig("max_connections", "200").setServerConfig("fsync", "off");
        settings.forEach(builder::setServerConfig);
        try {
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** Creates {@code database} unless it exists; returns its JDBC URL. */
    public String createDatabase(String database) {
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        return jdbcUrl(database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
