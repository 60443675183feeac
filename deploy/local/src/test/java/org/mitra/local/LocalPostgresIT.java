package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 15: the local run's PostgreSQL asks every connection for its password (scram-sha-256), the
 * superuser's included, whether its data directory is new or was made by a launcher that trusted everyone.
 */
class LocalPostgresIT {

    @Test
    void aNewInstallationAsksEveryConnectionForItsPassword() throws Exception {
        PlatformSettings settings = settings();
        LocalPostgres postgres = LocalPostgres.start(settings);
        try {
            postgres.ensureDatabase("directory", settings.databasePassword());

            assertRefusedWithoutTheRightPassword(settings);
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("postgres"), "postgres",
                    settings.postgresSuperuserPassword()); Statement statement = connection.createStatement()) {
                assertThat(value(statement, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(value(statement, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'")).isEqualTo("0");
                assertThat(value(statement, "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'directory'")).isEqualTo("t");
            }
        } finally {
            postgres.stop();
        }
    }

    @Test
    void aDataDirectoryFromTheTrustingLauncherGetsPasswordsAndKeepsItsData() throws Exception {
        PlatformSettings settings = settings();
        Path binaries = settings.runtime().resolve("postgres/binaries");
        java.nio.file.Files.createDirectories(binaries);
        // As the launcher before issue 12 left it: initdb's trust for every local connection, no superuser password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(settings.runtime().resolve("postgres/data"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(settings.postgresPort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("unix_socket_directories", "")
                .start();
                Connection connection = old.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE directory WITH LOGIN PASSWORD 'mitra-dev'");
            statement.execute("CREATE DATABASE directory OWNER directory");
            try (Connection trusted = old.getDatabase("directory", "directory").getConnection();
                    Statement asDirectory = trusted.createStatement()) {
                asDirectory.execute("CREATE TABLE kept (note text)");
                asDirectory.execute("INSERT INTO kept VALUES ('still here')");
            }
        }

        LocalPostgres postgres = LocalPostgres.start(settings);
        try {
            postgres.ensureDatabase("directory", settings.databasePassword());

            assertRefusedWithoutTheRightPassword(settings);
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("directory"), "directory",
                    settings.databasePassword()); Statement statement = connection.createStatement()) {
                assertThat(value(statement, "SELECT note FROM kept")).isEqualTo("still here");
            }
        } finally {
            postgres.stop();
        }
        // A later start finds the password in place and asks for it still.
        LocalPostgres again = LocalPostgres.start(settings);
        try {
            assertRefusedWithoutTheRightPassword(settings);
            DriverManager.getConnection(settings.jdbcUrl("postgres"), "postgres", settings.postgresSuperuserPassword()).close();
        } finally {
            again.stop();
        }
    }

    private static void assertRefusedWithoutTheRightPassword(PlatformSettings settings) {
        String url = settings.jdbcUrl("directory");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .as("superuser without password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .as("superuser with a wrong password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "directory", null).close())
                .as("service user without password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "directory", "mitra-dev").close())
                .as("service user with the old default password").isInstanceOf(SQLException.class);
    }

    private static String value(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static PlatformSettings settings() {
        PlatformSettings free = PlatformSettings.withFreePorts(PlatformSettings.findRepository(Path.of("")),
                "deploy/local/target/postgres-it-" + System.nanoTime());
        return free;
    }
}
