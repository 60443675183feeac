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

    /**
     * Issue 12 item 12: the referral database belongs to its owner role (which runs the migrations), not to the
     * service's user; one made by an earlier launcher, owned by the service's user with its tables, is handed over
     * with its data.
     */
    @Test
    void theReferralDatabaseBelongsToItsOwnerRoleAndAnEarlierOneIsHandedOver() throws Exception {
        PlatformSettings settings = settings();
        String ownerPassword = settings.databaseOwnerPassword("referral_owner");
        LocalPostgres postgres = LocalPostgres.start(settings);
        try {
            postgres.ensureDatabase("directory", settings.databasePassword());
            postgres.ensureDatabase("referral", settings.databasePassword(), "referral_owner", ownerPassword);
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("referral"), "referral_owner", ownerPassword);
                    Statement statement = connection.createStatement()) {
                assertThat(value(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'referral'"))
                        .isEqualTo("referral_owner");
                assertThat(value(statement, """
                        SELECT string_agg(rolname || ':' || (rolsuper OR rolcreatedb OR rolcreaterole), ',' ORDER BY rolname)
                        FROM pg_roles WHERE rolname IN ('referral', 'referral_owner')""")).isEqualTo("referral:false,referral_owner:false");
                assertThat(value(statement, "SELECT pg_has_role('referral', 'referral_owner', 'MEMBER')")).isEqualTo("f");
            }
            DriverManager.getConnection(settings.jdbcUrl("referral"), "referral", settings.databasePassword()).close();
            assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl("referral"), "referral_owner",
                    settings.databasePassword()).close()).as("the owner with the users' password").isInstanceOf(SQLException.class);

            // As an earlier launcher left it: the service's user owns the database and its tables.
            postgres.ensureDatabase("referral_earlier", settings.databasePassword());
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("referral_earlier"), "referral_earlier",
                    settings.databasePassword()); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE audit_entry (id bigserial PRIMARY KEY, note text)");
                statement.execute("INSERT INTO audit_entry (note) VALUES ('still here')");
            }
            postgres.ensureDatabase("referral_earlier", settings.databasePassword(), "referral_owner", ownerPassword);
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("referral_earlier"), "referral_owner",
                    ownerPassword); Statement statement = connection.createStatement()) {
                assertThat(value(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                        .isEqualTo("referral_owner");
                assertThat(value(statement, "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'")).isEqualTo("referral_owner");
                assertThat(value(statement, "SELECT count(*) FROM pg_class WHERE relowner = 'referral_earlier'::regrole")).isEqualTo("0");
                assertThat(value(statement, "SELECT note FROM audit_entry")).isEqualTo("still here");
            }
        } finally {
            postgres.stop();
        }
    }

    /**
     * The key store stays owned by referral_keys, as earlier launchers made it (its data kept, no hand-over), and the
     * service's new role referral_keys_runtime, made on the next start with a password of its own, owns nothing there.
     */
    @Test
    void anEarlierKeyStoreKeepsItsOwnerAndGetsTheRuntimeRole() throws Exception {
        PlatformSettings settings = settings();
        String ownerPassword = settings.databaseOwnerPassword("referral_keys");
        String runtimePassword = settings.keyStoreRuntimePassword("referral_keys_runtime");
        LocalPostgres postgres = LocalPostgres.start(settings);
        try {
            // As an earlier launcher left it: referral_keys owns the key store and its tables, with the users' password.
            postgres.ensureDatabase("referral_keys", settings.databasePassword());
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("referral_keys"), "referral_keys",
                    settings.databasePassword()); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE shredded_subject (subject_id uuid PRIMARY KEY)");
                statement.execute("INSERT INTO shredded_subject VALUES (gen_random_uuid())");
            }

            postgres.ensureDatabase("referral_keys", "referral_keys", ownerPassword, "referral_keys_runtime", runtimePassword);

            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("referral_keys"), "referral_keys",
                    ownerPassword); Statement statement = connection.createStatement()) {
                assertThat(value(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                        .isEqualTo("referral_keys");
                assertThat(value(statement, "SELECT tableowner FROM pg_tables WHERE tablename = 'shredded_subject'"))
                        .isEqualTo("referral_keys");
                assertThat(value(statement, "SELECT count(*) FROM shredded_subject")).isEqualTo("1");
                assertThat(value(statement, """
                        SELECT string_agg(rolname || ':' || (rolsuper OR rolcreatedb OR rolcreaterole), ',' ORDER BY rolname)
                        FROM pg_roles WHERE rolname IN ('referral_keys', 'referral_keys_runtime')"""))
                        .isEqualTo("referral_keys:false,referral_keys_runtime:false");
                assertThat(value(statement, "SELECT pg_has_role('referral_keys_runtime', 'referral_keys', 'MEMBER')")).isEqualTo("f");
                assertThat(value(statement, "SELECT count(*) FROM pg_class WHERE relowner = 'referral_keys_runtime'::regrole"))
                        .isEqualTo("0");
            }
            DriverManager.getConnection(settings.jdbcUrl("referral_keys"), "referral_keys_runtime", runtimePassword).close();
            assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl("referral_keys"), "referral_keys",
                    settings.databasePassword()).close()).as("the owner with the users' password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl("referral_keys"), "referral_keys_runtime",
                    settings.databasePassword()).close()).as("the runtime role with the users' password").isInstanceOf(SQLException.class);
        } finally {
            postgres.stop();
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
