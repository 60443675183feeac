package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's AsyncAPI event contract (libs/events {@code META-INF/resources/asyncapi/mitra-events.yaml}, served
 * by each service at {@code /asyncapi/mitra-events.yaml}), read as a JSON tree: the message a record of a topic must
 * fit, and whether it does.
 */
final class EventContract {
    static final String RESOURCE = "META-INF/resources/asyncapi/mitra-events.yaml";
    static final String PATH = "/asyncapi/mitra-events.yaml";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String text;
    final JsonNode document;
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    EventContract(String text) {
        this.text = text;
        try {
            this.document = YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("The event contract is no YAML", e);
        }
    }

    /** The contract in the mitra-events jar on the class path. */
    static EventContract fromClassPath() {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (mitra-events)");
            }
            return new EventContract(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    Optional<JsonNode> channelAt(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /**
     * The pointer ({@code /components/messages/x}) of the message of channel {@code address} whose payload fixes the
     * CloudEvent {@code type}; for a record without a value ({@code type} null), the channel's message whose payload is
     * {@code null} (a tombstone), if it has one.
     */
    Optional<String> messageFor(String address, String type) {
        Optional<JsonNode> channel = channelAt(address);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        var messages = channel.get().path("messages").fields();
        while (messages.hasNext()) {
            var entry = messages.next();
            String pointer = entry.getValue().path("$ref").asText().replaceFirst("^#", "");
            JsonNode payload = resolve(entry.getValue()).path("payload");
            if (type == null && payload.path("type").asText().equals("null")) {
                return Optional.of(pointer);
            }
            for (JsonNode part : payload.path("allOf")) {
                if (type != null && type.equals(resolve(part).at("/properties/type/const").asText(null))) {
                    return Optional.of(pointer);
                }
            }
        }
        return Optional.empty();
    }

    /** How {@code value} violates the schema at {@code pointer} (JSON Schema draft-07, formats asserted). */
    synchronized List<String> violations(String pointer, JsonNode value) {
        JsonSchema schema = schemas.computeIfAbsent(pointer, each -> {
            ObjectNode root = document.deepCopy();
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
            root.put("$ref", "#" + each);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        });
        List<String> found = new ArrayList<>();
        for (ValidationMessage message : schema.validate(value)) {
            found.add(message.getMessage());
        }
        return found;
    }
}
