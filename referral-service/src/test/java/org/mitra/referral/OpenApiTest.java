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
}
