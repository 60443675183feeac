package org.mitra.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Strimzi's own CRDs, regenerated in the build from Maven Central, and strict JSON schemas made from them: the
 * {@code KafkaUser} schema ../shared/k8s-schemas lacks, and {@code Kafka}, {@code KafkaNodePool} and {@code KafkaTopic},
 * which replace the shared folder's (a catalog's copies that lag Strimzi 1.2.0, e.g. listener type {@code tlsroute}).
 * <p>
 * The pom's {@code strimzi-crd-generator} execution copies {@code io.strimzi:api} and the shaded
 * {@code io.strimzi:crd-generator} (the pom's {@code strimzi.version}, 1.2.0) into target/strimzi-crd-generator/. They are Java 21
 * classes, so {@code io.strimzi.crdgenerator.CrdGenerator} runs as a {@code java} process of its own, with the
 * arguments Strimzi's api/pom.xml gives it for packaging/install/cluster-operator/04x-Crd-*.yaml (the same CRDs, in
 * JSON), once per test JVM (1 to 2 s on an idle machine), with the first Java 21+ of {@code $MITRA_JAVA21_HOME},
 * /usr/lib/jvm/temurin-25-jdk-amd64 and {@code $JAVA_HOME}. Without one, or when the generator fails, the tests that
 * need these schemas are skipped with the reason, or fail with {@code CI=true} ({@link Repository#unavailable}).
 * <p>
 * {@link #strict} makes each CRD's {@code v1} {@code openAPIV3Schema} strict as the shared folder's schemas are: every
 * object schema with {@code properties} gets {@code additionalProperties: false}, unless it keeps unknown fields
 * ({@code x-kubernetes-preserve-unknown-fields: true}) or defines {@code additionalProperties} itself. Unlike the
 * shared ones, the top level is closed too.
 */
final class StrimziCrds {
    static final String GROUP = "kafka.strimzi.io";
    static final String VERSION = "v1";
    /** The kinds generated, with their classes in io.strimzi:api. */
    static final Map<String, String> KINDS = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser",
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic")));
    static final String JAVA_HOME_VARIABLE = "MITRA_JAVA21_HOME";
    static final Path TEMURIN = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    /** Where the pom copies io.strimzi:api and io.strimzi:crd-generator. */
    static final Path JARS = Repository.TARGET.resolve("strimzi-crd-generator");
    /** The generated CRDs (crd-*.json), the generator's log and the strict schemas (schemas/). */
    static final Path OUT = Repository.TARGET.resolve("strimzi-crds");
    static final String MAIN = "io.strimzi.crdgenerator.CrdGenerator";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, Path> schemas;
    /** Why they could not be generated, so the next test skips (or fails in CI) at once instead of trying again. */
    private static String unavailable;
    private static long millis = -1;

    private StrimziCrds() {
    }

    /** The strict JSON schema of a generated kind's v1; skips (or fails in CI) when the CRDs cannot be generated. */
    static Path schema(String kind) {
        Path file = schemas().get(kind);
        if (file == null) {
            throw new IllegalArgumentException(kind + " is not among the generated Strimzi kinds " + KINDS.keySet());
        }
        return file;
    }

    /** Whether the kind of this apiVersion is one of the generated ones. */
    static boolean generates(String apiVersion, String kind) {
        return apiVersion.equals(GROUP + "/" + VERSION) && KINDS.containsKey(kind);
    }

    /** The generated CRD of a kind (crd-kafkauser.json, …), as Strimzi's generator wrote it. */
    static Path crd(String kind) {
        schemas();
        return OUT.resolve("crd-" + kind.toLowerCase(Locale.ROOT) + ".json");
    }

    /** Strimzi's version, the pom's strimzi.version: that of the jars the pom copies. */
    static String version() {
        Matcher version = Pattern.compile("<strimzi\\.version>([^<]+)</strimzi\\.version>")
                .matcher(Repository.read(Repository.ROOT.resolve("deploy/checks/pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("deploy/checks/pom.xml sets no strimzi.version");
        }
        return version.group(1);
    }

    /** How long the generation took in this JVM, in milliseconds; -1 before it ran. */
    static long generationMillis() {
        return millis;
    }

    static synchronized Map<String, Path> schemas() {
        if (schemas != null) {
            return schemas;
        }
        if (unavailable == null) {
            try {
                schemas = generate();
                return schemas;
            } catch (Unavailable e) {
                unavailable = e.getMessage();
                System.err.println("Strimzi's CRDs unavailable: " + unavailable);
            }
        }
        throw Repository.unavailable(unavailable);
    }

    private static Map<String, Path> generate() throws Unavailable {
        long start = System.nanoTime();
        Path api = JARS.resolve("api-" + version() + ".jar");
        Path generator = JARS.resolve("crd-generator-" + version() + ".jar");
        for (Path jar : List.of(api, generator)) {
            if (!Files.isRegularFile(jar)) {
                throw new Unavailable(jar + " is missing: the pom's maven-dependency-plugin execution strimzi-crd-generator"
                        + " copies it in generate-test-resources (run ./mvnw once online to fetch io.strimzi:api and"
                        + " io.strimzi:crd-generator " + version() + ")");
            }
        }
        Path java = java21();
        Path log = OUT.resolve("crd-generator.log");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Djava.io.tmpdir=" + Repository.TARGET.resolve("tmp"),
                // A short run: the C1 compiler only and the serial collector start faster (about 1 s instead of 1.5).
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", api + File.pathSeparator + generator, MAIN,
                "--label", "app:strimzi", "--label", "strimzi.io/crd-install:true",
                "--target-kube", "1.16+", "--crd-api-version", "v1", "--api-versions", VERSION, "--storage-version", VERSION));
        Map<String, Path> crds = new LinkedHashMap<>();
        try {
            Files.createDirectories(OUT.resolve("schemas"));
            Files.createDirectories(Repository.TARGET.resolve("tmp"));
            for (Map.Entry<String, String> kind : KINDS.entrySet()) {
                Path crd = OUT.resolve("crd-" + kind.getKey().toLowerCase(Locale.ROOT) + ".json");
                Files.deleteIfExists(crd);
                crds.put(kind.getKey(), crd);
                command.add(kind.getValue() + "=" + crd);
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new Unavailable(MAIN + " took over 5 minutes (" + String.join(" ", command) + ")");
            }
            if (process.exitValue() != 0) {
                throw new Unavailable(MAIN + " failed (exit " + process.exitValue() + ", " + String.join(" ", command) + "): "
                        + excerpt(log));
            }
            Map<String, Path> out = new LinkedHashMap<>();
            for (Map.Entry<String, Path> crd : crds.entrySet()) {
                if (!Files.isRegularFile(crd.getValue())) {
                    throw new Unavailable(MAIN + " wrote no " + crd.getValue() + ": " + excerpt(log));
                }
                ObjectNode schema = strict(JSON.readTree(crd.getValue().toFile()), crd.getKey());
                Path file = OUT.resolve("schemas").resolve(GROUP + "_" + crd.getKey().toLowerCase(Locale.ROOT) + "_" + VERSION + ".json");
                JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), schema);
                out.put(crd.getKey(), file);
            }
            millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("Strimzi's CRDs " + KINDS.keySet() + " generated with " + java + " in " + millis + " ms");
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new Unavailable("Strimzi's CRDs could not be generated: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The start of the generator's log, and where the rest is. */
    private static String excerpt(Path log) {
        String text = Repository.read(log).strip();
        return (text.length() > 1500 ? text.substring(0, 1500) + " …" : text) + " (all of it in " + log + ")";
    }

    /** The first java of a Java 21+ at $MITRA_JAVA21_HOME, /usr/lib/jvm/temurin-25-jdk-amd64 or $JAVA_HOME. */
    static Path java21() throws Unavailable {
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put("$" + JAVA_HOME_VARIABLE, System.getenv(JAVA_HOME_VARIABLE));
        candidates.put("Temurin 25", TEMURIN.toString());
        candidates.put("$JAVA_HOME", System.getenv("JAVA_HOME"));
        return java21(candidates);
    }

    /** The java of the first of these Java homes (by what names them) that is a Java 21+. */
    static Path java21(Map<String, String> candidates) throws Unavailable {
        List<String> tried = new ArrayList<>();
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            if (candidate.getValue() == null || candidate.getValue().isBlank()) {
                tried.add(candidate.getKey() + " unset");
                continue;
            }
            Path home = Path.of(candidate.getValue());
            Path java = home.resolve("bin").resolve(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "java.exe" : "java");
            if (!Files.isExecutable(java)) {
                tried.add(candidate.getKey() + " " + home + ": no bin/java");
                continue;
            }
            int feature = featureVersion(home);
            if (feature >= 21) {
                return java;
            }
            tried.add(candidate.getKey() + " " + home + ": " + (feature < 0 ? "no JAVA_VERSION in its release file" : "Java " + feature));
        }
        throw new Unavailable("No Java 21+ to run Strimzi's crd-generator (io.strimzi:api " + version() + " is Java 21 bytecode); set "
                + JAVA_HOME_VARIABLE + " to one. Tried: " + String.join("; ", tried));
    }

    /** The feature version in a JDK's release file (JAVA_VERSION="25.0.3" is 25, "1.8.0_402" is 8); -1 if none. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)").matcher(Repository.read(release));
        return version.find() ? Integer.parseInt(version.group(1)) : -1;
    }

    /**
     * The strict JSON schema of a CRD's v1: its openAPIV3Schema with {@code additionalProperties: false} on every object
     * schema that has {@code properties} (the top level included), unless it carries
     * {@code x-kubernetes-preserve-unknown-fields: true} or defines additionalProperties itself; apiVersion, kind and
     * metadata as the shared folder's CRD schemas have them (strings and an object, which {@link Schemas} checks
     * against ObjectMeta) where the CRD lacks them.
     */
    static ObjectNode strict(JsonNode crd, String kind) {
        JsonNode version = null;
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(VERSION)) {
                version = v;
            }
        }
        JsonNode openApi = version == null ? null : version.at("/schema/openAPIV3Schema");
        if (openApi == null || !openApi.isObject()) {
            throw new IllegalStateException("The generated CRD of " + kind + " has no " + VERSION + " openAPIV3Schema");
        }
        ObjectNode schema = openApi.deepCopy();
        ObjectNode properties = schema.withObject("/properties");
        if (!properties.has("apiVersion")) {
            properties.putObject("apiVersion").put("type", "string");
        }
        if (!properties.has("kind")) {
            properties.putObject("kind").put("type", "string");
        }
        if (!properties.has("metadata")) {
            properties.putObject("metadata").put("type", "object");
        }
        close(schema);
        ObjectNode out = JSON.createObjectNode();
        out.put("$comment", "Strict schema of " + GROUP + "/" + VERSION + " " + kind + ", made by StrimziCrds from the CRD"
                + " io.strimzi:crd-generator " + version() + " generates from io.strimzi:api " + version());
        out.setAll(schema);
        return out;
    }

    /**
     * Closes the object schemas at every place a schema of a value sits: the node itself, its properties, items and
     * additionalProperties. The branches of oneOf/anyOf/allOf/not are left as they are: they constrain an object the
     * surrounding schema defines (Strimzi's {@code oneOf: [{properties: {value: {}}, required: [value]}, …]} on env
     * vars), and closing them would refuse that object's other fields.
     */
    private static void close(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        object.path("properties").forEach(StrimziCrds::close);
        JsonNode items = object.path("items");
        if (items.isArray()) {
            items.forEach(StrimziCrds::close);
        } else {
            close(items);
        }
        close(object.path("additionalProperties"));
    }

    /** Why the CRDs cannot be generated here. */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
