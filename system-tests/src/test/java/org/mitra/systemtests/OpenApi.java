package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mitra.local.PlatformService;

/** A service's OpenAPI 3 document, read with Jackson: its operations, their parameters, bodies and security. */
public final class OpenApi {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final PlatformService service;
    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code roles} is empty for a public operation (no security requirement), else the roles its
     * {@code x-mitra-roles} names: an empty list means any authenticated caller.
     */
    public record Operation(PlatformService service, String method, String path, String summary, List<Parameter> parameters,
            JsonNode bodySchema, List<String> bodyContentTypes, Optional<List<String>> roles) {
        public boolean isPublic() {
            return roles.isEmpty();
        }

        public List<Parameter> in(String location) {
            return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
        }

        public boolean hasPathId() {
            return !in("path").isEmpty();
        }

        public String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    OpenApi(PlatformService service, JsonNode document) {
        this.service = service;
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(operation(path.getKey(), method.toUpperCase(), operation, path.getValue().path("parameters")));
                }
            }
        }
    }

    public PlatformService service() {
        return service;
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    private Operation operation(String path, String method, JsonNode operation, JsonNode pathParameters) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathParameters, operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(parameter);
                parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                        resolved.path("required").asBoolean(resolved.path("in").asText().equals("path")),
                        resolve(resolved.path("schema"))));
            }
        }
        JsonNode bodySchema = null;
        List<String> contentTypes = new ArrayList<>();
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        for (Iterator<String> names = content.fieldNames(); names.hasNext();) {
            String name = names.next();
            contentTypes.add(name);
            if (bodySchema == null) {
                bodySchema = resolve(content.path(name).path("schema"));
            }
        }
        // Secured operations name their roles in x-mitra-roles (libs/web AccessDocumentation); the requirement itself
        // names the scheme only, as scopes belong to OAuth2 schemes.
        Optional<List<String>> roles = Optional.empty();
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        if (security.isArray() && !security.isEmpty()) {
            if (!operation.path("x-mitra-roles").isArray()) {
                // Without it every role would be expected to pass and no refusal would be checked.
                throw new IllegalStateException(service.module() + " " + method + " " + path
                        + " is secured but names no x-mitra-roles (libs/web AccessDocumentation)");
            }
            List<String> names = new ArrayList<>();
            operation.path("x-mitra-roles").forEach(role -> names.add(role.asText()));
            roles = Optional.of(List.copyOf(names));
        }
        return new Operation(service, method, path, operation.path("summary").asText(""), List.copyOf(parameters), bodySchema,
                List.copyOf(contentTypes), roles);
    }

    /**
     * The JSON schema of the operation's first 2xx answer (resolved), or an empty object when it documents none. For a
     * write that documents no body schema, the 200 schema of the GET that reads the object is used instead.
     */
    public JsonNode responseSchema(Operation operation) {
        JsonNode schema = jsonAnswer(operation.path(), operation.method());
        if (!schema.path("properties").isEmpty() || operation.method().equals("GET")) {
            return schema;
        }
        // A write that returns a bare Response: the schema of the GET that reads the object, or of the list's items.
        List<String> reads = new ArrayList<>();
        String collection = operation.method().equals("POST") ? operation.path()
                : operation.path().substring(0, Math.max(0, operation.path().lastIndexOf('/')));
        if (operation.method().equals("POST")) {
            for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext();) {
                String candidate = paths.next();
                if (candidate.startsWith(operation.path() + "/{") && candidate.indexOf('/', operation.path().length() + 1) < 0) {
                    reads.add(candidate);
                }
            }
        } else {
            reads.add(operation.path());
        }
        reads.add(collection);
        for (String read : reads) {
            JsonNode answer = jsonAnswer(read, "GET");
            if (answer.path("properties").has("items")) {
                answer = resolve(resolve(answer.path("properties").path("items")).path("items"));
            }
            if (!answer.path("properties").isEmpty()) {
                return answer;
            }
        }
        return schema;
    }

    private JsonNode jsonAnswer(String path, String method) {
        JsonNode responses = document.path("paths").path(path).path(method.toLowerCase()).path("responses");
        for (Iterator<Map.Entry<String, JsonNode>> answers = responses.fields(); answers.hasNext();) {
            Map.Entry<String, JsonNode> answer = answers.next();
            if (answer.getKey().startsWith("2")) {
                JsonNode schema = resolve(answer.getValue()).path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    return resolve(schema);
                }
            }
        }
        return Json.object();
    }

    /**
     * The schema with its {@code $ref} followed; siblings of the reference (examples, description, constraints as
     * SmallRye writes them) are laid over the referenced schema.
     */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
            current.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("$ref")) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
            if (!target.has("$ref")) {
                merged.remove("$ref");
            }
            current = merged;
        }
        return current == null || current.isMissingNode() ? Json.object() : current;
    }
}
