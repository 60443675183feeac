package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestBackends.class)
class GatewayStartupTest {

    @Test
    void isReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void sendsSecurityHeadersOnceAndNoServerVersion() {
        for (var response : List.of(given().when().get("/q/health/ready"), TestCalls.client().get("/api/feeds"),
                TestCalls.client().get("/api/directory/things"), TestCalls.client().post("/api/referrals/things"))) {
            assertThat(response.getHeaders().getValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(response.getHeaders().getValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(response.getHeaders().getValues("Referrer-Policy")).containsExactly("no-referrer");
            assertThat(response.getHeaders().getValues("Strict-Transport-Security")).singleElement()
                    .asString().startsWith("max-age=");
            assertThat(response.getHeader("Server")).isNull();
        }
    }
}
