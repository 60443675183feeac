package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.TestKeys;
import org.mitra.testkit.Tokens;

@QuarkusTest
@WithTestResource(TestBackends.class)
class EdgeAuthenticationTest {

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", Tokens.as("coalition-admin").issuedAgo(Duration.ofMinutes(10)).sign()),
                Arguments.of("signed by another key",
                        Tokens.as("coalition-admin").signedBy(TestKeys.untrustedKeyPair().getPrivate()).sign()),
                Arguments.of("alg none", unsigned(Tokens.coalitionAdmin())),
                Arguments.of("wrong issuer", Tokens.as("coalition-admin").issuer("https://evil.example/realms/mitra").sign()),
                Arguments.of("wrong audience", Tokens.as("coalition-admin").audience("another-api").sign()),
                Arguments.of("not a token", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokenIsRefusedAtTheEdgeAndNeverReachesTheService(String why, String token) {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).auth().oauth2(token).get("/api/referrals").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", requestId)
                .body("type", equalTo("/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("requestId", equalTo(requestId));
        assertThat(TestCalls.saw("referrals", requestId)).as(why).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokenIsRefusedOnTheWebhooksRoute(String why, String token) {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).auth().oauth2(token).get("/api/webhooks/subscriptions").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        assertThat(TestCalls.saw("referrals", requestId)).as(why).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokenIsRefusedOnPublicRoutesToo(String why, String token) {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).auth().oauth2(token).get("/api/directory/organizations").then().statusCode(401);
        assertThat(TestCalls.saw("directory", requestId)).as(why).isFalse();
    }

    @Test
    void missingTokenOnAProtectedRouteIsRefused() {
        for (String[] call : new String[][] {{"GET", "/api/referrals"}, {"POST", "/api/referrals"},
                {"POST", "/api/directory/organizations"}, {"PUT", "/api/awareness/campaigns/1"},
                {"DELETE", "/api/directory/services/1"}, {"GET", "/api/stopped/anything"},
                {"GET", "/api/webhooks/subscriptions"}, {"POST", "/api/webhooks/subscriptions"},
                {"DELETE", "/api/webhooks/subscriptions/1"}}) {
            String requestId = TestCalls.requestId();
            TestCalls.client(requestId).contentType("application/json").body("{}").request(call[0], call[1]).then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"mitra\""))
                    .body("instance", equalTo(call[1]));
            assertThat(TestCalls.saw("referrals", requestId) || TestCalls.saw("directory", requestId)
                    || TestCalls.saw("awareness", requestId)).as("%s %s", call[0], call[1]).isFalse();
        }
    }

    @Test
    void validTokenIsForwardedUnchanged() {
        String token = Tokens.caseworker(java.util.UUID.randomUUID());
        TestCalls.client().auth().oauth2(token).contentType("application/json").body("{\"x\":1}")
                .post("/api/referrals").then()
                .statusCode(200)
                .body("service", equalTo("referrals"))
                .body("headers.authorization", contains("Bearer " + token))
                .body("bodyLength", equalTo(7));
    }

    @Test
    void publicRoutesPassWithoutAToken() {
        TestCalls.client().get("/api/directory/services").then().statusCode(200).body("service", equalTo("directory"));
        TestCalls.client().head("/api/directory/organizations/1").then().statusCode(200);
        TestCalls.client().get("/api/awareness/campaigns").then().statusCode(200).body("service", equalTo("awareness"));
        TestCalls.client().get("/api/awareness/campaigns/9/reach").then().statusCode(200);
        TestCalls.client().contentType("application/json").body("{\"commitment\":\"x\"}")
                .post("/api/awareness/campaigns/9/pledges").then().statusCode(200).body("method", equalTo("POST"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        TestCalls.client().get("/api/feeds").then().statusCode(200);
    }

    @Test
    void aPublicPatternDoesNotOpenTheWholeService() {
        TestCalls.client().contentType("application/json").body("{}")
                .post("/api/awareness/campaigns/9/activities").then().statusCode(401);
        TestCalls.client().contentType("application/json").body("{}")
                .post("/api/awareness/campaigns").then().statusCode(401);
    }

    /** The same claims with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }
}
