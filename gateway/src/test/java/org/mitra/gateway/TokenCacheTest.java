package org.mitra.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.gateway.security.TokenVerifications;
import org.mitra.testkit.Tokens;

/**
 * The edge verifies a caller's token once and then takes it on trust until it expires: the signature check was a
 * third of the gateway's CPU per authenticated request (issue 14). What the cache must never do: accept an expired
 * token, or a token that differs in any byte from the one verified.
 */
@QuarkusTest
@WithTestResource(TestBackends.class)
class TokenCacheTest {
    @Inject
    TokenVerifications verifications;

    @Test
    void aTokenIsVerifiedOnceForACallersRequests() {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.as("caseworker").subject(subject).org(UUID.randomUUID()).sign();
        for (int i = 0; i < 3; i++) {
            TestCalls.client().auth().oauth2(token).get("/api/referrals").then()
                    .statusCode(200).body("service", equalTo("referrals"));
        }
        assertThat(verifications.of(subject)).isEqualTo(1);
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        // A first verification warms the gateway up, so that the short-lived token below is still valid on arrival.
        TestCalls.client().auth().oauth2(Tokens.as("caseworker").sign()).get("/api/referrals").then().statusCode(200);
        Instant expires = Instant.now().plusSeconds(3);
        String token = Tokens.as("caseworker").issuedAgo(Duration.ofMinutes(5).minusSeconds(3)).sign();
        TestCalls.client().auth().oauth2(token).get("/api/referrals").then().statusCode(200);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 1_100);
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).auth().oauth2(token).get("/api/referrals").then()
                .statusCode(401)
                .body("type", equalTo("/problems/unauthorized"));
        assertThat(TestCalls.saw("referrals", requestId)).isFalse();
    }

    @Test
    void aTokenChangedAfterItWasVerifiedIsCheckedAgainAndRefused() {
        String token = Tokens.as("caseworker").org(UUID.randomUUID()).sign();
        TestCalls.client().auth().oauth2(token).get("/api/referrals").then().statusCode(200);
        String[] parts = token.split("\\.");
        String otherSignature = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        String forged = parts[0] + "." + parts[1] + "." + otherSignature;
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).auth().oauth2(forged).get("/api/referrals").then().statusCode(401);
        assertThat(TestCalls.saw("referrals", requestId)).isFalse();
    }
}
