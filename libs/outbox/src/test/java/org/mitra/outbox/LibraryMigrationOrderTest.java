package org.mitra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.TestInfrastructure;

/**
 * How a shared library adds a migration to databases that exist (issue 13): libraries number theirs 0.x, below every
 * service's V1, so a library migration released later sorts below what a service's database has already applied.
 * Flyway refuses that unless out-of-order migrations are allowed, which the shared configuration does: a library's
 * migrations only create and change the library's own tables, so their order against a service's does not matter.
 */
class LibraryMigrationOrderTest {

    @Test
    void aLibraryMigrationReleasedLaterIsAppliedToAnExistingDatabase() throws SQLException {
        String database = "library_migration_order";
        TestInfrastructure.createDatabase(database);
        // As a service's database stands today: the libraries' 0.x, the service's own V1 (the test tables).
        assertThat(flyway(database, false, "classpath:db/outbox", "classpath:db/migration").migrate().success).isTrue();

        // The next release brings a library migration numbered 0.99: without out-of-order Flyway refuses to start.
        assertThatThrownBy(() -> flyway(database, false, "classpath:db/outbox", "classpath:db/migration",
                "classpath:db/late-library").migrate()).isInstanceOf(FlywayException.class);

        // With it, as every service runs, the migration is applied and nothing else changes.
        assertThat(flyway(database, true, "classpath:db/outbox", "classpath:db/migration", "classpath:db/late-library")
                .migrate().migrationsExecuted).isEqualTo(1);
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.jdbcUrl(database),
                TestInfrastructure.POSTGRES_USER, TestInfrastructure.POSTGRES_PASSWORD);
                ResultSet table = connection.createStatement().executeQuery("SELECT to_regclass('late_library_table')")) {
            assertThat(table.next()).isTrue();
            assertThat(table.getString(1)).isEqualTo("late_library_table");
        }
    }

    @Test
    void everyServiceAllowsOutOfOrderMigrations() throws IOException {
        Properties shared = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shared.load(in);
        }
        assertThat(shared.getProperty("quarkus.flyway.out-of-order")).isEqualTo("true");
    }

    private static Flyway flyway(String database, boolean outOfOrder, String... locations) {
        return Flyway.configure()
                .dataSource(TestInfrastructure.jdbcUrl(database), TestInfrastructure.POSTGRES_USER,
                        TestInfrastructure.POSTGRES_PASSWORD)
                .locations(locations)
                .outOfOrder(outOfOrder)
                .load();
    }
}
