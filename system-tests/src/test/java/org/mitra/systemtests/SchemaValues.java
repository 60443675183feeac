package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Values that a JSON schema of the document accepts: required members always, optional ones half of the time, enums,
 * examples, formats (uuid, date-time, date, email, uri), bounds and simple patterns. Known ids are preferred for uuid
 * members so that valid requests reach the services' logic, not only their validation.
 */
final class SchemaValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final OpenApi document;
    private final KnownValues known;

    SchemaValues(OpenApi document, KnownValues known) {
        this.document = document;
        this.known = known;
    }

    JsonNode valid(JsonNode schema, Random random) {
        return value(document.resolve(schema), random, 0, "");
    }

    private JsonNode value(JsonNode schema, Random random, int depth, String name) {
        JsonNode examples = schema.path("examples");
        JsonNode options = schema.path("enum");
        if (options.isArray() && !options.isEmpty()) {
            return options.get(random.nextInt(options.size()));
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                JsonNode choice = schema.path(combinator).get(combinator.equals("allOf") ? 0 : random.nextInt(schema.path(combinator).size()));
                return value(document.resolve(choice), random, depth + 1, name);
            }
        }
        String type = type(schema);
        if (examples.isArray() && !examples.isEmpty() && !type.equals("object") && random.nextInt(10) < 6) {
            return examples.get(random.nextInt(examples.size()));
        }
        if (schema.has("example") && !type.equals("object") && random.nextInt(10) < 6) {
            return schema.get("example");
        }
        switch (type) {
            case "object":
                return object(schema, random, depth);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth >= MAX_DEPTH) {
                    return array;
                }
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(min + 3), min + 3);
                int count = min + random.nextInt(Math.max(1, max - min + 1));
                JsonNode items = document.resolve(schema.path("items"));
                for (int i = 0; i < count; i++) {
                    array.add(value(items, random, depth + 1, name));
                }
                return array;
            }
            case "integer": {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 100;
                return NODES.numberNode(min + (long) (random.nextDouble() * (max - min + 1)));
            }
            case "number": {
                double min = schema.has("minimum") ? schema.get("minimum").asDouble() : 0;
                double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 100;
                return NODES.numberNode(min + random.nextDouble() * (max - min));
            }
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.textNode(string(schema, random, name));
        }
    }

    private JsonNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<java.util.Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
            java.util.Map.Entry<String, JsonNode> property = properties.next();
            if (required.contains(property.getKey()) || random.nextBoolean()) {
                JsonNode propertySchema = document.resolve(property.getValue());
                if (propertySchema.path("readOnly").asBoolean(false)) {
                    continue;
                }
                object.set(property.getKey(), value(propertySchema, random, depth + 1, property.getKey()));
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject() && schema.path("properties").isEmpty()) {
            // A map, e.g. texts by language.
            for (String key : List.of("en", "id").subList(0, 1 + random.nextInt(2))) {
                object.set(key, value(document.resolve(additional), random, depth + 1, key));
            }
        }
        return object;
    }

    private String string(JsonNode schema, Random random, String name) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid":
                return known.idFor(name, random).toString();
            case "date-time":
                return Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(400) - 200, ChronoUnit.DAYS).toString();
            case "date":
                return LocalDate.of(1960 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
            case "email":
                return "fuzz" + random.nextInt(1_000_000) + "@example.org";
            case "uri":
            case "url":
                return "https://example.org/" + random.nextInt(1000);
            default:
                break;
        }
        // Members whose format the documents leave unsaid but whose name says it.
        String member = name.toLowerCase();
        if (member.contains("email")) {
            return "fuzz" + random.nextInt(1_000_000) + "@example.org";
        }
        if (member.equals("country") || member.equals("nationality")) {
            return List.of("ID", "AU", "NL", "US", "MY", "PH").get(random.nextInt(6));
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Math.max(min, 24));
        if (schema.has("pattern")) {
            java.util.Optional<String> matching = Patterns.generate(schema.get("pattern").asText(), random);
            if (matching.isPresent() && matching.get().length() >= min && matching.get().length() <= max) {
                return matching.get();
            }
        }
        int length = min + random.nextInt(Math.max(1, Math.min(max, min + 24) - min + 1));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.max(length, min); i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    static UUID randomId(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
