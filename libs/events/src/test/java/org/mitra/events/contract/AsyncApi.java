package org.mitra.events.contract;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event contract, {@code META-INF/resources/asyncapi/mitra-events.yaml} of this jar, read as a JSON tree: its
 * channels, their messages (by CloudEvent type), and a validator for each message's payload schema.
 */
final class AsyncApi {
    static final String RESOURCE = "META-INF/resources/asyncapi/mitra-events.yaml";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final JsonNode document;

    private AsyncApi(JsonNode document) {
        this.document = document;
    }

    static AsyncApi load() {
        try (InputStream in = AsyncApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new AsyncApi(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node a local reference ({@code #/components/...}) points at. */
    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are used: " + ref);
            }
            node = document.at(ref.substring(1));
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("Unresolved reference " + ref);
            }
        }
        return node;
    }

    /** Channel name → channel. */
    Map<String, JsonNode> channels() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        document.path("channels").fields().forEachRemaining(e -> channels.put(e.getKey(), e.getValue()));
        return channels;
    }

    Optional<JsonNode> channelAt(String address) {
        return channels().values().stream().filter(c -> c.path("address").asText().equals(address)).findFirst();
    }

    /** The channel's messages, each as its component's pointer ({@code /components/messages/x}) → resolved message. */
    Map<String, JsonNode> messages(JsonNode channel) {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        channel.path("messages").fields().forEachRemaining(e ->
                messages.put(e.getValue().path("$ref").asText(e.getKey()).replaceFirst("^#", ""), resolve(e.getValue())));
        return messages;
    }

    /** The CloudEvent type a message's payload fixes ({@code properties.type.const} in its {@code allOf}), if any. */
    Optional<String> cloudEventType(JsonNode message) {
        for (JsonNode part : message.path("payload").path("allOf")) {
            JsonNode type = resolve(part).path("properties").path("type").path("const");
            if (type.isTextual()) {
                return Optional.of(type.asText());
            }
        }
        return Optional.empty();
    }

    /** The data schema of a CloudEvent message: its payload's last {@code properties.data}, through one {@code allOf}. */
    JsonNode dataSchema(JsonNode message) {
        JsonNode found = null;
        for (JsonNode part : message.path("payload").path("allOf")) {
            JsonNode data = resolve(part).path("properties").path("data");
            if (!data.isMissingNode()) {
                found = data; // the last one: the envelope's own says only "an object"
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("Message " + message.path("name") + " has no data schema");
        }
        JsonNode resolved = resolve(found);
        return resolved.has("allOf") ? resolve(resolved.get("allOf").get(0)) : resolved;
    }

    /** The channel's message for a CloudEvent type, if the channel has one. */
    Optional<Map.Entry<String, JsonNode>> messageOfType(JsonNode channel, String type) {
        return messages(channel).entrySet().stream()
                .filter(e -> cloudEventType(e.getValue()).filter(type::equals).isPresent()).findFirst();
    }

    /**
     * Violations of the schema at {@code pointer} (e.g. a message's {@code payload}) by {@code value}, the schema read
     * as JSON Schema draft-07 (AsyncAPI's default schema format is a superset of it), formats asserted, references
     * resolved within the whole document.
     */
    List<String> violations(String pointer, JsonNode value) {
        ObjectNode root = document.deepCopy();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$ref", "#" + pointer);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root, config);
        List<String> found = new ArrayList<>();
        for (ValidationMessage message : schema.validate(value)) {
            found.add(message.getMessage());
        }
        return found;
    }
}
