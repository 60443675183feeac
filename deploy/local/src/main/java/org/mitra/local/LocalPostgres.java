package org.mitra.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** PostgreSQL 17 from zonky's binaries, its data kept under the runtime directory between runs. */
final class LocalPostgres implements Stoppable {
    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(PlatformSettings settings) {
        Path home = settings.runtime().resolve("postgres");
        Path binaries = home.resolve("binaries");
        Path log = settings.logs().resolve("postgres.log");
        try {
            Files.createDirectories(binaries);
            Files.createDirectories(log.getParent());
            // zonky unpacks its binaries under this directory instead of /tmp.
            System.setProperty("ot.epg.working-dir", binaries.toString());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(home.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(settings.postgresPort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new LocalPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL; see " + log, e);
        }
    }

    /** Creates the service's user and database unless they exist, and sets the user's password to the configured one. */
    void ensureDatabase(String name, String password) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                statement.execute("ALTER ROLE " + name + " WITH LOGIN PASSWORD " + quotedPassword);
            } else {
                statement.execute("CREATE ROLE " + name + " WITH LOGIN PASSWORD " + quotedPassword);
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
