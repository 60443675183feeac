package org.mitra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource kustomize renders validates against the strict schemas of ../shared/k8s-schemas, Strimzi's kinds
 * against those made in the build from Strimzi's own CRDs ({@link StrimziCrds}), and the validation refuses what it
 * must (an unknown field, a wrong type, a missing required field, a kind without a schema).
 */
class SchemaValidationTest {

    static Stream<String> overlays() {
        return Repository.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedResourceValidates(String overlay) {
        Schemas schemas = new Schemas(Repository.schemas());
        List<JsonNode> resources = Kustomize.overlay(overlay);
        assertThat(resources).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        for (JsonNode resource : resources) {
            schemas.problems(resource).forEach(p -> problems.add(resource.path("kind").asText() + " "
                    + resource.at("/metadata/name").asText() + ": " + p));
        }
        assertThat(problems).as("schema problems in overlay %s", overlay).isEmpty();
    }

    // The refusals use the base's and keycloak's own files, read without kubectl, so they show the schemas bite wherever they exist.

    @Test
    void aDeploymentWithAMisspelledFieldIsRefused() {
        Schemas schemas = new Schemas(Repository.schemas());
        ObjectNode deployment = resource("base/apps/directory-service.yaml", "Deployment");
        assertThat(schemas.problems(deployment)).isEmpty();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));
        assertThat(schemas.problems(deployment)).anySatisfy(p -> assertThat(p).contains("readinesProbe"));
    }

    @Test
    void aWrongTypeAndAMissingRequiredFieldAreRefused() {
        Schemas schemas = new Schemas(Repository.schemas());
        ObjectNode service = resource("base/apps/directory-service.yaml", "Service");
        ((ObjectNode) service.at("/spec/ports/0")).put("port", "eighty");
        assertThat(schemas.problems(service)).isNotEmpty();
        ObjectNode deployment = resource("base/apps/gateway.yaml", "Deployment");
        ((ObjectNode) deployment.get("spec")).remove("selector");
        assertThat(schemas.problems(deployment)).anySatisfy(p -> assertThat(p).contains("selector"));
    }

    @Test
    void theOperatorsResourcesAreCheckedStrictlyToo() {
        Schemas schemas = new Schemas(Repository.schemas());
        ObjectNode topic = resource("base/kafka.yaml", "KafkaTopic");
        assertThat(schemas.problems(topic)).isEmpty();
        ((ObjectNode) topic.get("spec")).put("partitions", "three");
        assertThat(schemas.problems(topic)).isNotEmpty();
        ObjectNode cluster = resource("base/databases.yaml", "Cluster");
        assertThat(schemas.problems(cluster)).isEmpty();
        ((ObjectNode) cluster.get("spec")).put("instance", 3);
        assertThat(schemas.problems(cluster)).anySatisfy(p -> assertThat(p).contains("instance"));
        ObjectNode user = resource("base/kafka.yaml", "KafkaUser");
        assertThat(schemas.problems(user)).isEmpty();
        ((ObjectNode) user.at("/spec/authorization/acls/0")).putArray("operations").add("Wirte");
        assertThat(schemas.problems(user)).isNotEmpty();
        ObjectNode keycloak = resource("keycloak/keycloak.yaml", "Keycloak");
        assertThat(schemas.problems(keycloak)).isEmpty();
        ((ObjectNode) keycloak.get("metadata")).put("nmae", "x");
        assertThat(schemas.problems(keycloak)).anySatisfy(p -> assertThat(p).contains("nmae"));
    }

    @Test
    void aKindWithoutASchemaIsRefused() {
        Schemas schemas = new Schemas(Repository.schemas());
        ObjectNode store = RealmImports.JSON.createObjectNode();
        store.put("apiVersion", "barmancloud.cnpg.io/v1").put("kind", "ObjectStore").putObject("metadata").put("name", "x");
        assertThat(schemas.problems(store)).singleElement().asString().startsWith("no schema for");
    }

    static ObjectNode resource(String file, String kind) {
        return (ObjectNode) Kustomize.parse(Repository.read(Repository.KUBERNETES.resolve(file))).stream()
                .filter(r -> r.path("kind").asText().equals(kind)).findFirst().orElseThrow().deepCopy();
    }
}
