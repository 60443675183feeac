package org.mitra.web.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may call an operation, as a client generator and Spectral read it: the bearer requirement names no scopes (an
 * HTTP bearer scheme has none), the roles are in x-mitra-roles and in the description's last sentence.
 */
@QuarkusTest
class AccessDocumentationTest {
    private static final String PATHS = "paths.'/test/access/";

    @Test
    void aRoleRestrictedOperationNamesItsRolesOutsideTheBearerRequirement() {
        JsonPath openapi = openapi();
        assertThat(openapi.getList(PATHS + "two-roles'.get.security", Map.class)).containsExactly(Map.of("bearer", List.of()));
        assertThat(openapi.getList(PATHS + "two-roles'.get.x-mitra-roles", String.class))
                .containsExactlyInAnyOrder("org-admin", "caseworker");
        assertThat(openapi.getString(PATHS + "two-roles'.get.description"))
                .startsWith("Reads what staff may read.")
                .matches("(?s).*\n\nAccess: a bearer token with the role (org-admin or caseworker|caseworker or org-admin)\\.");
    }

    @Test
    void anyTokenAndNoTokenAreSaidInWordsAndEveryRequirementIsScopeless() {
        JsonPath openapi = openapi();
        assertThat(openapi.getList(PATHS + "signed-in'.get.x-mitra-roles", String.class)).isEmpty();
        assertThat(openapi.getString(PATHS + "signed-in'.get.description")).isEqualTo("Access: any signed-in caller (bearer token).");
        assertThat(openapi.getString(PATHS + "public'.get.description")).isEqualTo("Access: public, no token needed.");
        assertThat(openapi.getMap(PATHS + "public'.get")).doesNotContainKeys("security", "x-mitra-roles");

        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation)) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
            if (security != null) {
                assertThat(security).as(method + " " + path).allSatisfy(requirement ->
                        assertThat(requirement.values()).allSatisfy(scopes -> assertThat(scopes).isEmpty()));
            }
            assertThat(operation.get("description")).as("description of " + method + " " + path).isNotNull();
        }));
    }

    private static JsonPath openapi() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }
}
