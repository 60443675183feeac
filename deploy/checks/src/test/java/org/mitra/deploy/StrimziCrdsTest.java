package org.mitra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Strimzi's schemas made in the build ({@link StrimziCrds}): the generator's CRDs are Strimzi's, the strict schema made
 * from them refuses unknown fields where the CRD defines an object's fields and nowhere else, and the production
 * overlay's KafkaUsers pass it.
 */
class StrimziCrdsTest {

    @Test
    void theGeneratedCrdsAreStrimzisV1() {
        for (String kind : StrimziCrds.KINDS.keySet()) {
            JsonNode crd = StrimziCrds.read(StrimziCrds.crd(kind));
            assertThat(crd.at("/spec/group").asText()).isEqualTo("kafka.strimzi.io");
            assertThat(crd.at("/spec/names/kind").asText()).isEqualTo(kind);
            assertThat(crd.at("/spec/versions")).singleElement().satisfies(v -> {
                assertThat(v.path("name").asText()).isEqualTo("v1");
                assertThat(v.path("storage").asBoolean()).isTrue();
            });
            JsonNode schema = StrimziCrds.read(StrimziCrds.schema(kind));
            assertThat(schema.path("additionalProperties").asBoolean(true)).as("%s closed at the top", kind).isFalse();
            assertThat(schema.at("/properties/spec/additionalProperties").asBoolean(true)).as("%s spec closed", kind).isFalse();
        }
        System.out.println("StrimziCrds generation took " + StrimziCrds.generationMillis() + " ms in this JVM");
    }

    @Test
    void anUnknownFieldInAKafkaUserIsRefused() {
        Schemas schemas = new Schemas(Repository.schemas());
        ObjectNode user = SchemaValidationTest.resource("base/kafka.yaml", "KafkaUser");
        assertThat(schemas.problems(user)).isEmpty();
        // v1beta2's deprecated singular "operation" is gone from v1: under an ACL it is an unknown field now.
        ObjectNode acl = (ObjectNode) user.at("/spec/authorization/acls/0");
        acl.put("operation", "Write");
        assertThat(schemas.problems(user)).singleElement().asString().contains("operation");
        acl.remove("operation");
        ((ObjectNode) acl.get("resource")).put("patern", "literal");
        assertThat(schemas.problems(user)).singleElement().asString().contains("patern");
        ((ObjectNode) acl.get("resource")).remove("patern");
        ((ObjectNode) user.get("spec")).set("authorisation", user.at("/spec/authorization"));
        assertThat(schemas.problems(user)).singleElement().asString().contains("authorisation");
        ((ObjectNode) user.get("spec")).remove("authorisation");
        user.put("spce", "x");
        assertThat(schemas.problems(user)).singleElement().asString().contains("spce");
    }

    @Test
    void whatStrimziLeavesOpenStaysOpen() {
        Schemas schemas = new Schemas(Repository.schemas());
        ObjectNode topic = SchemaValidationTest.resource("base/kafka.yaml", "KafkaTopic");
        topic.withObject("/spec/config").put("any.broker.setting", "1");
        assertThat(schemas.problems(topic)).isEmpty();
        ObjectNode user = SchemaValidationTest.resource("base/kafka.yaml", "KafkaUser");
        user.withObject("/spec/template").putObject("secret").putObject("metadata").putObject("labels").put("any", "label");
        assertThat(schemas.problems(user)).isEmpty();
    }

    @Test
    void theProductionOverlaysKafkaUsersAreAccepted() {
        Schemas schemas = new Schemas(Repository.schemas());
        List<JsonNode> users = Kustomize.overlay("production").stream()
                .filter(r -> r.path("kind").asText().equals("KafkaUser")).toList();
        assertThat(users).extracting(u -> u.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("directory-service", "referral-service", "awareness-service");
        for (JsonNode user : users) {
            assertThat(schemas.schemaFile(user.path("apiVersion").asText(), "KafkaUser")).isEqualTo(StrimziCrds.schema("KafkaUser"));
            assertThat(schemas.problems(user)).as("KafkaUser %s", user.at("/metadata/name").asText()).isEmpty();
        }
    }

    /** The closing rule itself, on a schema of its own: needs no Java 21. */
    @Test
    void theStrictRuleClosesDefinedObjectsOnly() {
        JsonNode crd = Kustomize.parse("""
                spec:
                  versions:
                    - name: v1beta2
                      schema: {openAPIV3Schema: {type: object}}
                    - name: v1
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                list:
                                  type: array
                                  items: {type: object, properties: {a: {type: string}}}
                                open: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {b: {type: object, properties: {c: {type: string}}}}}
                                map: {type: object, additionalProperties: {type: object, properties: {d: {type: string}}}}
                                env:
                                  type: object
                                  properties: {value: {type: string}, other: {type: string}}
                                  oneOf: [{properties: {value: {}}, required: [value]}, {properties: {other: {}}, required: [other]}]
                """).get(0);
        ObjectNode schema = StrimziCrds.strict(crd, "Test");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/apiVersion/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/kind/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/metadata/type").asText()).isEqualTo("object");
        JsonNode spec = schema.at("/properties/spec");
        assertThat(spec.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(spec.at("/properties/list/items/additionalProperties").asBoolean(true)).isFalse();
        assertThat(spec.at("/properties/open").has("additionalProperties")).as("preserve-unknown-fields stays open").isFalse();
        assertThat(spec.at("/properties/open/properties/b/additionalProperties").asBoolean(true)).isFalse();
        assertThat(spec.at("/properties/map/additionalProperties/type").asText()).as("own additionalProperties kept").isEqualTo("object");
        assertThat(spec.at("/properties/map/additionalProperties/additionalProperties").asBoolean(true)).isFalse();
        assertThat(spec.at("/properties/env/additionalProperties").asBoolean(true)).isFalse();
        spec.at("/properties/env/oneOf").forEach(branch -> assertThat(branch.has("additionalProperties")).isFalse());
    }

    /** The first Java 21+ is taken; none gives the reason that skips (or fails in CI) the tests. Needs no Java 21. */
    @Test
    void theGeneratorRunsOnTheFirstJava21() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        int feature = Runtime.version().feature();
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put("$MITRA_JAVA21_HOME", null);
        candidates.put("Temurin 25", Repository.TARGET.resolve("no-such-jdk").toString());
        candidates.put("$JAVA_HOME", home.toString());
        if (feature >= 21) {
            assertThat(StrimziCrds.java21(candidates)).isEqualTo(home.resolve("bin/java"));
        } else {
            assertThatThrownBy(() -> StrimziCrds.java21(candidates)).isInstanceOf(StrimziCrds.Unavailable.class)
                    .hasMessageContaining("No Java 21+").hasMessageContaining("$MITRA_JAVA21_HOME unset")
                    .hasMessageContaining("no-such-jdk: no bin/java").hasMessageContaining(home + ": Java " + feature);
        }
        assertThat(StrimziCrds.featureVersion(home)).isEqualTo(feature);
    }
}
