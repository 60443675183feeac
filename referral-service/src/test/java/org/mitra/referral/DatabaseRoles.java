package org.mitra.referral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.mitra.testkit.TestInfrastructure;

/**
 * What the tests of the service's database roles ask of PostgreSQL (the referral database's and the key store's): what
 * a statement fails with as a role, which privileges a role holds, and a migration run as a chosen owner and runtime role.
 */
public final class DatabaseRoles {
    private DatabaseRoles() {
    }

    /** The SQLSTATE the statement fails with on a connection of {@code source} (null when it runs), always rolled back. */
    public static String sqlState(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                return null;
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The table-wide privileges the role of {@code source} holds on the table, in PostgreSQL's order. */
    public static List<String> privileges(DataSource source, String table) throws SQLException {
        List<String> held = new ArrayList<>();
        try (Connection connection = source.getConnection()) {
            for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
                try (PreparedStatement check = connection.prepareStatement("SELECT has_table_privilege(?, ?)")) {
                    check.setString(1, table);
                    check.setString(2, privilege);
                    try (ResultSet rows = check.executeQuery()) {
                        rows.next();
                        if (rows.getBoolean(1)) {
                            held.add(privilege);
                        }
                    }
                }
            }
        }
        return held;
    }

    /** Flyway on the test server's {@code database}, signed in as {@code user}, granting to {@code runtimeRole}. */
    public static Flyway flyway(String database, String user, String runtimeRole, String target, String... locations) {
        var configuration = Flyway.configure()
                .dataSource(TestInfrastructure.jdbcUrl(database), user, password(user))
                .locations(locations)
                .placeholders(Map.of("runtime_role", runtimeRole));
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    public static String password(String role) {
        return role.equals(TestInfrastructure.POSTGRES_USER) ? TestInfrastructure.POSTGRES_PASSWORD : TestInfrastructure.password(role);
    }

    public static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl(database), role, password(role));
    }
}
