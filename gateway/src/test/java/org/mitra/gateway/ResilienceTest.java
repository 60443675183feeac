package org.mitra.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
@WithTestResource(TestBackends.class)
class ResilienceTest {
    @TestHTTPResource("/")
    URI gateway;

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

    /**
     * A client that hangs up while the service is still working (a closed browser tab, a load tester stopping) is not
     * the service failing: it counted against the breaker, and five of them shut the route for everyone.
     */
    @Test
    void callersHangingUpDoNotOpenTheBreaker() throws Exception {
        for (int i = 0; i < 6; i++) {
            String requestId = TestCalls.requestId();
            try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                String head = "GET /api/awareness/campaigns/slow HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: "
                        + requestId + "\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                for (int polls = 0; polls < 100 && !TestCalls.saw("awareness", requestId); polls++) {
                    Thread.sleep(20);
                }
                assertThat(TestCalls.saw("awareness", requestId)).as("forwarded before the client hung up").isTrue();
            }
        }
        // Give the gateway time to see the last hang-up before the next call.
        Thread.sleep(200);
        TestCalls.client().get("/api/awareness/campaigns").then().statusCode(200).body("service", equalTo("awareness"));
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
