package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The fake services describe one feed each at {@code <prefix>/feeds}; the route "stopped" has nothing listening. */
@QuarkusTest
@WithTestResource(TestBackends.class)
class FeedCatalogTest {

    @Test
    void listsEachServicesOwnFeedsAndTheLiveViews() {
        TestCalls.client().get("/api/feeds").then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", hasItems("directory-statistics", "referrals-statistics", "awareness-statistics",
                        "directory-coverage-live", "directory-hsds"))
                .body("find { it.id == 'referrals-statistics' }.url", equalTo("/api/referrals/feeds/statistics"))
                .body("find { it.id == 'referrals-statistics' }.status", equalTo("available"))
                .body("find { it.id == 'referrals-statistics' }.service", equalTo("referrals"))
                .body("find { it.id == 'referrals-statistics' }.access", equalTo("gov-liaison,coalition-admin"))
                .body("find { it.id == 'referrals-statistics' }.periods", hasItems("quarter", "month"))
                .body("find { it.id == 'referrals-statistics' }.formats", hasItems("application/json", "text/csv"))
                .body("find { it.id == 'directory-coverage-live' }.url", equalTo("/api/directory/coverage"))
                .body("find { it.id == 'directory-coverage-live' }.access", equalTo("public"))
                .body("title", everyItem(notNullValue()))
                .body("licence", everyItem(notNullValue()))
                .body("updatePeriod", everyItem(notNullValue()));
    }

    @Test
    void aServiceThatCannotBeAskedIsNamedAndTheRestIsStillListed() {
        TestCalls.client().get("/api/feeds").then()
                .statusCode(200)
                .header("Mitra-Catalog-Unavailable", "stopped")
                .body("id", hasItems("directory-statistics", "referrals-statistics"));
    }

    @Test
    void aServiceWhoseCatalogFailsKeepsItsLastKnownFeeds() {
        TestCalls.client().get("/api/feeds").then().statusCode(200).body("id", hasItems("awareness-statistics"));
        int awareness = TestCalls.port("awareness");
        given().baseUri("http://127.0.0.1").port(awareness).get("/__catalog/broken").then().statusCode(200);
        try {
            TestCalls.client().get("/api/feeds").then()
                    .statusCode(200)
                    .header("Mitra-Catalog-Unavailable", not(org.hamcrest.Matchers.containsString("awareness")))
                    .body("id", hasItems("awareness-statistics"));
        } finally {
            given().baseUri("http://127.0.0.1").port(awareness).get("/__catalog/working").then().statusCode(200);
        }
    }
}
