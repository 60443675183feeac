package org.mitra.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The section of docs/events.md that renders the AsyncAPI contract: its channels (topic, partitions, replicas,
 * retention, who sends and who receives), its messages (type, key, data) and the fields of each data schema. Plain
 * Markdown tables, made only from the document, so the docs cannot say what the contract does not.
 */
final class AsyncApiMarkdown {
    private final AsyncApi contract;

    AsyncApiMarkdown(AsyncApi contract) {
        this.contract = contract;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        JsonNode info = contract.document.path("info");
        out.append("AsyncAPI ").append(contract.document.path("asyncapi").asText()).append(", ")
                .append(info.path("title").asText()).append(' ').append(info.path("version").asText()).append(".\n\n");

        out.append("### Channels\n\n");
        out.append("| channel | topic | partitions × replicas | kept | sent by | received by (consumer group) | messages |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        contract.channels().forEach((name, channel) -> {
            JsonNode kafka = channel.path("bindings").path("kafka");
            List<String> senders = new ArrayList<>();
            List<String> receivers = new ArrayList<>();
            contract.document.path("operations").forEach(operation -> {
                if (contract.resolve(operation.path("channel")).equals(channel)) {
                    String service = contract.resolve(operation.at("/tags/0")).path("name").asText();
                    String group = operation.at("/bindings/kafka/groupId/enum/0").asText("");
                    if (operation.path("action").asText().equals("send")) {
                        senders.add(service);
                    } else {
                        receivers.add(service + (group.isEmpty() ? "" : " (`" + group + "`)"));
                    }
                }
            });
            List<String> messages = new ArrayList<>();
            contract.messages(channel).values().forEach(message -> messages.add("`" + message.path("name").asText() + "`"));
            out.append("| ").append(name).append(" | `").append(kafka.path("topic").asText()).append("` | ")
                    .append(kafka.path("partitions").asText()).append(" × ").append(kafka.path("replicas").asText())
                    .append(" | ").append(kept(kafka.path("topicConfiguration"))).append(" | ")
                    .append(orNone(senders)).append(" | ").append(orNone(receivers)).append(" | ")
                    .append(String.join(", ", messages)).append(" |\n");
        });

        out.append("\n### Messages\n\n");
        out.append("A CloudEvent message has the header `content-type: application/cloudevents+json`, and its value is the ")
                .append("envelope of [section 1](#1-the-envelope) with this `type` and `source` and `data` of the schema named.\n\n");
        out.append("| message | channel | source | key | data | summary |\n|---|---|---|---|---|---|\n");
        contract.channels().forEach((name, channel) -> contract.messages(channel).values().forEach(message -> {
            String key = type(message.at("/bindings/kafka/key"));
            Object[] row = contract.cloudEventType(message).isPresent()
                    ? new Object[] {"`" + contract.cloudEventType(message).get() + "`", name, "`" + source(message) + "`", key,
                            dataName(message), cell(message.path("summary").asText())}
                    : new Object[] {"`" + message.path("name").asText() + "` (no CloudEvent)", name, "", key,
                            type(message.path("payload")), cell(message.path("summary").asText())};
            out.append("| ");
            for (Object value : row) {
                out.append(value).append(" | ");
            }
            out.setLength(out.length() - 1);
            out.append('\n');
        }));

        out.append("\n### Data\n\nAdditional fields are allowed everywhere (consumers ignore what they do not know); ")
                .append("absent values are left out.\n");
        contract.document.path("components").path("schemas").fields().forEachRemaining(entry -> {
            out.append("\n#### ").append(entry.getKey()).append("\n\n");
            out.append(cell(entry.getValue().path("description").asText())).append("\n\n");
            out.append("| field | type | required | description |\n|---|---|---|---|\n");
            fields(entry.getValue(), "", out);
        });
        return out.toString();
    }

    private void fields(JsonNode schema, String prefix, StringBuilder out) {
        List<String> required = AsyncApiContractTest.texts(schema.path("required"));
        schema.path("properties").fields().forEachRemaining(property -> {
            String field = prefix + property.getKey();
            JsonNode value = property.getValue();
            out.append("| `").append(field).append("` | ").append(type(value)).append(" | ")
                    .append(required.contains(property.getKey()) ? "yes" : "no").append(" | ")
                    .append(cell(contract.resolve(value).path("description").asText(value.path("description").asText())))
                    .append(" |\n");
        });
    }

    /** A schema's type as a reader wants it: {@code string (uuid)}, {@code array of string}, a schema's name, an enum. */
    private String type(JsonNode schema) {
        if (schema.isMissingNode()) {
            return "";
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceFirst(".*/", "");
            return "[" + name + "](#" + name.toLowerCase() + ")";
        }
        if (schema.has("const")) {
            return "`" + schema.get("const").asText() + "`";
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            return String.join(", ", values);
        }
        String type = schema.path("type").asText("any");
        if (type.equals("array")) {
            return "array of " + type(schema.path("items"));
        }
        return schema.has("format") ? type + " (" + schema.get("format").asText() + ")" : type;
    }

    private String dataName(JsonNode message) {
        for (JsonNode part : message.path("payload").path("allOf")) {
            JsonNode data = contract.resolve(part).path("properties").path("data");
            if (data.has("$ref")) {
                return type(data);
            }
            if (data.has("allOf")) {
                StringBuilder name = new StringBuilder(type(data.get("allOf").get(0)));
                for (int i = 1; i < data.get("allOf").size(); i++) {
                    data.get("allOf").get(i).path("properties").fields().forEachRemaining(e ->
                            name.append(", `").append(e.getKey()).append("` = ").append(type(e.getValue())));
                }
                return name.toString();
            }
        }
        return "";
    }

    private String source(JsonNode message) {
        for (JsonNode part : message.path("payload").path("allOf")) {
            JsonNode source = contract.resolve(part).at("/properties/source/const");
            if (source.isTextual()) {
                return source.asText();
            }
        }
        return "";
    }

    private static String kept(JsonNode config) {
        StringBuilder kept = new StringBuilder(String.join(", ", AsyncApiContractTest.texts(config.path("cleanup.policy"))));
        for (Map.Entry<String, String> setting : Map.of("retention.ms", "for", "delete.retention.ms",
                "tombstones for").entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (config.has(setting.getKey())) {
                kept.append("; ").append(setting.getValue()).append(' ').append(days(config.get(setting.getKey()).asLong()));
            }
        }
        return kept.toString();
    }

    private static String days(long millis) {
        return millis % 86_400_000L == 0 ? millis / 86_400_000L + " d" : millis + " ms";
    }

    private static String orNone(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

    private static String cell(String text) {
        return text.strip().replaceAll("\\s+", " ").replace("|", "\\|").replace("<", "&lt;");
    }
}
