package org.mitra.referral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mitra.referral.DatabaseRoles;

/**
 * Issue 12 item 12: the service's own database role (the default datasource's user) owns no table and may only
 * insert into and read the audit table, so neither a compromised service nor SQL injected through its pool can edit,
 * delete or truncate audit entries or switch the append-only trigger off. The migrations run as another role, the
 * owner (see migration V10).
 */
@QuarkusTest
class AuditTablePrivilegesTest {
    /** PostgreSQL's insufficient_privilege: "permission denied" and "must be owner". */
    private static final String PERMISSION_DENIED = "42501";

    @Inject
    DataSource referralDatabase;

    @Test
    void theServicesRoleIsRefusedUpdateDeleteTruncateAndTheTriggerOnTheAuditTable() throws SQLException {
        Map<String, String> refused = new LinkedHashMap<>();
        for (String sql : List.of(
                "UPDATE audit_entry SET actor = actor",
                "DELETE FROM audit_entry",
                "TRUNCATE audit_entry",
                "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                "DROP TRIGGER audit_entry_append_only ON audit_entry",
                "DELETE FROM audit_chain_head",
                "TRUNCATE audit_chain_head",
                "INSERT INTO audit_chain_head (id, sequence, hash) VALUES (1, 0, repeat('0', 64))")) {
            refused.put(sql, DatabaseRoles.sqlState(referralDatabase, sql));
        }
        assertThat(refused).allSatisfy((sql, state) -> assertThat(state).as(sql).isEqualTo(PERMISSION_DENIED));
    }

    /** Exactly SELECT and INSERT on the log; SELECT and UPDATE on its head, which every append moves on. */
    @Test
    void theServicesRoleMayOnlyInsertAndReadTheAuditTable() throws SQLException {
        assertThat(DatabaseRoles.privileges(referralDatabase, "audit_entry")).containsExactly("SELECT", "INSERT");
        assertThat(DatabaseRoles.privileges(referralDatabase, "audit_chain_head")).containsExactly("SELECT", "UPDATE");
        // The other tables as before: it reads and writes referrals.
        assertThat(DatabaseRoles.privileges(referralDatabase, "referral")).containsExactly("SELECT", "INSERT", "UPDATE", "DELETE");
    }

    @Test
    void theServicesRoleOwnsNoTableNorTheDatabaseAndCannotBecomeTheOwner() throws SQLException {
        try (Connection connection = referralDatabase.getConnection(); Statement statement = connection.createStatement()) {
            String role = single(statement, "SELECT current_user");
            String owner = single(statement,
                    "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_entry'");
            assertThat(owner).isNotNull().isNotEqualTo(role);
            assertThat(single(statement, "SELECT pg_has_role(current_user, '" + owner.replace("'", "''") + "', 'MEMBER')"))
                    .as("a member of the owner's role could act as the owner").isEqualTo("f");
            assertThat(single(statement, """
                    SELECT string_agg(c.relname, ', ') FROM pg_class c
                    WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"""))
                    .as("relations (tables, sequences, views, indexes) the service's role owns").isNull();
            assertThat(single(statement, """
                    SELECT string_agg(p.proname, ', ') FROM pg_proc p
                    WHERE p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"""))
                    .as("functions the service's role owns").isNull();
            assertThat(single(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                    .isNotEqualTo(role);
            assertThat(single(statement, """
                    SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls OR rolreplication
                    FROM pg_roles WHERE rolname = current_user""")).isEqualTo("f");
            assertThat(single(statement, "SELECT has_schema_privilege(current_schema(), 'CREATE')"))
                    .as("it could create tables of its own").isEqualTo("f");
        }
    }

    // ---- helpers

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
