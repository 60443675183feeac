package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The test configuration allows the browser origin https://app.mitra.test only. */
@QuarkusTest
@WithTestResource(TestBackends.class)
class CorsTest {

    @Test
    void preflightFromAConfiguredOriginIsAllowed() {
        given().header("Origin", "https://app.mitra.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/referrals").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://app.mitra.test"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void proxiedResponsesCarryTheGatewaysCorsHeadersOnce() {
        io.restassured.response.Response response = TestCalls.client().header("Origin", "https://app.mitra.test")
                .get("/api/directory/services");
        response.then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://app.mitra.test"));
        org.assertj.core.api.Assertions.assertThat(response.headers().getValues("Access-Control-Allow-Origin")).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void otherOriginsAreNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/referrals").then()
                .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
        TestCalls.client().header("Origin", "https://evil.example").get("/api/directory/services").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
