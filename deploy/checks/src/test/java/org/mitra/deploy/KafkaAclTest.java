package org.mitra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production overlay's Kafka users against a real broker: their SCRAM credentials and the ACLs of the rendered
 * KafkaUser resources, translated as Strimzi's User Operator applies them, and each service's client settings built from
 * its rendered Deployment as Quarkus builds them. Each service may do what its sources say it does (KafkaAccess: publish
 * through its outbox with the relay's idempotent acks=all producer, consume its topics with its group and commit, write
 * dead letters, the health check's describeCluster), and is refused with an authorization error what another service
 * does: writing another's topic, reading a topic it does not consume, joining another's group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Strimzi's name of the cluster resource in a KafkaUser ACL (and Kafka's). */
    private static final String CLUSTER_NAME = "kafka-cluster";

    private Model model;
    private KafkaBroker broker;
    private final Map<String, String> jaasBySecret = new HashMap<>();
    private Set<String> topics;

    static Stream<String> services() {
        return ServiceConfig.MODULES.stream().filter(m -> ServiceConfig.of(m).properties().containsKey("kafka.bootstrap.servers"));
    }

    @BeforeAll
    void startKafkaWithTheManifestsUsersAndAcls() throws Exception {
        model = Model.of("production");
        broker = KafkaBroker.start(Repository.TARGET.resolve("kafka-acl"));
        topics = new TreeSet<>(model.all("KafkaTopic").stream().map(Model::name).toList());
        try (Admin admin = broker.superUser()) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode user : model.all("KafkaUser")) {
                String name = Model.name(user);
                String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
                // The User Operator's Secret, named as the user: its sasl.jaas.config is this line.
                jaasBySecret.put(name, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                        + "\" password=\"" + password + "\";");
                acls.addAll(acls(user));
            }
            admin.createAcls(acls).all().get();
        }
        // One record in every topic, so a consumer that may read one has something to read and commit.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.superUserBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (String topic : topics) {
                producer.send(new ProducerRecord<>(topic, "seed", "{}")).get();
            }
        }
    }

    @AfterAll
    void stopKafka() throws InterruptedException {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceMayDoWhatItsSourcesSayItDoes(String module) throws Exception {
        KafkaAccess access = KafkaAccess.of(module);
        Map<String, Object> settings = clientSettings(module);
        assertThat(access.publishes()).as("%s publishes through its outbox", module).isNotEmpty();
        assertThat(access.reads()).as("%s consumes", module).isNotEmpty();
        for (String topic : access.writes()) {
            assertThat(outcome(() -> produce(settings, topic))).as("%s writes %s", module, topic).isNull();
        }
        access.reads().forEach((topic, groups) -> groups.forEach(group -> assertThat(outcome(() -> consumeAndCommit(settings, topic, group)))
                .as("%s reads %s as group %s", module, topic, group).isNull()));
        // Quarkus' Kafka health check: its admin client (the kafka.* settings an admin client knows) describes the cluster.
        Map<String, Object> admin = new HashMap<>(settings);
        admin.keySet().retainAll(AdminClientConfig.configNames());
        try (Admin client = Admin.create(admin)) {
            assertThat(client.describeCluster().nodes().get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("%s health check", module).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceIsRefusedWhatOnlyAnotherServiceDoes(String module) throws Exception {
        KafkaAccess access = KafkaAccess.of(module);
        Map<String, Object> settings = clientSettings(module);
        Set<String> foreignTopics = new TreeSet<>(topics);
        foreignTopics.removeAll(access.writes());
        assertThat(foreignTopics).as("topics %s must not write", module).isNotEmpty();
        for (String topic : foreignTopics) {
            assertThat(outcome(() -> produce(settings, topic))).as("%s writes %s", module, topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        Set<String> unread = new TreeSet<>(topics);
        unread.removeAll(access.readTopics());
        for (String ownGroup : access.groups()) {
            for (String topic : unread) {
                assertThat(outcome(() -> consumeAndCommit(settings, topic, ownGroup))).as("%s reads %s as group %s", module, topic, ownGroup)
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        }
        String ownTopic = access.readTopics().iterator().next();
        Set<String> foreignGroups = new TreeSet<>();
        services().filter(other -> !other.equals(module)).forEach(other -> foreignGroups.addAll(KafkaAccess.of(other).groups()));
        foreignGroups.removeAll(access.groups());
        assertThat(foreignGroups).as("other services' groups").isNotEmpty();
        for (String group : foreignGroups) {
            assertThat(outcome(() -> consumeAndCommit(settings, ownTopic, group))).as("%s joins group %s", module, group)
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The service container's {@code KAFKA_*} variables as Quarkus turns them into the {@code default-kafka-broker}
     * settings every Kafka client of the service gets (quarkus-kafka-client's KafkaRuntimeConfigProducer: the name lower
     * case, without "kafka_", '_' to '.'), the Secret's value standing for each secretKeyRef. Two values name the
     * cluster and are swapped for this broker's after checking them: the bootstrap address (Strimzi's bootstrap Service
     * and the TLS listener's port) and the CA file (inside the container's read-only mount of the cluster CA Secret).
     */
    private Map<String, Object> clientSettings(String module) {
        JsonNode deployment = model.get("Deployment", module);
        JsonNode container = PolicyTest.mainContainer(deployment);
        Map<String, String> env = new HashMap<>(PolicyTest.values(model, container));
        for (JsonNode variable : Model.list(container.path("env"))) {
            JsonNode ref = variable.at("/valueFrom/secretKeyRef");
            if (ref.isObject() && variable.path("name").asText().startsWith("KAFKA_")) {
                assertThat(ref.path("key").asText()).as("%s %s", module, variable.path("name").asText()).isEqualTo("sasl.jaas.config");
                assertThat(jaasBySecret).as("%s: the Secret of a KafkaUser", module).containsKey(ref.path("name").asText());
                env.put(variable.path("name").asText(), jaasBySecret.get(ref.path("name").asText()));
            }
        }
        Map<String, Object> settings = new HashMap<>();
        env.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("kafka_")) {
                settings.put(lower.substring("kafka_".length()).replace('_', '.'), value);
            }
        });
        JsonNode kafka = model.all("Kafka").get(0);
        JsonNode listener = Model.list(kafka.at("/spec/kafka/listeners")).stream()
                .filter(l -> l.at("/authentication/type").asText().equals("scram-sha-512")).findFirst().orElseThrow();
        assertThat(listener.path("tls").asBoolean()).as("the SCRAM listener uses TLS").isTrue();
        assertThat(settings).as("%s Kafka settings", module)
                .containsEntry("bootstrap.servers", Model.name(kafka) + "-kafka-bootstrap:" + listener.path("port").asInt())
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", caFile(deployment, container, Model.name(kafka) + "-cluster-ca-cert"));
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("ssl.truststore.location", broker.caCertificate().toString());
        return settings;
    }

    /** Where the container sees ca.crt of the Secret: a read-only mount of a volume of that Secret. */
    private static String caFile(JsonNode deployment, JsonNode container, String secret) {
        for (JsonNode volume : Model.list(deployment.at("/spec/template/spec/volumes"))) {
            if (!volume.at("/secret/secretName").asText().equals(secret)) {
                continue;
            }
            String path = Model.list(volume.at("/secret/items")).stream().filter(i -> i.path("key").asText().equals("ca.crt"))
                    .map(i -> i.path("path").asText()).findFirst().orElse("ca.crt");
            for (JsonNode mount : Model.list(container.path("volumeMounts"))) {
                if (mount.path("name").asText().equals(volume.path("name").asText()) && mount.path("readOnly").asBoolean()) {
                    return mount.path("mountPath").asText() + "/" + path;
                }
            }
        }
        return "(no read-only mount of Secret " + secret + ")";
    }

    /** A KafkaUser's ACLs as Strimzi's User Operator creates them: principal User:<name>, host * unless given. */
    static List<AclBinding> acls(JsonNode user) {
        assertThat(user.at("/spec/authentication/type").asText()).as("KafkaUser %s", Model.name(user)).isEqualTo("scram-sha-512");
        assertThat(user.at("/spec/authorization/type").asText()).as("KafkaUser %s", Model.name(user)).isEqualTo("simple");
        List<AclBinding> out = new ArrayList<>();
        for (JsonNode acl : Model.list(user.at("/spec/authorization/acls"))) {
            JsonNode resource = acl.path("resource");
            ResourceType type = switch (resource.path("type").asText()) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "cluster" -> ResourceType.CLUSTER;
                case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                default -> throw new AssertionError("resource type " + resource.path("type"));
            };
            String name = type == ResourceType.CLUSTER ? CLUSTER_NAME : resource.path("name").asText();
            PatternType pattern = resource.path("patternType").asText("literal").equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL;
            AclPermissionType permission = acl.path("type").asText("allow").equals("deny") ? AclPermissionType.DENY : AclPermissionType.ALLOW;
            for (JsonNode operation : Model.list(acl.path("operations"))) {
                // Strimzi's IdempotentWrite is Kafka's IDEMPOTENT_WRITE.
                AclOperation op = AclOperation.valueOf(operation.asText().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
                out.add(new AclBinding(new ResourcePattern(type, name, pattern),
                        new AccessControlEntry("User:" + Model.name(user), acl.path("host").asText("*"), op, permission)));
            }
        }
        return out;
    }

    /** What the outbox relay does (RelayProducer): an idempotent producer, acks=all, one record, awaited. */
    private static Void produce(Map<String, Object> settings, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "acl-test", "{}")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        return null;
    }

    /** What the connector's consumer does: join the group, read from the earliest offset, commit what it read. */
    private static Void consumeAndCommit(Map<String, Object> settings, String topic, String group) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.isEmpty()).as("a record of %s within %s", topic, WAIT).isFalse();
            consumer.commitSync();
            Set<TopicPartition> read = records.partitions();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(read);
            assertThat(committed.values()).as("offsets committed for group %s", group).allSatisfy(o -> assertThat(o.offset()).isPositive());
        }
        return null;
    }

    /** The exception an action ends in (unwrapped from ExecutionException), or null when it succeeds. */
    private static Throwable outcome(Callable<Void> action) {
        try {
            action.call();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }
}
