package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.NpmPackage;

/**
 * The event contract of libs/events is a valid AsyncAPI 3.0.0 document by the official JSON Schema, the one the
 * AsyncAPI parser itself uses, from the npm package {@code @asyncapi/specs} (installed into {@code target/npm-asyncapi};
 * without npm this skips with the reason, and fails when {@code CI=true}). A plain test, no platform: it lives here
 * rather than in libs/events because it needs testkit's {@code NpmPackage}, and testkit depends on libs/events.
 * What the contract says is checked against the code by libs/events' {@code AsyncApiContractTest}, and against real
 * events by {@link EventContractIT}.
 */
class AsyncApiSchemaTest {
    static final String SPECS = "@asyncapi/specs@6.11.1";
    static final String SCHEMA = "@asyncapi/specs/schemas/3.0.0-without-$id.json";

    private static JsonSchema asyncApi;

    @BeforeAll
    static void officialSchema() throws Exception {
        Path file = NpmPackage.install(Path.of("target/npm-asyncapi").toAbsolutePath(), SPECS, SCHEMA);
        JsonNode schema = Json.read(Files.readString(file));
        assertThat(schema.path("$schema").asText()).startsWith("http://json-schema.org/draft-07/schema");
        asyncApi = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema,
                SchemaValidatorsConfig.builder().build());
    }

    @Test
    void theEventContractIsValidAsyncApi300() {
        JsonNode document = EventContract.fromClassPath().document;

        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(messages(asyncApi.validate(document))).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatAsyncApi3DoesNotAllow() {
        JsonNode document = EventContract.fromClassPath().document;

        ObjectNode version2Operation = document.deepCopy();
        ((ObjectNode) version2Operation.path("operations").elements().next()).put("action", "publish");
        assertThat(messages(asyncApi.validate(version2Operation))).as("an AsyncAPI 2 action").isNotEmpty();

        ObjectNode unknownBinding = document.deepCopy();
        ((ObjectNode) unknownBinding.at("/channels/referralsLifecycle/bindings/kafka")).put("partition", 3);
        assertThat(messages(asyncApi.validate(unknownBinding))).as("a Kafka channel binding field that does not exist")
                .isNotEmpty();

        ObjectNode noInfo = document.deepCopy();
        noInfo.remove("info");
        assertThat(messages(asyncApi.validate(noInfo))).as("no info").isNotEmpty();
    }

    private static List<String> messages(Set<ValidationMessage> found) {
        return found.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
