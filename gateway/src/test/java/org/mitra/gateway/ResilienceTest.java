package org.mitra.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
@WithTestResource(TestBackends.class)
class ResilienceTest {

    @Test
    void stoppedServiceGivesA503QuicklyWhileOtherRoutesAnswer() {
        String token = Tokens.coalitionAdmin();
        long started = System.nanoTime();
        Response response = TestCalls.client().auth().oauth2(token).get("/api/stopped/things");
        long millis = (System.nanoTime() - started) / 1_000_000;
        response.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("/problems/service-unavailable"))
                .body("instance", equalTo("/api/stopped/things"))
                .body("requestId", notNullValue());
        // Connect timeout 500 ms, one retry for a GET: well within two seconds even if the port swallowed packets.
        assertThat(millis).isLessThan(2_000);
        TestCalls.client().get("/api/directory/services").then().statusCode(200).body("service", equalTo("directory"));
        TestCalls.client().auth().oauth2(token).get("/api/referrals").then().statusCode(200);
    }

    @Test
    void slowServiceGivesA504AfterTheRouteTimeout() {
        long started = System.nanoTime();
        TestCalls.client().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/slow").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/gateway-timeout"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        // The route waits 1 s (the service would take 3 s).
        assertThat(millis).isBetween(900L, 2_500L);
        TestCalls.client().get("/api/awareness/campaigns").then().statusCode(200);
    }

    @Test
    void breakerOpensAfterRepeatedFailuresAndThenRefusesAtOnce() {
        String token = Tokens.coalitionAdmin();
        for (int i = 0; i < 3; i++) {
            TestCalls.client().auth().oauth2(token).post("/api/stopped/things").then().statusCode(503);
        }
        long started = System.nanoTime();
        TestCalls.client().auth().oauth2(token).post("/api/stopped/things").then()
                .statusCode(503)
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThan(1))
                .body("detail", containsString("cannot be reached"));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(500);
    }

    @Test
    void readinessReportsEachServiceButStaysUp() {
        io.restassured.RestAssured.given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'backends' }.data.directory", containsString("UP"))
                .body("checks.find { it.name == 'backends' }.data.referrals", containsString("UP"))
                .body("checks.find { it.name == 'backends' }.data.awareness", containsString("UP"))
                .body("checks.find { it.name == 'backends' }.data.stopped", containsString("DOWN"));
    }
}
