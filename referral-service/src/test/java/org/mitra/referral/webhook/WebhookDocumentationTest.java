package org.mitra.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deliveries are described as the OpenAPI 3.1 {@code webhooks} of the document (WebhookDocumentation): one per
 * {@link WebhookType} and the verification challenge, each a signed POST whose body schema allows exactly its type, with
 * the fields WebhookEvents and EndpointVerification write and nothing that could be personal data.
 */
@QuarkusTest
class WebhookDocumentationTest {
    private static final Set<String> HEADERS = Set.of("webhook-id", "webhook-timestamp", "webhook-signature");
    /** The data fields WebhookEvents and EndpointVerification write; keep them in step with those classes. */
    private static final Map<String, List<String>> DATA_FIELDS = Map.of(
            "WebhookReferralPayload", List.of("referralId", "status", "reasonCode", "side"),
            "WebhookOrganizationPayload", List.of("organizationId", "status", "previousStatus"),
            "WebhookCampaignPayload", List.of("campaignId", "status", "role"),
            "WebhookVerificationPayload", List.of("challenge"));
    private static final List<String> PERSONAL = List.of("name", "note", "profile", "identity", "reportnumber");

    private JsonPath openapi;

    @BeforeEach
    void read() {
        openapi = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> documentedTypes() {
        return Stream.concat(Arrays.stream(WebhookType.values()).map(WebhookType::wireName),
                Stream.of(EndpointVerification.TYPE)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTypeIsAWebhookWithSignedHeadersAndABodyOfExactlyItsType() {
        Map<String, Map<String, Object>> webhooks = openapi.getMap("webhooks");
        assertThat(webhooks).as("webhooks").isNotNull();
        assertThat(webhooks.keySet()).containsExactlyInAnyOrderElementsOf(documentedTypes());
        for (String type : documentedTypes()) {
            Map<String, Object> post = (Map<String, Object>) webhooks.get(type).get("post");
            assertThat(post).as("post of %s", type).isNotNull();
            assertThat((String) post.get("summary")).as("summary of %s", type).isNotBlank();
            assertThat((String) post.get("description")).as("description of %s", type).isNotBlank();
            assertThat((List<String>) post.get("tags")).as("tags of %s", type).containsExactly("webhooks");
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) post.get("parameters");
            assertThat(parameters).as("headers of %s", type)
                    .allSatisfy(parameter -> {
                        assertThat(parameter.get("in")).isEqualTo("header");
                        assertThat(parameter.get("required")).isEqualTo(true);
                        assertThat((String) parameter.get("description")).isNotBlank();
                    })
                    .extracting(parameter -> parameter.get("name")).containsExactlyInAnyOrderElementsOf(HEADERS);
            Map<String, Object> requestBody = (Map<String, Object>) post.get("requestBody");
            assertThat(requestBody.get("required")).as("body of %s required", type).isEqualTo(true);
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) requestBody
                    .get("content")).get("application/json")).get("schema");
            assertThat(allowedTypes(schema)).as("types the body of %s allows", type).containsExactly(type);
            Map<String, Object> responses = (Map<String, Object>) post.get("responses");
            assertThat(responses).as("responses of %s", type).containsKeys("2XX", "410", "429", "503", "default")
                    .allSatisfy((status, response) -> assertThat((String) ((Map<String, Object>) response).get("description"))
                            .as("description of %s %s", type, status).isNotBlank());
        }
        assertThat(openapi.getString("webhooks.'webhook.verification'.post.responses.'2XX'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/WebhookVerificationAnswer");
    }

    /** The values of {@code type} every part of the schema allows (allOf: all at once), following $refs to components. */
    @SuppressWarnings("unchecked")
    private Set<Object> allowedTypes(Map<String, Object> schema) {
        Set<Object> allowed = null;
        List<Map<String, Object>> parts = new ArrayList<>();
        parts.add(schema);
        if (schema.get("allOf") != null) {
            parts.addAll((List<Map<String, Object>>) schema.get("allOf"));
        }
        for (Map<String, Object> part : parts) {
            Map<String, Object> resolved = part;
            if (part.get("$ref") != null) {
                String name = ((String) part.get("$ref")).substring("#/components/schemas/".length());
                resolved = openapi.getMap("components.schemas.'" + name + "'");
            }
            Map<String, Object> properties = (Map<String, Object>) resolved.get("properties");
            Map<String, Object> type = properties == null ? null : (Map<String, Object>) properties.get("type");
            if (type == null) {
                continue;
            }
            Set<Object> here = new HashSet<>();
            if (type.containsKey("const")) {
                here.add(type.get("const"));
            }
            if (type.get("enum") != null) {
                here.addAll((List<Object>) type.get("enum"));
            }
            assertThat(here).as("type is constrained in %s", resolved).isNotEmpty();
            if (allowed == null) {
                allowed = here;
            } else {
                allowed.retainAll(here);
            }
        }
        return allowed == null ? Set.of() : allowed;
    }

    @Test
    @SuppressWarnings("unchecked")
    void payloadsCarryExactlyTheWrittenFieldsAndNoPersonalData() {
        DATA_FIELDS.forEach((schemaName, fields) -> {
            Map<String, Object> schema = openapi.getMap("components.schemas." + schemaName);
            assertThat(schema).as(schemaName).isNotNull();
            assertThat((List<String>) schema.get("required")).as("required of %s", schemaName)
                    .containsExactlyInAnyOrder("type", "timestamp", "data");
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            assertThat(properties.keySet()).containsExactlyInAnyOrder("type", "timestamp", "data");
            assertThat(properties.get("timestamp").get("format")).isEqualTo("date-time");
            Map<String, Map<String, Object>> data = (Map<String, Map<String, Object>>) properties.get("data").get("properties");
            assertThat(data.keySet()).as("data of %s", schemaName).containsExactlyInAnyOrderElementsOf(fields);
            assertThat((List<String>) properties.get("data").get("required")).as("required data of %s", schemaName)
                    .isNotEmpty().isSubsetOf(fields);
            assertThat(data.keySet()).as("no personal data in %s", schemaName).noneSatisfy(field -> assertThat(PERSONAL)
                    .anySatisfy(word -> assertThat(field.toLowerCase(Locale.ROOT)).contains(word)));
        });
        assertThat(openapi.getList("components.schemas.WebhookReferralPayload.properties.data.required"))
                .containsExactlyInAnyOrder("referralId", "status", "side");
        assertThat(openapi.getList("components.schemas.WebhookReferralPayload.properties.data.properties.side.enum"))
                .containsExactlyInAnyOrder("SENDER", "RECEIVER");
    }

    @Test
    @SuppressWarnings("unchecked")
    void webhookOperationIdsAreUniqueAndNotThoseOfThePaths() {
        List<String> pathIds = new ArrayList<>();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        paths.values().forEach(item -> item.values().forEach(operation -> {
            if (operation instanceof Map<?, ?> described && described.get("operationId") != null) {
                pathIds.add((String) described.get("operationId"));
            }
        }));
        List<String> webhookIds = new ArrayList<>();
        Map<String, Map<String, Object>> webhooks = openapi.getMap("webhooks");
        webhooks.forEach((type, item) -> {
            Object id = ((Map<String, Object>) item.get("post")).get("operationId");
            assertThat(id).as("operationId of webhook %s", type).isInstanceOf(String.class);
            webhookIds.add((String) id);
        });
        assertThat(webhookIds).doesNotHaveDuplicates().hasSize(documentedTypes().size())
                .contains("onReferralAccepted", "onReferralInProgress", "onOrganizationVerificationChanged", "onWebhookVerification")
                .doesNotContainAnyElementsOf(pathIds);
    }
}
