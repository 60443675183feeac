package org.mitra.referral.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.referral.KeyStoreTestResource;
import org.mitra.referral.DatabaseRoles;
import org.mitra.testkit.TestInfrastructure;

/**
 * The service's own key store role (the {@code keystore} datasource's user) owns nothing there and may do only what the
 * vault and the audit anchor do (R__key_store_runtime_role.sql): neither a compromised service nor SQL injected through
 * its pool can rewrite or empty the shred ledger, drop or alter a key store table, rewrite the audit checkpoint's or
 * key's history, or read Flyway's history. The migrations run as the key store's owner, {@code referral_keys}.
 */
@QuarkusTest
class KeyStorePrivilegesTest {
    /** PostgreSQL's insufficient_privilege: "permission denied" and "must be owner". */
    private static final String PERMISSION_DENIED = "42501";
    /** PL/pgSQL's RAISE EXCEPTION: what the ledger's append-only trigger answers. */
    private static final String RAISED = "P0001";

    @Inject
    @DataSource("keystore")
    AgroalDataSource keyStore;

    @Test
    void theServicesRoleCannotRewriteTheLedgerNorDropOrAlterAnyTableNorReadFlywaysHistory() throws SQLException {
        UUID subject = UUID.randomUUID();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String sql : List.of(
                "UPDATE shredded_subject SET shredded_at = now()",
                "DELETE FROM shredded_subject",
                "TRUNCATE shredded_subject",
                "ALTER TABLE shredded_subject DISABLE TRIGGER shredded_subject_append_only",
                "DROP TRIGGER shredded_subject_append_only ON shredded_subject",
                "DROP TABLE shredded_subject",
                "DROP TABLE data_key",
                "ALTER TABLE data_key ADD COLUMN copy bytea",
                "ALTER TABLE audit_checkpoint DROP CONSTRAINT audit_checkpoint_pkey",
                "TRUNCATE data_key",
                "UPDATE data_key SET subject_id = '" + subject + "'",
                "DELETE FROM audit_chain_key",
                "UPDATE audit_chain_key SET keyed_from = keyed_from + 1",
                "DELETE FROM audit_checkpoint",
                "TRUNCATE audit_checkpoint",
                "SELECT * FROM flyway_schema_history",
                "CREATE TABLE keys_copy (wrapped bytea)")) {
            refused.put(sql, DatabaseRoles.sqlState(keyStore, sql));
        }
        assertThat(refused).allSatisfy((sql, state) -> assertThat(state).as(sql).isEqualTo(PERMISSION_DENIED));
    }

    /** Exactly what identity.KeyStore, audit.AuditAnchor and identity.KeyRotation run, and no more. */
    @Test
    void theServicesRoleHoldsExactlyWhatTheVaultAndTheAuditAnchorUse() throws SQLException {
        assertThat(DatabaseRoles.privileges(keyStore, "data_key")).containsExactly("SELECT", "INSERT", "DELETE");
        assertThat(updatableColumns("data_key")).containsExactly("wrapped");
        assertThat(DatabaseRoles.privileges(keyStore, "shredded_subject")).containsExactly("SELECT", "INSERT");
        assertThat(updatableColumns("shredded_subject")).isEmpty();
        assertThat(DatabaseRoles.privileges(keyStore, "audit_chain_key")).containsExactly("SELECT", "INSERT");
        assertThat(updatableColumns("audit_chain_key")).containsExactly("wrapped");
        assertThat(DatabaseRoles.privileges(keyStore, "audit_checkpoint")).containsExactly("SELECT", "INSERT", "UPDATE");
        assertThat(DatabaseRoles.privileges(keyStore, "flyway_schema_history")).isEmpty();
    }

    @Test
    void theServicesRoleOwnsNothingInTheKeyStoreAndCannotActAsItsOwner() throws SQLException {
        try (Connection connection = keyStore.getConnection(); Statement statement = connection.createStatement()) {
            String role = single(statement, "SELECT current_user");
            assertThat(role).isEqualTo(KeyStoreTestResource.RUNTIME_ROLE);
            String owner = single(statement,
                    "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'shredded_subject'");
            assertThat(owner).isEqualTo(KeyStoreTestResource.OWNER);
            assertThat(single(statement, "SELECT pg_has_role(current_user, '" + owner + "', 'MEMBER')"))
                    .as("a member of the owner's role could act as the owner").isEqualTo("f");
            assertThat(single(statement, """
                    SELECT string_agg(c.relname, ', ') FROM pg_class c
                    WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"""))
                    .as("relations the service's key store role owns").isNull();
            assertThat(single(statement, """
                    SELECT string_agg(p.proname, ', ') FROM pg_proc p
                    WHERE p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"""))
                    .as("functions the service's key store role owns").isNull();
            assertThat(single(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                    .isEqualTo(owner);
            assertThat(single(statement, """
                    SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls OR rolreplication
                    FROM pg_roles WHERE rolname = current_user""")).isEqualTo("f");
            assertThat(single(statement, "SELECT has_schema_privilege(current_schema(), 'CREATE')"))
                    .as("it could create tables of its own").isEqualTo("f");
        }
    }

    /** The ledger is append-only for the owner too (V3), until the owner switches its trigger off on purpose. */
    @Test
    void theLedgerRefusesUpdateDeleteAndTruncateEvenToTheOwner() throws SQLException {
        Map<String, String> refused = new LinkedHashMap<>();
        try (Connection owner = TestInfrastructure.ownerConnection(KeyStoreTestResource.DATABASE)) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                statement.execute("INSERT INTO shredded_subject (subject_id, shredded_at) VALUES ('" + UUID.randomUUID() + "', now())");
                for (String sql : List.of("UPDATE shredded_subject SET shredded_at = now()", "DELETE FROM shredded_subject",
                        "TRUNCATE shredded_subject")) {
                    Savepoint before = owner.setSavepoint();
                    try {
                        statement.execute(sql);
                        refused.put(sql, null);
                    } catch (SQLException e) {
                        refused.put(sql, e.getSQLState());
                        owner.rollback(before);
                    }
                }
            } finally {
                owner.rollback();
            }
        }
        assertThat(refused).allSatisfy((sql, state) -> assertThat(state).as(sql).isEqualTo(RAISED));
    }

    // ---- helpers

    /** The columns of the table the service's key store role may update (column privileges included). */
    private List<String> updatableColumns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = keyStore.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped
                           AND has_column_privilege(attrelid, attnum, 'UPDATE') ORDER BY attnum""")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
