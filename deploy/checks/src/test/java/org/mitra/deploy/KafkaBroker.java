package org.mitra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One real Kafka node (KRaft, broker and controller), the BOM's Kafka run as a process of its own from the test class
 * path, so its threads, its logging and its exit never touch the test JVM. Clients reach it as the services reach
 * Strimzi's: a SASL_SSL listener with SCRAM-SHA-512, the broker's certificate signed by a CA the client trusts as a
 * PEM file (here one self-signed certificate, made with the JDK's keytool), and Kafka's own StandardAuthorizer
 * checking ACLs, as {@code authorization: simple} does. The test sets up users, ACLs and topics as a super user over a
 * second, plain listener that no client under test uses (Strimzi's operators likewise use a listener of their own).
 */
final class KafkaBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int clientPort;
    private final int internalPort;
    private final Process process;

    private KafkaBroker(Path dir, int clientPort, int internalPort, Process process) {
        this.dir = dir;
        this.clientPort = clientPort;
        this.internalPort = internalPort;
        this.process = process;
    }

    /** Formats a fresh log directory under {@code dir}, starts the node and waits until it answers. */
    static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String storePassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path keystore = dir.resolve("broker.p12");
        Files.deleteIfExists(keystore);
        keytool(dir, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", storePassword);
        keytool(dir, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", storePassword, "-file", dir.resolve("ca.crt").toString());

        int clientPort = freePort();
        int internalPort = freePort();
        int controllerPort = freePort();
        Path logs = dir.resolve("data");
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=CLIENTS://localhost:" + clientPort + ",INTERNAL://localhost:" + internalPort
                        + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=CLIENTS://localhost:" + clientPort + ",INTERNAL://localhost:" + internalPort,
                "listener.security.protocol.map=CLIENTS:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=INTERNAL",
                "controller.listener.names=CONTROLLER",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "listener.name.clients.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + keystore,
                "ssl.keystore.password=" + storePassword,
                "ssl.key.password=" + storePassword,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // The plain listeners' (unauthenticated) principal: the node itself and the test's set-up.
                "super.users=User:ANONYMOUS",
                "allow.everyone.if.no.acl.found=false",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.dirs=" + logs,
                ""));
        deleteRecursively(logs);
        Path log = dir.resolve("kafka.log");
        Files.deleteIfExists(log);
        run(log, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", properties.toString());
        Process process = java(log, "kafka.Kafka", properties.toString()).start();
        KafkaBroker broker = new KafkaBroker(dir, clientPort, internalPort, process);
        try {
            broker.awaitReady(log);
        } catch (RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** The SASL_SSL listener the services' settings are tested against. */
    String bootstrapServers() {
        return "localhost:" + clientPort;
    }

    /** The PEM file of the certificate that signs the broker's (Strimzi: ca.crt of the cluster CA's Secret). */
    Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** The set-up listener, where every client is a super user: users, ACLs, topics and their first records. */
    String superUserBootstrapServers() {
        return "localhost:" + internalPort;
    }

    Admin superUser() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, superUserBootstrapServers()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void awaitReady(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; its log: " + tail(log));
            }
            try (Admin admin = superUser()) {
                if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Kafka did not answer within " + START_TIMEOUT + " (" + last + "); its log: " + tail(log));
    }

    private static void keytool(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        await(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start(),
                "keytool " + arguments[0], dir.resolve("keytool.log"));
    }

    private static void run(Path log, String mainClass, String... arguments) throws IOException, InterruptedException {
        await(java(log, mainClass, arguments).start(), mainClass, log);
    }

    private static void await(Process process, String what, Path log) throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " failed: " + tail(log));
        }
    }

    /** The JDK running the tests, with the test class path (which holds kafka_2.13 and its dependencies). */
    private static ProcessBuilder java(Path log, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** A random cluster id in Kafka's form: 16 bytes, URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
