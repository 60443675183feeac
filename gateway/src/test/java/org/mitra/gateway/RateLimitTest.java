package org.mitra.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

/** Test policies (see TestBackends): anonymous writes 3 per hour, authenticated 20 per hour, feeds 3 per hour. */
@QuarkusTest
@WithTestResource(TestBackends.class)
class RateLimitTest {

    @Test
    void anonymousPledgesAreHeldBackAfterTheBurst() {
        String address = "10.77." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
        Supplier<RequestSpecification> sameClient = () -> io.restassured.RestAssured.given()
                .header("X-Forwarded-For", address).contentType("application/json").body("{}");
        for (int i = 2; i >= 0; i--) {
            sameClient.get().post("/api/awareness/campaigns/5/pledges").then()
                    .statusCode(200)
                    .header("RateLimit-Policy", "\"anonymous-writes\";q=3;w=3600")
                    .header("RateLimit", matchesPattern("\"anonymous-writes\";r=" + i + ";t=\\d+"));
        }
        String requestId = TestCalls.requestId();
        Response refused = sameClient.get().header("X-Request-Id", requestId).post("/api/awareness/campaigns/5/pledges");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Policy", "\"anonymous-writes\";q=3;w=3600")
                .header("RateLimit", matchesPattern("\"anonymous-writes\";r=0;t=\\d+"))
                .body("type", equalTo("/problems/too-many-requests"))
                .body("status", equalTo(429));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 1200);
        assertThat(TestCalls.saw("awareness", requestId)).isFalse();
        // Another client is not affected.
        TestCalls.client().contentType("application/json").body("{}").post("/api/awareness/campaigns/5/pledges").then()
                .statusCode(200);
    }

    @Test
    void authenticatedCallersHaveTheirOwnBucket() {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.as("caseworker").subject(subject).sign();
        int allowed = 0;
        Response last = null;
        for (int i = 0; i < 25; i++) {
            last = TestCalls.client().auth().oauth2(token).get("/api/referrals");
            if (last.statusCode() != 200) {
                break;
            }
            allowed++;
        }
        assertThat(allowed).isEqualTo(20);
        last.then().statusCode(429).header("RateLimit-Policy", "\"authenticated\";q=20;w=3600");
        // Same address, another caller: still served.
        TestCalls.client().auth().oauth2(Tokens.as("caseworker").sign()).get("/api/referrals").then().statusCode(200);
    }

    @Test
    void feedsHaveTheirOwnPolicy() {
        String token = Tokens.as("gov-liaison").subject(UUID.randomUUID().toString()).sign();
        for (int i = 0; i < 3; i++) {
            TestCalls.client().auth().oauth2(token).get("/api/referrals/feeds/statistics").then()
                    .statusCode(200)
                    .header("RateLimit-Policy", "\"feeds\";q=3;w=3600");
        }
        TestCalls.client().auth().oauth2(token).get("/api/referrals/feeds/statistics").then().statusCode(429);
        // Ordinary calls by the same caller draw from the authenticated bucket.
        TestCalls.client().auth().oauth2(token).get("/api/referrals").then().statusCode(200)
                .header("RateLimit-Policy", "\"authenticated\";q=20;w=3600");
    }

    @Test
    void theFeedCatalogIsRateLimitedAsAFeed() {
        TestCalls.client().get("/api/feeds").then().statusCode(200).header("RateLimit-Policy", "\"feeds\";q=3;w=3600");
    }
}
