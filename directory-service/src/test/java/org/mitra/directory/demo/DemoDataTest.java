package org.mitra.directory.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.mitra.directory.organization.Organization;

@QuarkusTest
class DemoDataTest {
    @Inject
    DemoData demoData;

    @Test
    void theBaliCoalitionsFoundingMembersShowTheGapInIntervention() {
        QuarkusTransaction.requiringNew().run(demoData::load);
        QuarkusTransaction.requiringNew().run(demoData::load);

        for (DemoData.DemoOrganization demo : DemoData.ORGANIZATIONS) {
            given().get("/api/directory/organizations/" + demo.id()).then().statusCode(200)
                    .body("slug", equalTo(demo.slug()))
                    .body("status", equalTo("VERIFIED"));
            assertThat(QuarkusTransaction.requiringNew().call(() -> Organization.count("slug", demo.slug()))).isEqualTo(1);
        }
        given().get("/api/directory/organizations/3f7c2a10-5d1e-4c8a-9b21-0d5a1e000003/services")
                .then().statusCode(200)
                .body("items[0].category", equalTo("shelter-and-safe-housing"))
                .body("items[0].locations.size()", equalTo(0));

        JsonPath bali = given().queryParam("region", "51").get("/api/directory/coverage").then().statusCode(200)
                .extract().jsonPath();
        assertThat(bali.getString("slices.find { it.slice == 'intervention' }.verdict")).isEqualTo("GAP");
        assertThat(bali.getString("slices.find { it.slice == 'advocacy' }.verdict")).isNotEqualTo("GAP");
        assertThat(bali.getString("slices.find { it.slice == 'prevention' }.verdict")).isNotEqualTo("GAP");
        assertThat(bali.getString("slices.find { it.slice == 'rehabilitation' }.verdict")).isNotEqualTo("GAP");
    }
}
