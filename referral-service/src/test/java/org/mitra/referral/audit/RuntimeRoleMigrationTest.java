package org.mitra.referral.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.mitra.referral.DatabaseRoles;
import org.mitra.testkit.TestInfrastructure;

/**
 * Migration V10 (the service's role owns no table) on installations other than the tests' own: one where Flyway and
 * the service sign in as the same role, and one made by an older version, whose migrations ran as the service's role.
 * Flyway runs here as the service does at start, with the service's migration locations; each test has a database
 * of its own on the test server.
 */
class RuntimeRoleMigrationTest {
    private static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/outbox", "classpath:db/web"};

    /** The highest version among the service's migrations (V1__ ... V14__ ...), which a full migration reaches. */
    private static String latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V[0-9]+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A single-role installation still migrates; its one role keeps owning everything, so the protection is absent. */
    @Test
    void aSingleRoleInstallationMigratesAndItsRoleStillOwnsTheAuditTable() throws SQLException {
        String database = "referral_single_role";
        TestInfrastructure.createDatabaseWithRoles(database);
        String owner = TestInfrastructure.ownerRole(database);

        MigrateResult result = DatabaseRoles.flyway(database, owner, owner, null, LOCATIONS).migrate();

        assertThat(result.success).isTrue();
        assertThat(result.targetSchemaVersion).isEqualTo(latestMigration());
        try (Connection connection = DatabaseRoles.connect(database, owner); Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'")).isEqualTo(owner);
            assertThat(single(statement, "SELECT has_table_privilege('audit_entry', 'UPDATE')")).isEqualTo("t");
        }
    }

    /**
     * An installation from before V10 (everything owned by the service's role) is refused by V10 with the statement that
     * hands its objects to the owner role; after that statement it migrates, and the service's role owns nothing.
     */
    @Test
    void anInstallationWhoseTablesTheServicesRoleOwnsMigratesOnlyOnceTheyAreReassigned() throws SQLException {
        String database = "referral_before_v10";
        TestInfrastructure.createDatabaseWithRoles(database);
        String owner = TestInfrastructure.ownerRole(database);
        String service = TestInfrastructure.serviceRole(database);
        // As older versions installed it: the service's role owned the database and ran the migrations.
        superuser("postgres", "ALTER DATABASE " + database + " OWNER TO " + service);
        assertThat(DatabaseRoles.flyway(database, service, service, "9", LOCATIONS).migrate().success).isTrue();

        // Run as a superuser, which may read the history, V10 refuses: the service's role would keep owning the tables.
        assertThatThrownBy(() -> DatabaseRoles.flyway(database, TestInfrastructure.POSTGRES_USER, service, null, LOCATIONS).migrate())
                .hasMessageContaining("REASSIGN OWNED BY " + service + " TO " + TestInfrastructure.POSTGRES_USER);

        // The statement the refusal names (it hands the database over too), with the owner role.
        superuser(database, "REASSIGN OWNED BY " + service + " TO " + owner);
        assertThat(DatabaseRoles.flyway(database, owner, service, null, LOCATIONS).migrate().success).isTrue();

        try (Connection connection = DatabaseRoles.connect(database, service); Statement statement = connection.createStatement()) {
            assertThat(single(statement, """
                    SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"""))
                    .isEqualTo("0");
            assertThat(single(statement, """
                    SELECT string_agg(privilege, ',' ORDER BY privilege) FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE',
                        'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS privilege WHERE has_table_privilege('audit_entry', privilege)"""))
                    .isEqualTo("INSERT,SELECT");
        }
    }

    private static void superuser(String database, String sql) throws SQLException {
        try (Connection connection = DatabaseRoles.connect(database, TestInfrastructure.POSTGRES_USER);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
