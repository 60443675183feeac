package org.mitra.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Strict JSON schemas (unknown fields refused) from ../shared/k8s-schemas: every core kind of Kubernetes 1.36, whose
 * {@code $id}s under https://kubernetes.io/api/ are mapped to the folder, and the operators' custom resources (crds/).
 * The custom resources' metadata is checked against Kubernetes' ObjectMeta, which their schemas leave open. A custom
 * resource whose schema the shared folder lacks (Strimzi's KafkaUser) is read from this module's
 * src/test/resources/k8s-schemas/crds, the same catalog's file (its README).
 */
final class Schemas {
    static final String K8S = "kubernetes-v1.36.0-strict";
    /** Schemas of custom resources ../shared/k8s-schemas does not have yet. */
    static final Path OWN_CRDS = Repository.ROOT.resolve("deploy/checks/src/test/resources/k8s-schemas/crds");
    private static final String OBJECT_META = "https://kubernetes.io/api/_definitions.json#/$defs/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private final Path dir;
    private final JsonSchemaFactory factory;
    private final Map<Path, JsonSchema> loaded = new ConcurrentHashMap<>();

    Schemas(Path dir) {
        this.dir = dir;
        String k8s = dir.resolve(K8S).toUri().toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://kubernetes.io/api/", k8s)));
    }

    /** The schema file of a resource's apiVersion and kind. */
    Path schemaFile(String apiVersion, String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (group.contains(".") && !group.endsWith(".k8s.io")) {
            String name = group + "_" + k + "_" + version + ".json";
            Path shared = dir.resolve("crds").resolve(name);
            return Files.isRegularFile(shared) || !Files.isRegularFile(OWN_CRDS.resolve(name)) ? shared : OWN_CRDS.resolve(name);
        }
        String shortGroup = group.isEmpty() ? "" : "-" + group.substring(0, group.indexOf('.') < 0 ? group.length() : group.indexOf('.'));
        return dir.resolve(K8S).resolve(k + shortGroup + "-" + version + ".json");
    }

    /** Every problem of the resource; empty when it is valid. A kind without a schema is a problem too. */
    List<String> problems(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        Path file = schemaFile(apiVersion, kind);
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add("no schema for " + apiVersion + " " + kind + " (" + file.getFileName() + ")");
            return problems;
        }
        JsonSchema schema = loaded.computeIfAbsent(file, f -> factory.getSchema(SchemaLocation.of(f.toUri().toString())));
        collect(schema.validate(resource), problems);
        if (file.getParent().getFileName().toString().equals("crds")) {
            JsonSchema meta = loaded.computeIfAbsent(Path.of("ObjectMeta"), f -> factory.getSchema(SchemaLocation.of(OBJECT_META)));
            collect(meta.validate(resource.path("metadata")), problems);
        }
        return problems;
    }

    private static void collect(Set<ValidationMessage> messages, List<String> problems) {
        messages.forEach(m -> problems.add(m.getMessage()));
    }
}
