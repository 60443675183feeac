package org.mitra.awareness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a partner's client generator reads from the awareness OpenAPI document. */
@QuarkusTest
class OpenApiTest {
    @Test
    @SuppressWarnings("unchecked")
    void aCampaignsAudiencesAreAnArrayOfTheKnownAudiences() {
        Map<String, Object> schemas = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("components.schemas");
        Map<String, Object> audiences = property(schemas, "CampaignRequest", "audiences");
        assertThat(audiences).containsEntry("type", "array").doesNotContainKey("enum");
        Map<String, Object> items = resolve(schemas, audiences.get("items"));
        assertThat(items).containsEntry("type", "string");
        assertThat((List<Object>) items.get("enum")).containsExactly("tourists", "tourism-businesses", "schools", "parents",
                "government", "general-public");
    }

    /** Item 13 made the patterns possessive (linear); the document still shows patterns a JavaScript client can compile. */
    @Test
    void everyDocumentedPatternIsPlainEcmaScript() throws Exception {
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        List<String> patterns = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document).findValuesAsText("pattern");
        assertThat(patterns).isNotEmpty().contains("^([^@\\s]+@([^@\\s.]+\\.)+[^@\\s.]+|\\+?[0-9 ()-]{5,40})$");
        assertThat(patterns).noneMatch(pattern -> pattern.contains("++") || pattern.contains("*+") || pattern.contains("}+")
                || pattern.contains("?+") || pattern.contains("(?>"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Map<String, Object> schemas, String schema, String property) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schemas.get(schema)).get("properties"))
                .get(property);
    }

    /** A schema, or the component its {@code $ref} names. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schemas, Object schema) {
        Map<String, Object> found = (Map<String, Object>) schema;
        Object ref = found.get("$ref");
        return ref == null ? found : (Map<String, Object>) schemas.get(ref.toString().substring(ref.toString().lastIndexOf('/') + 1));
    }
}
