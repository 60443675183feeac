package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Metrics name routes, never records: a referral id in a request path must not become a label anyone can read, nor
 * make the label set grow with every record. And they are served on the management interface, which the gateway
 * never routes, not on the public port.
 */
@QuarkusTest
@WithTestResource(TestBackends.class)
class MetricsTest {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void metricsAreNotOnThePublicPort() {
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void requestMetricsCarryRouteTemplatesNotIdsFromPaths() {
        UUID referral = UUID.randomUUID();
        TestCalls.client().get("/api/referrals/" + referral + "/consent");
        UUID subscription = UUID.randomUUID();
        TestCalls.client().get("/api/webhooks/subscriptions/" + subscription + "/deliveries");
        TestCalls.client().get("/api/directory/organizations/" + UUID.randomUUID());
        TestCalls.client().get("/api/nothing-here/" + UUID.randomUUID());
        TestCalls.client().get("/openapi/referrals");
        TestCalls.client().get("/problems/not-found");
        TestCalls.client().get("/problems/no-such-type");
        TestCalls.client().get("/nothing-served-here/" + UUID.randomUUID());
        String exposition = given().when().get(metrics.toString()).then().statusCode(200).extract().asString();
        assertThat(exposition).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
        assertThat(exposition).doesNotContain(referral.toString()).doesNotContain(subscription.toString());
        assertThat(UUID_TEXT.matcher(exposition).find()).as("no id of any record in any label").isFalse();
        assertThat(exposition).contains("uri=\"/api/referrals/**\"").contains("uri=\"/api/directory/**\"")
                .contains("uri=\"/api/webhooks/**\"")
                .contains("uri=\"/problems/{slug}\"").doesNotContain("no-such-type").doesNotContain("nothing-served-here");
    }
}
