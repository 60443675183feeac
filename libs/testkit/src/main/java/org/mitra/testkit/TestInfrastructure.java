package org.mitra.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real PostgreSQL server and one real KRaft Kafka broker per test JVM.
 *
 * <p>Quarkus may load this class in several class loaders (a test profile restarts the application),
 * so the started servers' coordinates live in JVM-wide system properties, not in static fields, and
 * the servers stop in a JVM shutdown hook.
 */
public final class TestInfrastructure {
    static final String POSTGRES_PORT = "mitra.testkit.postgres.port";
    static final String KAFKA_BOOTSTRAP = "mitra.testkit.kafka.bootstrap-servers";
    public static final String POSTGRES_USER = "postgres";
    public static final String POSTGRES_PASSWORD = "postgres";

    private TestInfrastructure() {
    }

    /** Port of the shared PostgreSQL server, started on first use. */
    public static int postgresPort() {
        synchronized (System.getProperties()) {
            String port = System.getProperty(POSTGRES_PORT);
            if (port == null) {
                port = Integer.toString(startPostgres());
                System.setProperty(POSTGRES_PORT, port);
            }
            return Integer.parseInt(port);
        }
    }

    /** {@code host:port} of the shared Kafka broker, started on first use. */
    public static String kafkaBootstrapServers() {
        synchronized (System.getProperties()) {
            String servers = System.getProperty(KAFKA_BOOTSTRAP);
            if (servers == null) {
                servers = startKafka();
                System.setProperty(KAFKA_BOOTSTRAP, servers);
            }
            return servers;
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort() + "/" + database;
    }

    /** Creates the database unless it exists; every service gets its own, as in production. */
    public static void createDatabase(String database) {
        plain(database);
        try (Connection connection = superuser("postgres")) {
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                connection.createStatement().execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database, e);
        }
    }

    /**
     * Creates the database unless it exists, with the two roles of a production installation: {@link #ownerRole}
     * owns the database and runs the migrations, and {@link #serviceRole} is the service's own at runtime, owning
     * nothing, with only what the migrations grant it. Both sign in with a password ({@link #password}); neither is a
     * superuser nor may create databases or roles.
     */
    public static void createDatabaseWithRoles(String database) {
        createDatabaseWithRoles(database, ownerRole(database), serviceRole(database));
    }

    /**
     * As {@link #createDatabaseWithRoles(String)}, with roles named by the caller: for a database whose installation
     * names them otherwise (referral-service's key store is owned by {@code referral_keys}, named as the database, and
     * the service signs in as {@code referral_keys_runtime}).
     */
    public static void createDatabaseWithRoles(String database, String owner, String service) {
        plain(database);
        plain(owner);
        plain(service);
        synchronized (System.getProperties()) {
            try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
                for (String role : List.of(owner, service)) {
                    String attributes = " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                            + password(role) + "'";
                    if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                        statement.execute("ALTER ROLE " + role + attributes);
                    } else {
                        statement.execute("CREATE ROLE " + role + attributes);
                    }
                }
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + database + " with its roles", e);
            }
        }
    }

    /** The role that owns a database made by {@link #createDatabaseWithRoles} and runs its migrations. */
    public static String ownerRole(String database) {
        return plain(database) + "_owner";
    }

    /** The service's own role on a database made by {@link #createDatabaseWithRoles}: named as the database. */
    public static String serviceRole(String database) {
        return plain(database);
    }

    /** The password of a role the testkit made: a test fixture, derived from the role's name. */
    public static String password(String role) {
        return plain(role) + "-test-password";
    }

    /**
     * A connection to the database as its owner: the owner role of a database made by
     * {@link #createDatabaseWithRoles}, the superuser for one made by {@link #createDatabase}. For tests that change
     * what the service's own role may not, as someone with the rights on the database would.
     */
    public static Connection ownerConnection(String database) throws SQLException {
        String owner;
        try (Connection connection = superuser("postgres");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
            select.setString(1, plain(database));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("No test database " + database);
                }
                owner = rows.getString(1);
            }
        }
        return owner.equals(POSTGRES_USER) ? superuser(database)
                : DriverManager.getConnection(jdbcUrl(database), owner, password(owner));
    }

    private static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), POSTGRES_USER, POSTGRES_PASSWORD);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String plain(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database or role name: " + name);
        }
        return name;
    }

    /** Creates topics up front (with their cleanup policy), so the first send never races topic creation. */
    public static void createTopics(List<NewTopic> topics) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path workDirectory(String name) {
        Path dir = Path.of(System.getProperty("user.dir"), "target", "testkit", name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static int startPostgres() {
        Path binaries = workDirectory("postgres-binaries");
        Path data = workDirectory("postgres-data-" + ProcessHandle.current().pid());
        System.setProperty("ot.epg.working-dir", binaries.toString());
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    // As in the local run: the server's log never quotes the values an error is about.
                    .setServerConfig("log_error_verbosity", "terse")
                    .start();
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    private static String startKafka() {
        Path baseDirectory = workDirectory("kafka-" + ProcessHandle.current().pid());
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDirectory)
                    .build())
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception e) {
                    // The JVM is ending; nothing is left to clean up that the OS will not.
                }
            }, "mitra-testkit-kafka-stop"));
            return cluster.bootstrapServers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test Kafka cluster", e);
        }
    }
}
