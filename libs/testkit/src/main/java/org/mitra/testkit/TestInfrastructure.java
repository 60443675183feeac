package org.mitra.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), POSTGRES_USER, POSTGRES_PASSWORD);
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database, e);
        }
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
