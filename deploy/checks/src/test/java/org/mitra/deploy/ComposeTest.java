package org.mitra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Issue 15: deploy/compose/compose.yaml, one Docker host with the Kubernetes base's topology. It validates against the
 * Compose schema of ../shared/k8s-schemas, and its services, ports, variables, topics and realm agree with the
 * Kubernetes base, the services' configuration and libs/events.
 */
class ComposeTest {
    static final Path COMPOSE = Repository.ROOT.resolve("deploy/compose");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?[-?][^}]*)?}");
    /**
     * Set only in Kubernetes: the management interface for Prometheus, and the Kafka client's TLS truststore (Compose's
     * Kafka authenticates its users with SASL PLAIN on the internal network bus, without TLS).
     */
    private static final Set<String> KUBERNETES_ONLY = Set.of("MITRA_MANAGEMENT_HOST", "KAFKA_SSL_TRUSTSTORE_TYPE",
            "KAFKA_SSL_TRUSTSTORE_LOCATION");
    private static final Pattern ALLOW = Pattern.compile("(?m)^allow (\\S+) (\\S+) (topic|group) (\\S+)$");
    private static final Pattern JAAS_USER = Pattern.compile("user_([a-z-]+)=\"\\$\\{([A-Z_]+):");

    static JsonNode compose() {
        // SnakeYAML resolves the anchors and merge keys (<<) as Compose does.
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(COMPOSE.resolve("compose.yaml")));
        return JSON.valueToTree(loaded);
    }

    static List<String> applications() {
        return ServiceConfig.MODULES;
    }

    @Test
    void validatesAgainstTheComposeSchema() {
        Path schema = Repository.schemas().resolve("compose/compose-spec.json");
        JsonSchema compose = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of(schema.toUri().toString()));

        assertThat(compose.validate(compose())).isEmpty();
        // The schema refuses what is wrong: an unknown key, a wrong type.
        JsonNode wrong = compose();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.path("services").path("gateway")).put("restartt", "always");
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.path("services").path("kafka")).put("healthcheck", "every minute");
        assertThat(compose.validate(wrong)).hasSize(2);
    }

    @Test
    void hasTheKubernetesTopologyAndPublishesOnlyTheGatewayAndKeycloakOnLoopback() {
        JsonNode services = compose().path("services");
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("postgres", "postgres-keys", "kafka", "kafka-topics", "keycloak",
                "directory-service", "referral-migrate", "referral-service", "awareness-service", "gateway");
        Set<String> deployments = Kustomize.render("base").stream().filter(r -> r.path("kind").asText().equals("Deployment"))
                .map(Model::name).collect(Collectors.toSet());
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(applications());

        Map<String, List<String>> published = new LinkedHashMap<>();
        services.fields().forEachRemaining(service -> {
            if (service.getValue().has("ports")) {
                published.put(service.getKey(), Model.list(service.getValue().path("ports")).stream().map(JsonNode::asText).toList());
            }
        });
        // On the host's loopback only: the reverse proxy that ends TLS is the one way in (and it exposes only
        // Keycloak's /realms/mitra/ and /resources/, as the Kubernetes Ingress does).
        assertThat(published).containsOnly(Map.entry("gateway", List.of("127.0.0.1:8080:" + ServiceConfig.of("gateway").httpPort())),
                Map.entry("keycloak", List.of("127.0.0.1:8180:8080")));
    }

    @ParameterizedTest
    @MethodSource("applications")
    void eachServiceReadsTheVariablesItsKubernetesDeploymentSets(String module) {
        JsonNode service = compose().path("services").path(module);
        Set<String> compose = new TreeSet<>();
        service.path("environment").fieldNames().forEachRemaining(compose::add);
        // referral's migrations run in a one-shot container of their own, as in the Deployment's init container.
        compose().path("services").path(module.replace("-service", "-migrate")).path("environment").fieldNames()
                .forEachRemaining(compose::add);

        JsonNode deployment = Kustomize.render("base").stream()
                .filter(r -> r.path("kind").asText().equals("Deployment") && Model.name(r).equals(module)).findFirst().orElseThrow();
        Set<String> kubernetes = new TreeSet<>();
        for (String containers : List.of("initContainers", "containers")) {
            for (JsonNode container : Model.list(deployment.at("/spec/template/spec/" + containers))) {
                Model.list(container.path("env")).forEach(env -> kubernetes.add(env.path("name").asText()));
                for (JsonNode from : Model.list(container.path("envFrom"))) {
                    String configMap = from.at("/configMapRef/name").asText();
                    Kustomize.render("base").stream().filter(r -> r.path("kind").asText().equals("ConfigMap")
                            && Model.name(r).equals(configMap)).forEach(map -> map.path("data").fieldNames().forEachRemaining(kubernetes::add));
                }
            }
        }
        kubernetes.removeAll(KUBERNETES_ONLY);
        assertThat(compose).as(module).isEqualTo(kubernetes);

        ServiceConfig config = ServiceConfig.of(module);
        int port = config.httpPort();
        assertThat(service.at("/healthcheck/test/1").asText()).as("healthcheck of %s", module)
                .contains("/dev/tcp/127.0.0.1/" + port).contains("GET " + config.healthPath() + "/ready ");
    }

    /** As in Kubernetes, the running referral-service never holds the owner's password: only referral-migrate does. */
    @Test
    void onlyTheOneShotMigrationHoldsTheReferralOwnersPassword() {
        JsonNode services = compose().path("services");
        services.fields().forEachRemaining(service -> assertThat(service.getValue().path("environment").has("QUARKUS_FLYWAY_PASSWORD"))
                .as(service.getKey()).isEqualTo(service.getKey().equals("referral-migrate")));
        assertThat(services.at("/referral-migrate/image")).isEqualTo(services.at("/referral-service/image"));
        assertThat(services.at("/referral-migrate/user").asText()).isEqualTo("185");
        assertThat(services.at("/referral-migrate/read_only").asBoolean()).isTrue();
        assertThat(services.at("/referral-migrate/environment/QUARKUS_INIT_AND_EXIT").asText()).isEqualTo("true");
        assertThat(services.at("/referral-migrate/restart").asText()).isEqualTo("no");
        assertThat(services.at("/referral-service/depends_on/referral-migrate/condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(services.at("/referral-service/environment/QUARKUS_FLYWAY_MIGRATE_AT_START").asText()).isEqualTo("false");
        // The key store's superuser is not the service's role.
        assertThat(services.at("/postgres-keys/environment").has("POSTGRES_USER")).isFalse();
    }

    /**
     * Who shares a network with whom: the key store only with referral-service and its migrations, Kafka only with the
     * three services and kafka-topics, PostgreSQL never with the gateway or Kafka; the gateway sees only the services
     * and Keycloak; only the edge network reaches beyond the host.
     */
    @Test
    void eachContainerReachesOnlyWhatItTalksTo() {
        JsonNode compose = compose();
        Map<String, Set<String>> members = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(service -> Model.list(service.getValue().path("networks"))
                .forEach(network -> members.computeIfAbsent(network.asText(), n -> new TreeSet<>()).add(service.getKey())));
        assertThat(members.get("keys")).containsExactlyInAnyOrder("postgres-keys", "referral-service", "referral-migrate");
        assertThat(members.get("bus")).containsExactlyInAnyOrder("kafka", "kafka-topics", "directory-service", "referral-service",
                "awareness-service");
        assertThat(members.get("data")).containsExactlyInAnyOrder("postgres", "keycloak", "directory-service", "referral-service",
                "referral-migrate", "awareness-service");
        assertThat(members.get("edge")).containsExactlyInAnyOrder("gateway", "keycloak", "directory-service", "referral-service",
                "awareness-service");
        compose.path("services").fields().forEachRemaining(service -> assertThat(service.getValue().has("networks"))
                .as("%s names its networks", service.getKey()).isTrue());
        for (String internal : List.of("data", "keys", "bus")) {
            assertThat(compose.at("/networks/" + internal + "/internal").asBoolean()).as(internal).isTrue();
        }
    }

    /** Loopback webhook endpoints (MITRA_WEBHOOKS_ALLOW_LOOPBACK) are for the local run only: no container sets it. */
    @Test
    void noContainerAllowsLoopbackWebhooks() {
        compose().path("services").fields().forEachRemaining(service -> assertThat(service.getValue().path("environment").has(
                "MITRA_WEBHOOKS_ALLOW_LOOPBACK")).as(service.getKey()).isFalse());
        assertThat(Repository.read(COMPOSE.resolve("compose.yaml"))).doesNotContain("MITRA_WEBHOOKS_ALLOW_LOOPBACK");
        assertThat(Repository.read(COMPOSE.resolve(".env.example"))).doesNotContain("MITRA_WEBHOOKS_ALLOW_LOOPBACK");
    }

    @Test
    void theGatewayReachesEachServiceOnItsPort() {
        JsonNode environment = compose().path("services").path("gateway").path("environment");
        for (String module : List.of("directory-service", "referral-service", "awareness-service")) {
            String variable = "MITRA_" + module.substring(0, module.indexOf('-')).toUpperCase(java.util.Locale.ROOT) + "_URL";
            assertThat(environment.path(variable).asText()).isEqualTo("http://" + module + ":" + ServiceConfig.of(module).httpPort());
        }
    }

    @ParameterizedTest
    @MethodSource("applications")
    void eachServiceRunsAsTheImagesUserOnAReadOnlyFilesystemWithoutCapabilities(String module) {
        JsonNode service = compose().path("services").path(module);
        assertThat(service.path("user").asText()).isEqualTo("185");
        assertThat(service.path("read_only").asBoolean()).isTrue();
        assertThat(Model.list(service.path("tmpfs")).stream().map(JsonNode::asText)).containsExactly("/tmp");
        assertThat(Model.list(service.path("cap_drop")).stream().map(JsonNode::asText)).containsExactly("ALL");
        assertThat(service.path("image").asText())
                .isEqualTo("${MITRA_IMAGES:-registry.example.org/mitra}/" + module + ":${MITRA_VERSION:-"
                        + Repository.projectVersion() + "}");
    }

    /** Every secret comes from .env: no variable of compose.yaml is missing from .env.example, which has no value of one. */
    @Test
    void secretsComeFromAnEnvFileThatIsNeverCommitted() throws Exception {
        String text = Repository.read(COMPOSE.resolve("compose.yaml"));
        Set<String> used = new TreeSet<>();
        Matcher variable = VARIABLE.matcher(text);
        while (variable.find()) {
            used.add(variable.group(1));
        }
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Files.readAllLines(COMPOSE.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(used);
        example.forEach((name, value) -> {
            if (name.matches(".*(PASSWORD|KEY|KEYSET|SECRET|CLUSTER_ID|USERNAME)")) {
                assertThat(value).as("%s in .env.example", name).isEmpty();
            }
        });
        compose().path("services").fields().forEachRemaining(service -> service.getValue().path("environment").fields()
                .forEachRemaining(env -> {
                    if (env.getKey().matches(".*(PASSWORD|_KEY|KEYSET|SECRET)")) {
                        assertThat(env.getValue().asText()).as("%s of %s", env.getKey(), service.getKey())
                                .matches("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]*}");
                    }
                    // A password inside a value (Kafka's JAAS lines) is a required variable too, never written here.
                    Matcher password = Pattern.compile("password=\"([^\"]*)\"").matcher(env.getValue().asText());
                    while (password.find()) {
                        assertThat(password.group(1)).as("a password in %s of %s", env.getKey(), service.getKey())
                                .matches("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]*}");
                    }
                }));
        assertThat(Files.readAllLines(Repository.ROOT.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void kafkaHasTheTopicsOfLibsEvents() {
        String command = compose().at("/services/kafka-topics/command/0").asText();
        Map<String, Boolean> created = new LinkedHashMap<>();
        Matcher topic = Pattern.compile("(?m)^topic (\\S+)(.*)$").matcher(command);
        while (topic.find()) {
            created.put(topic.group(1), topic.group(2).contains("cleanup.policy=compact"));
        }
        assertThat(created).isEqualTo(PolicyTest.topicsOfLibsEvents());
        assertThat(compose().at("/services/kafka/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
    }

    /**
     * Kafka as on Kubernetes: every listener asks for SASL, the authorizer is on with admin the only super user, each
     * service signs in as a user of its own, and the set-up step grants each exactly what its sources say it does
     * (KafkaAccess, as KafkaAclTest checks the KafkaUsers): its outbox's and the dead-letter topic to write, the topics it
     * consumes to read with its own groups. No wildcard or prefix, nothing for another service's topics.
     */
    @Test
    void kafkaAllowsEachServiceOnlyWhatItsSourcesSayItDoes() {
        JsonNode kafka = compose().at("/services/kafka/environment");
        assertThat(kafka.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText().split(","))
                .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
        assertThat(kafka.path("KAFKA_AUTHORIZER_CLASS_NAME").asText()).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(kafka.path("KAFKA_SUPER_USERS").asText()).isEqualTo("User:admin");
        assertThat(kafka.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText()).isEqualTo("false");
        Map<String, String> users = new LinkedHashMap<>();
        JAAS_USER.matcher(kafka.path("KAFKA_LISTENER_NAME_CLIENT_PLAIN_SASL_JAAS_CONFIG").asText())
                .results().forEach(user -> users.put(user.group(1), user.group(2)));
        Set<String> granted = new TreeSet<>();
        ALLOW.matcher(compose().at("/services/kafka-topics/command/0").asText()).results()
                .forEach(allow -> java.util.Arrays.stream(allow.group(2).split(","))
                        .forEach(operation -> granted.add(allow.group(1) + " " + operation + " " + allow.group(3) + " " + allow.group(4))));

        Set<String> expected = new TreeSet<>();
        List<String> services = KafkaAclTest.services().toList();
        assertThat(services).isNotEmpty();
        for (String module : services) {
            KafkaAccess access = KafkaAccess.of(module);
            access.writes().forEach(topic -> List.of("Write", "Describe").forEach(op -> expected.add(module + " " + op + " topic " + topic)));
            access.reads().forEach((topic, groups) -> {
                List.of("Read", "Describe").forEach(op -> expected.add(module + " " + op + " topic " + topic));
                groups.forEach(group -> expected.add(module + " Read group " + group));
            });
            JsonNode environment = compose().at("/services/" + module + "/environment");
            assertThat(environment.path("KAFKA_SECURITY_PROTOCOL").asText()).as(module).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.path("KAFKA_SASL_MECHANISM").asText()).as(module).isEqualTo("PLAIN");
            assertThat(environment.path("KAFKA_SASL_JAAS_CONFIG").asText()).as(module)
                    .contains("username=\"" + module + "\" password=\"${" + users.get(module) + ":");
            assertThat(users.get(module)).as("%s's password variable, its own", module).isNotNull()
                    .isNotEqualTo(users.get("admin"));
        }
        assertThat(users.keySet()).as("Kafka's users").containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("admin"), services.stream()).toList());
        assertThat(new TreeSet<>(users.values())).as("one password each").hasSize(users.size());
        assertThat(granted).isEqualTo(expected);
        assertThat(compose().at("/services/referral-migrate/environment").has("KAFKA_SASL_JAAS_CONFIG"))
                .as("the migration step has no Kafka password").isFalse();
    }

    /** Keycloak imports production's realm (no demo user, client or secret), with Swagger UI on the host's address. */
    @Test
    void keycloakImportsTheProductionRealmOfTheOneRealmFile() {
        JsonNode keycloak = compose().path("services").path("keycloak");
        assertThat(Model.list(keycloak.path("volumes")).stream().map(JsonNode::asText))
                .contains("./keycloak/mitra-realm.json:/opt/keycloak/data/import/mitra-realm.json:ro");
        assertThat(Model.list(keycloak.path("command")).stream().map(JsonNode::asText)).containsExactly("start", "--import-realm");
        assertThat(keycloak.at("/environment/MITRA_PUBLIC_URL").asText()).isNotEmpty();

        JsonNode realm = readJson(RealmImports.COMPOSE_FILE);
        assertThat(realm).isEqualTo(RealmImports.productionRealm(RealmImports.realmFile(), "${MITRA_PUBLIC_URL}"));
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.toString()).doesNotContain("\"secret\"", "_SECRET}");
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
