package org.mitra.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventData;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;

/**
 * The AsyncAPI contract ({@code META-INF/resources/asyncapi/mitra-events.yaml}) says what the code does, read from the
 * code and the repository rather than from a list here: its channels are {@link Topic#all()}, with the partitions,
 * replicas and topic configuration of {@code deploy/kubernetes/base/kafka.yaml}; its senders are the services whose
 * code calls {@code outbox.publish(Topic.X, ...)}, its receivers the consumers of each service's
 * {@code application.properties}; its CloudEvent messages are exactly the types the payload records can have, each
 * with the record's fields; and every event the records make is valid against its message. (That the document is
 * valid AsyncAPI 3.0.0 is system-tests' {@code AsyncApiSchemaTest}: it needs npm for the official schema.)
 */
class AsyncApiContractTest {
    private static final List<String> SERVICES = List.of("directory-service", "referral-service", "awareness-service");
    private static final Pattern PUBLISH = Pattern.compile("outbox\\.publish\\(\\s*Topic\\.([A-Z_]+)");

    private final AsyncApi contract = AsyncApi.load();

    @Test
    void isAsyncApi3WithAChannelPerTopicAndNoOther() {
        assertThat(contract.document.path("asyncapi").asText()).isEqualTo("3.0.0");
        Map<String, Boolean> channels = new TreeMap<>();
        contract.channels().forEach((name, channel) -> {
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("topic").asText()).as(name + " binding's topic").isEqualTo(channel.path("address").asText());
            channels.put(channel.path("address").asText(),
                    kafka.path("topicConfiguration").path("cleanup.policy").toString().contains("compact"));
        });
        Map<String, Boolean> topics = new TreeMap<>();
        Topic.all().forEach(topic -> topics.put(topic.name(), topic.compacted()));
        assertThat(channels).as("channel address → compacted, against Topic.all()").isEqualTo(topics);
    }

    @Test
    void kafkaBindingsAreThoseOfTheKubernetesTopics() throws IOException {
        Map<String, Map<String, Object>> deployed = new TreeMap<>();
        List<String> listeners = new ArrayList<>();
        for (JsonNode resource : yamlDocuments(repository().resolve("deploy/kubernetes/base/kafka.yaml"))) {
            if (resource.path("kind").asText().equals("KafkaTopic")) {
                deployed.put(resource.at("/metadata/name").asText(), binding(resource.path("spec")));
            }
            if (resource.path("kind").asText().equals("Kafka")) {
                resource.at("/spec/kafka/listeners").forEach(listener -> listeners.add(
                        resource.at("/metadata/name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt() + " "
                        + (listener.path("tls").asBoolean() ? "kafka-secure" : "kafka") + " "
                        + listener.at("/authentication/type").asText("none").replace("scram-sha-512", "scramSha512")));
            }
        }
        List<String> servers = new ArrayList<>();
        contract.document.path("servers").forEach(server -> {
            List<String> schemes = new ArrayList<>();
            server.path("security").forEach(scheme -> schemes.add(contract.resolve(scheme).path("type").asText()));
            servers.add(server.path("host").asText() + " " + server.path("protocol").asText() + " " + String.join(",", schemes));
        });
        assertThat(servers).as("servers against the Kafka resource's listeners (address, TLS, authentication)")
                .isEqualTo(listeners);
        Map<String, Map<String, Object>> documented = new TreeMap<>();
        contract.channels().values().forEach(channel -> {
            JsonNode kafka = channel.path("bindings").path("kafka");
            ObjectNode spec = AsyncApi.YAML.createObjectNode();
            spec.set("partitions", kafka.path("partitions"));
            spec.set("replicas", kafka.path("replicas"));
            ObjectNode config = spec.putObject("config");
            kafka.path("topicConfiguration").fields().forEachRemaining(e -> config.put(e.getKey(),
                    e.getValue().isArray() ? String.join(",", texts(e.getValue())) : e.getValue().asText()));
            documented.put(channel.path("address").asText(), binding(spec));
        });
        assertThat(deployed).as("KafkaTopics of kafka.yaml").isNotEmpty();
        assertThat(documented).as("channel bindings against kafka.yaml's KafkaTopics").isEqualTo(deployed);
    }

    @Test
    void sendersAreThePublishingServicesAndReceiversTheConsumingOnes() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String service : SERVICES) {
            Path module = repository().resolve(service);
            try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher publish = PUBLISH.matcher(Files.readString(source));
                    while (publish.find()) {
                        expected.add("send " + topicNamed(publish.group(1)).name() + " by " + service);
                    }
                }
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            for (String key : properties.stringPropertyNames()) {
                Matcher incoming = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
                if (incoming.matches()) {
                    String channel = "mp.messaging.incoming." + incoming.group(1) + ".";
                    expected.add("receive " + properties.getProperty(key) + " by " + service
                            + " in group " + properties.getProperty(channel + "group.id"));
                    if ("dead-letter-queue".equals(properties.getProperty(channel + "failure-strategy"))) {
                        expected.add("send " + properties.getProperty(channel + "dead-letter-queue.topic") + " by " + service);
                    }
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        contract.document.path("operations").fields().forEachRemaining(e -> {
            JsonNode operation = e.getValue();
            List<String> tags = new ArrayList<>();
            operation.path("tags").forEach(tag -> tags.add(contract.resolve(tag).path("name").asText()));
            assertThat(tags).as(e.getKey() + "'s tags name the one service doing it").hasSize(1).isSubsetOf(SERVICES);
            String address = contract.resolve(operation.path("channel")).path("address").asText();
            String group = operation.at("/bindings/kafka/groupId/enum/0").asText("");
            documented.add(operation.path("action").asText() + " " + address + " by " + tags.get(0)
                    + (group.isEmpty() ? "" : " in group " + group));
        });
        assertThat(expected).as("from the services' code and application.properties").isNotEmpty();
        assertThat(documented).as("operations against the services").isEqualTo(expected);
    }

    @Test
    void everySenderIsTheSourceOfTheEventsOnItsChannel() {
        Map<String, String> senders = new LinkedHashMap<>();
        contract.document.path("operations").forEach(operation -> {
            if (operation.path("action").asText().equals("send")) {
                senders.merge(contract.resolve(operation.path("channel")).path("address").asText(),
                        contract.resolve(operation.at("/tags/0")).path("name").asText(), (a, b) -> a + "," + b);
            }
        });
        contract.channels().values().forEach(channel -> contract.messages(channel).forEach((pointer, message) ->
                contract.cloudEventType(message).ifPresent(type -> {
                    String source = sourceOf(message);
                    assertThat(source).as(type + "'s source").isEqualTo("/mitra/" + senders.get(channel.path("address").asText()));
                })));
    }

    @Test
    void theCloudEventMessagesAreExactlyTheTypesThePayloadRecordsCanHave() {
        Set<String> produced = new TreeSet<>();
        CodeEvents.samples().forEach(sample -> produced.add(sample.eventType()));
        Set<String> documented = new TreeSet<>();
        List<String> others = new ArrayList<>();
        contract.channels().values().forEach(channel -> contract.messages(channel).forEach((pointer, message) -> {
            contract.cloudEventType(message).ifPresentOrElse(type -> assertThat(documented.add(type))
                    .as(type + " is documented once").isTrue(), () -> others.add(pointer));
        }));
        assertThat(CodeEvents.payloadRecords()).as("payload records found").hasSizeGreaterThanOrEqualTo(5);
        assertThat(documented).as("CloudEvent types of the contract against the code's").isEqualTo(produced);
        // Besides CloudEvents only: the tombstone of the compacted topic and the dead letter.
        Set<String> compactedOrDeadLetters = new HashSet<>();
        Topic.all().stream().filter(t -> t.compacted() || t.equals(Topic.DEAD_LETTERS))
                .forEach(t -> compactedOrDeadLetters.addAll(contract.messages(contract.channelAt(t.name()).orElseThrow()).keySet()));
        assertThat(others).as("messages that are no CloudEvent").isSubsetOf(compactedOrDeadLetters).hasSize(2);
    }

    @Test
    void everyEventThePayloadRecordsMakeIsValidAgainstItsMessage() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (EventData sample : CodeEvents.samples()) {
            Map.Entry<String, JsonNode> message = messageOf(sample.eventType());
            JsonNode event = EventJson.mapper().valueToTree(CloudEvent.of(sourceOf(message.getValue()), sample));
            contract.violations(message.getKey() + "/payload", event).forEach(v -> problems.add(sample.eventType() + ": " + v));
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(contract.channels().size());
    }

    @Test
    void aMessageRefusesAnEventThatDoesNotFitIt() {
        EventData sample = CodeEvents.samples().get(0);
        String pointer = messageOf(sample.eventType()).getKey() + "/payload";
        ObjectNode event = EventJson.mapper().valueToTree(CloudEvent.of("/mitra/somewhere", sample));
        assertThat(contract.violations(pointer, event)).as("a wrong source").isNotEmpty();

        ObjectNode wrongType = EventJson.mapper().valueToTree(CloudEvent.of(sourceOf(messageOf(sample.eventType()).getValue()), sample));
        wrongType.put("type", "org.mitra.something.else.v1");
        assertThat(contract.violations(pointer, wrongType)).as("another type").isNotEmpty();

        ObjectNode badValues = EventJson.mapper().valueToTree(CloudEvent.of(sourceOf(messageOf(sample.eventType()).getValue()), sample));
        badValues.put("id", "not-a-uuid");
        assertThat(contract.violations(pointer, badValues)).as("an id that is no UUID").isNotEmpty();
        badValues.put("id", UUID.randomUUID().toString()).put("time", "yesterday");
        assertThat(contract.violations(pointer, badValues)).as("a time that is no date-time").isNotEmpty();
        badValues.put("time", Instant.now().toString()).remove("data");
        assertThat(contract.violations(pointer, badValues)).as("no data").isNotEmpty();
    }

    @Test
    void everyDataSchemaHasTheFieldsOfItsRecordAndNoOther() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> checked = new LinkedHashSet<>();
        for (EventData sample : CodeEvents.samples()) {
            JsonNode data = contract.dataSchema(messageOf(sample.eventType()).getValue());
            compare(sample.getClass(), data, sample.getClass().getSimpleName(), problems, checked);
        }
        compare(CloudEvent.class, contract.resolve(contract.document.at("/components/schemas/CloudEvent")), "CloudEvent",
                problems, checked);
        assertThat(problems).isEmpty();
        assertThat(checked).containsAll(CodeEvents.payloadRecords());
    }

    @Test
    void noSchemaRefusesFieldsItDoesNotKnow() {
        List<String> closed = new ArrayList<>();
        walk(contract.document, "", (path, node) -> {
            if (node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean()) {
                closed.add(path);
            }
        });
        assertThat(closed).as("consumers ignore unknown fields, so no schema forbids them").isEmpty();
    }

    /** Checks that {@code schema} describes the record's components, by JSON type, format and enum values. */
    private void compare(Class<?> record, JsonNode schema, String where, List<String> problems, Set<Class<?>> checked) {
        checked.add(record);
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
            JsonNode property = schema.path("properties").path(component.getName());
            if (property.isMissingNode()) {
                continue;
            }
            compareValue(component.getType(), component.getGenericType(), contract.resolve(property),
                    where + "." + component.getName(), problems, checked);
            if (component.getType().isPrimitive() && !texts(schema.path("required")).contains(component.getName())) {
                problems.add(where + "." + component.getName() + " is always written (primitive) but not required");
            }
        }
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        if (!properties.equals(components)) {
            problems.add(where + ": schema properties " + properties + " but record components " + components);
        }
        if (!components.containsAll(texts(schema.path("required")))) {
            problems.add(where + ": requires " + texts(schema.path("required")) + ", not all of them fields");
        }
    }

    private void compareValue(Class<?> type, Type generic, JsonNode schema, String where, List<String> problems,
            Set<Class<?>> checked) {
        String json = schema.path("type").asText();
        String format = schema.path("format").asText("");
        if (type == UUID.class) {
            expect(where, "string/uuid", json + "/" + format, problems);
        } else if (type == Instant.class) {
            expect(where, "string/date-time", json + "/" + format, problems);
        } else if (type == String.class) {
            expect(where, "string", json, problems);
        } else if (type == Object.class && where.equals("CloudEvent.data")) {
            expect(where, "object", json, problems);
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            expect(where, "integer", json, problems);
        } else if (type == boolean.class || type == Boolean.class) {
            expect(where, "boolean", json, problems);
        } else if (type.isEnum()) {
            List<String> values = Arrays.stream(type.getEnumConstants())
                    .map(constant -> EventJson.mapper().convertValue(constant, String.class)).toList();
            expect(where, "string " + values, json + " " + texts(schema.path("enum")), problems);
        } else if (type == List.class) {
            expect(where, "array", json, problems);
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            compareValue((Class<?>) element, element, contract.resolve(schema.path("items")), where + "[]", problems, checked);
        } else if (type.isRecord()) {
            expect(where, "object", json, problems);
            compare(type, schema, where, problems, checked);
        } else {
            problems.add(where + ": a " + type.getName() + ", which this test does not know how to compare");
        }
    }

    private static void expect(String where, String expected, String actual, List<String> problems) {
        if (!expected.equals(actual)) {
            problems.add(where + ": the record says " + expected + ", the schema " + actual);
        }
    }

    private Map.Entry<String, JsonNode> messageOf(String type) {
        for (JsonNode channel : contract.channels().values()) {
            var message = contract.messageOfType(channel, type);
            if (message.isPresent()) {
                return message.get();
            }
        }
        throw new AssertionError("No message of type " + type + " in the contract");
    }

    private String sourceOf(JsonNode message) {
        for (JsonNode part : message.path("payload").path("allOf")) {
            JsonNode source = contract.resolve(part).path("properties").path("source").path("const");
            if (source.isTextual()) {
                return source.asText();
            }
        }
        throw new AssertionError("Message " + message.path("name").asText() + " fixes no source");
    }

    private static Topic topicNamed(String constant) {
        try {
            Field field = Topic.class.getField(constant);
            if (!Modifier.isStatic(field.getModifiers())) {
                throw new IllegalStateException(constant);
            }
            return (Topic) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Topic." + constant + " is no topic", e);
        }
    }

    /** Partitions, replicas and the topic configuration a consumer cares about (how long and what is kept). */
    private static Map<String, Object> binding(JsonNode spec) {
        Map<String, Object> binding = new TreeMap<>();
        binding.put("partitions", spec.path("partitions").asInt());
        binding.put("replicas", spec.path("replicas").asInt());
        for (String key : List.of("cleanup.policy", "retention.ms", "delete.retention.ms", "min.compaction.lag.ms")) {
            JsonNode value = spec.path("config").path(key);
            if (!value.isMissingNode()) {
                binding.put(key, value.asText());
            }
        }
        return binding;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(path, node);
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }

    private static List<JsonNode> yamlDocuments(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = AsyncApi.YAML.getFactory().createParser(file.toFile())) {
            AsyncApi.YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    /** The repository's root: the nearest folder above this module's that holds deploy/kubernetes. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the Mitra repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
