package org.mitra.awareness.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.awareness.AwarenessFixtures.launched;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.AwarenessFixtures.Launched;

/**
 * Issue 12 item 14: {@code X-Forwarded-For} counts only from a trusted proxy. Here the trusted proxies are an address the
 * test client never has, so the client is a stranger talking to the service directly, as anyone who reaches port 8083
 * is: forging a new address per request must not get it past the per-source limit. (That a trusted proxy's
 * {@code X-Forwarded-For} does count, the default test profile shows: it trusts loopback, as the local run does, and
 * {@code PledgeResourceTest} tells sources apart by that header.)
 */
@QuarkusTest
@TestProfile(ForwardedForTest.UntrustedClient.class)
class ForwardedForTest {

    public static class UntrustedClient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.254");
        }
    }

    @Test
    void forgedForwardedForFromAnUntrustedPeerDoesNotGetPastThePledgeLimit() {
        Launched launched = launched();
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            answers.add(given().header("X-Forwarded-For", "203.0.113." + i).header("Forwarded", "for=203.0.113." + i)
                    .contentType(ContentType.JSON)
                    .body(Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", "AU", "contactConsent", false))
                    .post("/api/awareness/campaigns/" + launched.campaign() + "/pledges").statusCode());
        }
        assertThat(answers.subList(0, 20)).containsOnly(201);
        assertThat(answers.subList(20, 30)).as("30 pledges from one peer under 30 forged addresses").containsOnly(429);
    }
}
