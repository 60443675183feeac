package org.mitra.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestBackends.class)
class FeedCatalogTest {

    @Test
    void listsTheFeedsWithTheirDescriptions() {
        TestCalls.client().get("/api/feeds").then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", hasItems("directory-coverage", "directory-hsds", "referral-statistics", "campaign-reach"))
                .body("find { it.id == 'directory-coverage' }.url", equalTo("/api/directory/coverage"))
                .body("find { it.id == 'directory-coverage' }.status", equalTo("available"))
                .body("find { it.id == 'directory-coverage' }.formats", hasItems("application/json", "image/svg+xml"))
                .body("find { it.id == 'directory-hsds' }.url", equalTo("/api/directory/hsds/"))
                .body("find { it.id == 'referral-statistics' }.status", equalTo("planned"))
                .body("title", everyItem(notNullValue()))
                .body("licence", everyItem(notNullValue()))
                .body("updatePeriod", everyItem(notNullValue()));
    }
}
