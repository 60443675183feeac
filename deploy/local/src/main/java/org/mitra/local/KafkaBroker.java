package org.mitra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.mitra.events.Topic;

/** A single-node KRaft Kafka broker in a child JVM, from the kafka_2.13 jars on this module's classpath. */
final class KafkaBroker implements Stoppable {
    private static final int PARTITIONS = 3;

    private final ChildProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(PlatformSettings settings) {
        Path home = settings.runtime().resolve("kafka");
        Path data = home.resolve("data");
        Path config = home.resolve("server.properties");
        Path log = settings.logs().resolve("kafka.log");
        writeConfig(settings, data, config);
        String classpath = LauncherClasspath.read(settings);
        if (!Files.exists(data.resolve("meta.properties"))) {
            ChildProcess.run("Kafka storage format",
                    javaCommand(settings, classpath, "kafka.tools.StorageTool", "format",
                            "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()),
                    home, settings.logs().resolve("kafka-format.log"));
        }
        ChildProcess broker = ChildProcess.start("Kafka",
                javaCommand(settings, classpath, "kafka.Kafka", config.toString()), Map.of(), home, log);
        return new KafkaBroker(broker, settings.kafkaBootstrapServers());
    }

    /** Waits until the broker answers metadata requests, then creates the platform's topics unless they exist. */
    void awaitReadyAndCreateTopics(Instant deadline) {
        try (Admin admin = Admin.create(adminConfig())) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka stopped while starting:\n" + process.logTail(20));
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    break;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka not ready in time; see " + process.log());
                    }
                    Readiness.pause(Duration.ofMillis(300));
                }
            }
            for (Topic topic : Topic.all()) {
                createTopic(admin, topic);
            }
        }
    }

    private static void createTopic(Admin admin, Topic topic) {
        NewTopic newTopic = new NewTopic(topic.name(), PARTITIONS, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                        topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE));
        try {
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic.name(), e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic.name(), e);
        }
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return config;
    }

    /**
     * Written on every start, so changed ports apply. The controller quorum is static (not formatted with
     * {@code --standalone}), because a formatted dynamic quorum remembers its controller's port.
     */
    private static void writeConfig(PlatformSettings settings, Path data, Path config) {
        String host = settings.host();
        String broker = "PLAINTEXT://" + host + ":" + settings.kafkaPort();
        String controller = "CONTROLLER://" + host + ":" + settings.kafkaControllerPort();
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + settings.kafkaControllerPort(),
                "listeners=" + broker + "," + controller,
                "advertised.listeners=" + broker,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + PARTITIONS,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0"));
        try {
            Files.createDirectories(data);
            Files.write(config, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> javaCommand(PlatformSettings settings, String classpath, String mainClass, String... args) {
        Path tmp = Directories.create(settings.temporaryDirectory("kafka"));
        List<String> command = new ArrayList<>(List.of(
                JavaRuntime.executable(), "-Xms128m", "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp,
                "-Dkafka.logs.dir=" + settings.logs(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public void stop() {
        process.stop();
    }
}
