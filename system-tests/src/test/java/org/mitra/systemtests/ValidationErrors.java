package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The members a 400 problem's {@code errors} name, and generated bodies mended where a 400 blames them (API4). */
final class ValidationErrors {
    private ValidationErrors() {
    }

    /** Whether the 400 problem lists an error for the member (its {@code errors[].field} is it or ends with it). */
    static boolean namesField(Http.Exchange answer, String member) {
        JsonNode problem = Json.parse(answer.body()).orElse(Json.object());
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText("");
            if (field.equals(member) || field.endsWith("." + member) || field.startsWith(member + "[")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wraps a member's value in an array where the schema says array: a document may put an enum on the array itself
     * (the awareness campaign's audiences), from which the generator picks a single string.
     */
    static void arraysWhereDocumented(ObjectNode body, JsonNode schema, OpenApi document) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode member = document.resolve(schema.path("properties").path(name));
            if (SchemaValues.type(member).equals("array") && !body.get(name).isArray()) {
                body.putArray(name).add(body.get(name).deepCopy());
            }
        }
    }

    /** Generates again the top-level members the 400 names other than {@code kept}; false when there are none. */
    static boolean repairOthers(ObjectNode body, JsonNode schema, OpenApi document, SchemaValues values, Random random,
            Http.Exchange answer, String kept) {
        boolean changed = false;
        for (JsonNode error : Json.parse(answer.body()).orElse(Json.object()).path("errors")) {
            String member = error.path("field").asText("").split("[.\\[]")[0];
            JsonNode memberSchema = document.resolve(schema.path("properties").path(member));
            if (member.isEmpty() || member.equals(kept) || !schema.path("properties").has(member)) {
                continue;
            }
            if (SchemaValues.type(memberSchema).equals("array")) {
                JsonNode options = memberSchema.path("enum");
                JsonNode item = options.isArray() && !options.isEmpty() ? options.get(0)
                        : values.valid(document.resolve(memberSchema.path("items")), random);
                body.putArray(member).add(item);
            } else {
                body.set(member, values.valid(memberSchema, random));
            }
            changed = true;
        }
        return changed;
    }
}
