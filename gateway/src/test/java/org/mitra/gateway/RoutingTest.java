package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
@WithTestResource(TestBackends.class)
class RoutingTest {

    @Test
    void routesEachPrefixToItsServiceWithThePathUnchanged() {
        TestCalls.client().get("/api/directory/services?q=shelter&page=1").then()
                .statusCode(200)
                .body("service", equalTo("directory"))
                .body("uri", equalTo("/api/directory/services?q=shelter&page=1"));
        TestCalls.client().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/42/history").then()
                .statusCode(200)
                .body("service", equalTo("referrals"))
                .body("uri", equalTo("/api/referrals/42/history"));
        TestCalls.client().get("/api/awareness/campaigns").then()
                .statusCode(200)
                .body("service", equalTo("awareness"))
                .body("uri", equalTo("/api/awareness/campaigns"));
    }

    /** referral-service's webhook subscriptions: a second prefix of the referrals route, forwarded unchanged. */
    @Test
    void routesTheWebhooksPrefixToTheReferralService() {
        TestCalls.client().auth().oauth2(Tokens.coalitionAdmin()).get("/api/webhooks/subscriptions?page=0").then()
                .statusCode(200)
                .header("X-Served-By", equalTo("referrals"))
                .body("service", equalTo("referrals"))
                .body("uri", equalTo("/api/webhooks/subscriptions?page=0"));
        TestCalls.client().auth().oauth2(Tokens.coalitionAdmin()).contentType("application/json").body("{\"url\":\"https://x\"}")
                .post("/api/webhooks/subscriptions/7/rotate").then()
                .statusCode(200)
                .body("service", equalTo("referrals"))
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/webhooks/subscriptions/7/rotate"));
        TestCalls.client().auth().oauth2(Tokens.coalitionAdmin()).get("/api/webhooks").then()
                .statusCode(200)
                .body("service", equalTo("referrals"));
        TestCalls.client().auth().oauth2(Tokens.coalitionAdmin()).get("/api/webhooksx/subscriptions").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void setsForwardedHeadersAndStripsHopByHopOnes() {
        given()
                .header("X-Forwarded-For", "10.9.8.7")
                .header("Forwarded", "for=6.6.6.6")
                .header("Connection", "keep-alive, X-Private-Hop")
                .header("X-Private-Hop", "secret")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("X-Kept", "yes")
                .get("/api/directory/organizations").then()
                .statusCode(200)
                .body("headers.x-forwarded-for", contains("10.9.8.7"))
                .body("headers.x-forwarded-proto", contains("http"))
                .body("headers.x-forwarded-host", hasSize(1))
                .body("headers.forwarded", nullValue())
                .body("headers.x-private-hop", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.x-kept", contains("yes"));
    }

    @Test
    void passesTheServiceResponseHeadersAndBodyBack() {
        TestCalls.client().get("/api/awareness/campaigns/7").then()
                .statusCode(200)
                .header("X-Served-By", equalTo("awareness"))
                .header("Content-Type", startsWith("application/json"));
    }

    @Test
    void unknownApiPathIsAProblem() {
        TestCalls.client().get("/api/nowhere/at/all").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("instance", equalTo("/api/nowhere/at/all"));
        TestCalls.client().get("/api/directoryx").then().statusCode(404);
    }
}
