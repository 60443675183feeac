package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.mitra.local.DemoOrganization;

/** The values a mass-assignment attempt sends (API3), and whether the server kept one. */
final class AssignedValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AssignedValues() {
    }

    /** A value of the member's type that differs from what the server chose for the baseline, or null for none. */
    static JsonNode plausible(String member, JsonNode schema, JsonNode baseline) {
        List<String> options = new ArrayList<>();
        schema.path("enum").forEach(option -> options.add(option.asText()));
        String current = baseline == null || baseline.isNull() ? null : baseline.asText();
        if (!options.isEmpty()) {
            for (String privileged : List.of("VERIFIED", "ACTIVE", "ACCEPTED", "COMPLETED")) {
                if (options.contains(privileged) && !privileged.equals(current)) {
                    return NODES.textNode(privileged);
                }
            }
            return options.stream().filter(option -> !option.equals(current)).findFirst().map(NODES::textNode).orElse(null);
        }
        String type = SchemaValues.type(schema);
        if (!schema.has("type") && !schema.has("properties") && !schema.has("items") && baseline != null && !baseline.isNull()) {
            // Undocumented member: its type as the answer shows it.
            type = baseline.isIntegralNumber() ? "integer" : baseline.isNumber() ? "number" : baseline.isBoolean() ? "boolean"
                    : baseline.isTextual() ? "string" : "object";
        }
        String format = schema.path("format").asText("");
        if (format.equals("uuid") || member.equals("id") || member.endsWith("Id")) {
            if (member.toLowerCase().contains("organization")) {
                String other = DemoOrganization.TRAFFIC_LIGHTS.id().toString().equals(current) ? DemoOrganization.FLUX_LIFEHOUSE.id().toString()
                        : DemoOrganization.TRAFFIC_LIGHTS.id().toString();
                return NODES.textNode(other);
            }
            return NODES.textNode(UUID.randomUUID().toString());
        }
        if (format.equals("date-time") || member.endsWith("At") || (current != null && parses(current, Instant::parse))) {
            return NODES.textNode("2001-02-03T04:05:06Z");
        }
        if (format.equals("date") || (current != null && parses(current, LocalDate::parse))) {
            return NODES.textNode("2001-02-03");
        }
        return switch (type) {
            case "integer" -> NODES.numberNode((baseline == null ? 0 : baseline.asLong()) + 1000);
            case "number" -> NODES.numberNode((baseline == null ? 0 : baseline.asDouble()) + 1000.5);
            case "boolean" -> NODES.booleanNode(baseline == null || !baseline.asBoolean());
            case "string" -> NODES.textNode("mass-assigned-" + UUID.randomUUID().toString().substring(0, 8));
            default -> null;
        };
    }

    private static boolean parses(String text, Function<String, ?> parser) {
        try {
            parser.apply(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the server kept the value sent: equal JSON, the same instant, or the same number. */
    static boolean same(JsonNode kept, JsonNode sent) {
        if (kept == null || kept.isNull() || kept.isMissingNode()) {
            return false;
        }
        if (kept.isNumber() && sent.isNumber()) {
            return kept.decimalValue().compareTo(sent.decimalValue()) == 0;
        }
        if (kept.isTextual() && sent.isTextual()) {
            if (parses(kept.asText(), Instant::parse) && parses(sent.asText(), Instant::parse)) {
                return Instant.parse(kept.asText()).equals(Instant.parse(sent.asText()));
            }
            return kept.asText().equals(sent.asText());
        }
        return kept.equals(sent);
    }
}
