package org.mitra.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {
    @Test
    void everyReferralOperationIsDescribed() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        assertThat(paths).containsKeys("/api/referrals", "/api/referrals/{id}", "/api/referrals/{id}/transitions",
                "/api/referrals/{id}/business-status", "/api/referrals/{id}/history", "/api/referrals/{id}/identity",
                "/api/referrals/{id}/consent", "/api/referrals/matches", "/api/referrals/overdue", "/api/referrals/audit",
                "/api/referrals/audit/verification",
                "/api/referrals/feeds", "/api/referrals/feeds/statistics", "/api/referrals/feeds/statistics/{period}",
                "/api/referrals/feeds/statistics/{period}.csv");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> described && !method.equals("parameters")) {
                assertThat(described.get("summary")).as("%s %s", method, path).isNotNull();
            }
        }));
    }

    @Test
    void everyResponseWithABodyDocumentsItsSchema() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        assertThat(schema(paths, "/api/referrals", "post", "201")).isEqualTo("#/components/schemas/Referral");
        assertThat(schema(paths, "/api/referrals/{id}", "get", "200")).isEqualTo("#/components/schemas/Referral");
        assertThat(schema(paths, "/api/referrals/{id}/transitions", "post", "200")).isEqualTo("#/components/schemas/Referral");
        assertThat(schema(paths, "/api/referrals/{id}/business-status", "put", "200"))
                .isEqualTo("#/components/schemas/Referral");
        assertThat(schema(paths, "/api/referrals/{id}/consent", "put", "200")).isEqualTo("#/components/schemas/Referral");
        assertThat(schema(paths, "/api/referrals/{id}/consent", "delete", "200")).isEqualTo("#/components/schemas/Referral");
        assertThat(schema(paths, "/api/referrals/{id}/identity", "get", "200")).isEqualTo("#/components/schemas/Identity");
    }

    @SuppressWarnings("unchecked")
    private static Object schema(Map<String, Map<String, Object>> paths, String path, String method, String status) {
        Map<String, Object> operation = (Map<String, Object>) paths.get(path).get(method);
        Map<String, Object> response = (Map<String, Object>) ((Map<String, Object>) operation.get("responses")).get(status);
        assertThat(response).as("%s %s %s", method, path, status).isNotNull();
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        assertThat(content).as("%s %s %s content", method, path, status).isNotNull();
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        assertThat(json).as("%s %s %s application/json", method, path, status).isNotNull();
        return ((Map<String, Object>) json.get("schema")).get("$ref");
    }
}
