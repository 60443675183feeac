package org.mitra.referral.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.mitra.referral.DatabaseRoles;
import org.mitra.testkit.TestInfrastructure;

/**
 * The key store's runtime role (R__key_store_runtime_role.sql) on installations other than the tests' own, with Flyway
 * run as the service runs it at start (the key store's location); each test has a key store of its own on the test
 * server, owned by a role named as the database, as installations have it ({@code referral_keys}).
 */
class KeyStoreRuntimeRoleMigrationTest {
    private static final String LOCATION = "classpath:db/keystore";
    private static final String APPEND_ONLY = "shredded_subject is append-only";

    /**
     * An installation from before the runtime role (its one role owns the key store and the service signs in as it)
     * upgrades with that single role: it still migrates and keeps working, without the protection. Split later (Flyway
     * as the owner, the service as a new role), the next migration grants the new role its privileges with no step by
     * hand, because the grants are a repeatable migration that runs again when runtime_role changes.
     */
    @Test
    void aSingleRoleInstallationMigratesAndGetsTheGrantsOnceSplitLater() throws SQLException {
        String database = "keys_single_role";
        String runtime = database + "_runtime";
        TestInfrastructure.createDatabaseWithRoles(database, database, runtime);
        // As installed by earlier versions: V1 and V2 run by the one role.
        assertThat(DatabaseRoles.flyway(database, database, database, "2", LOCATION).migrate().success).isTrue();

        assertThat(DatabaseRoles.flyway(database, database, database, null, LOCATION).migrate().success).isTrue();
        try (Connection connection = DatabaseRoles.connect(database, runtime); Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT has_table_privilege('data_key', 'SELECT')")).isEqualTo("f");
        }
        // The ledger is append-only already, whatever the roles.
        try (Connection connection = DatabaseRoles.connect(database, database); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DELETE FROM shredded_subject")).hasMessageContaining(APPEND_ONLY);
        }

        assertThat(DatabaseRoles.flyway(database, database, runtime, null, LOCATION).migrate().migrationsExecuted).isEqualTo(1);

        try (Connection connection = DatabaseRoles.connect(database, runtime); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO shredded_subject (subject_id, shredded_at) VALUES (gen_random_uuid(), now())");
            assertThat(single(statement, "SELECT count(*) FROM shredded_subject")).isEqualTo("1");
            assertThatThrownBy(() -> statement.execute("DELETE FROM shredded_subject")).hasMessageContaining("permission denied");
        }
        // Nothing changed, nothing runs again.
        assertThat(DatabaseRoles.flyway(database, database, runtime, null, LOCATION).migrate().migrationsExecuted).isZero();
    }

    /** A runtime role that does not exist yet (a Compose volume made before it): refused with the statement to run. */
    @Test
    void aMissingRuntimeRoleIsRefusedWithTheStatementThatCreatesIt() {
        String database = "keys_missing_role";
        TestInfrastructure.createDatabaseWithRoles(database, database, database + "_runtime");

        assertThatThrownBy(() -> DatabaseRoles.flyway(database, database, "keys_nobody", null, LOCATION).migrate())
                .hasMessageContaining("CREATE ROLE keys_nobody LOGIN PASSWORD");
    }

    /** A runtime role that may act as the owner (a member of its role) would own everything anyway: refused. */
    @Test
    void aRuntimeRoleThatIsAMemberOfTheOwnerIsRefused() throws SQLException {
        String database = "keys_member_role";
        String runtime = database + "_runtime";
        TestInfrastructure.createDatabaseWithRoles(database, database, runtime);
        try (Connection connection = DatabaseRoles.connect("postgres", TestInfrastructure.POSTGRES_USER);
                Statement statement = connection.createStatement()) {
            statement.execute("GRANT " + database + " TO " + runtime);
        }

        assertThatThrownBy(() -> DatabaseRoles.flyway(database, database, runtime, null, LOCATION).migrate())
                .hasMessageContaining("is a superuser or a member of the owner role " + database);
    }

    /**
     * A key store whose tables the runtime role owns (its migrations ran as the role the service now signs in as, under
     * another owner): refused with the statement that hands them to the owner; after it, it migrates.
     */
    @Test
    void aKeyStoreOwnedByTheRuntimeRoleMigratesOnlyOnceReassigned() throws SQLException {
        String database = "keys_owned_by_runtime";
        String owner = database + "_owner";
        TestInfrastructure.createDatabaseWithRoles(database, owner, database);
        try (Connection connection = DatabaseRoles.connect("postgres", TestInfrastructure.POSTGRES_USER);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " OWNER TO " + database);
        }
        assertThat(DatabaseRoles.flyway(database, database, database, "2", LOCATION).migrate().success).isTrue();

        assertThatThrownBy(() -> DatabaseRoles.flyway(database, TestInfrastructure.POSTGRES_USER, database, null, LOCATION).migrate())
                .hasMessageContaining("REASSIGN OWNED BY " + database + " TO " + TestInfrastructure.POSTGRES_USER);

        try (Connection connection = DatabaseRoles.connect(database, TestInfrastructure.POSTGRES_USER);
                Statement statement = connection.createStatement()) {
            statement.execute("REASSIGN OWNED BY " + database + " TO " + owner);
        }
        assertThat(DatabaseRoles.flyway(database, owner, database, null, LOCATION).migrate().success).isTrue();
        try (Connection connection = DatabaseRoles.connect(database, database); Statement statement = connection.createStatement()) {
            assertThat(single(statement, """
                    SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"""))
                    .isEqualTo("0");
            assertThat(single(statement, "SELECT has_table_privilege('shredded_subject', 'DELETE')")).isEqualTo("f");
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
