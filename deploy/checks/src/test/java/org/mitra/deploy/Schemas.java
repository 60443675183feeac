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
 * Strimzi's kinds ({@code KafkaUser}, which the shared folder lacks, and {@code Kafka}, {@code KafkaNodePool},
 * {@code KafkaTopic}) are checked against schemas made in the build from Strimzi's own CRDs ({@link StrimziCrds}); the
 * tests that need them skip without a Java 21+ (fail with CI=true). The custom resources' metadata is checked against
 * Kubernetes' ObjectMeta, which their schemas leave open.
 */
final class Schemas {
    static final String K8S = "kubernetes-v1.36.0-strict";
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

    /**
     * The schema file of a resource's apiVersion and kind; for Strimzi's kinds the generated one, which skips the
     * calling test (fails it in CI) when it cannot be generated.
     */
    Path schemaFile(String apiVersion, String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (StrimziCrds.generates(apiVersion, kind)) {
            return StrimziCrds.schema(kind);
        }
        if (customResource(apiVersion)) {
            return dir.resolve("crds").resolve(group + "_" + k + "_" + version + ".json");
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
        if (customResource(apiVersion)) {
            JsonSchema meta = loaded.computeIfAbsent(Path.of("ObjectMeta"), f -> factory.getSchema(SchemaLocation.of(OBJECT_META)));
            collect(meta.validate(resource.path("metadata")), problems);
        }
        return problems;
    }

    /** An operator's kind: a group with a dot that is not Kubernetes' own (*.k8s.io). */
    static boolean customResource(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return group.contains(".") && !group.endsWith(".k8s.io");
    }

    private static void collect(Set<ValidationMessage> messages, List<String> problems) {
        messages.forEach(m -> problems.add(m.getMessage()));
    }
}
