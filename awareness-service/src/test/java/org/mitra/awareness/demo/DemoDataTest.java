package org.mitra.awareness.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.directory.DirectoryOrganization;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.awareness.campaign.Campaign;
import org.mitra.testkit.Tokens;

@QuarkusTest
class DemoDataTest {
    @Inject
    DemoData demoData;

    @Test
    void theDemoCampaignIsOffInTestsAndLoadsOnceWhenAsked() {
        assertThat(demoData.enabled).isFalse();
        QuarkusTransaction.requiringNew().run(demoData::load);
        QuarkusTransaction.requiringNew().run(demoData::load);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Campaign.count("slug", "child-safe-tourism-bali"))).isEqualTo(1);

        // Darkbali need not be in the read model yet: the directory's events may arrive later.
        given().get("/api/awareness/campaigns/" + DemoData.CAMPAIGN).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("organizationId", equalTo(DemoData.DARKBALI.toString()))
                .body("regions", contains("51"))
                .body("audiences", containsInAnyOrder("tourists", "tourism-businesses"))
                .body("content", hasKey("en"))
                .body("content", hasKey("id"))
                .body("goals.pledges", equalTo(null));
        given().queryParam("region", "51").queryParam("audience", "tourism-businesses").get("/api/awareness/campaigns")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(DemoData.CAMPAIGN.toString()));
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "192.0.2.77")
                .body(Map.of("kind", "PERSON", "commitment", "child-safe-traveller", "country", "AU", "contactConsent", false))
                .post("/api/awareness/campaigns/" + DemoData.CAMPAIGN + "/pledges").then().statusCode(201)
                .body("token", notNullValue());
        // Its staff read the pledgers only once the directory's event says Darkbali is verified (issue 12 item 4).
        boolean known = QuarkusTransaction.requiringNew().call(() -> DirectoryOrganization.findById(DemoData.DARKBALI) != null);
        if (!known) {
            given().auth().oauth2(Tokens.orgAdmin(DemoData.DARKBALI)).get("/api/awareness/campaigns/" + DemoData.CAMPAIGN + "/pledges")
                    .then().statusCode(403).body("type", equalTo("/problems/organization-not-verified"))
                    .body("organizationStatus", equalTo("UNKNOWN"));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            DirectoryOrganization darkbali = DirectoryOrganization.findById(DemoData.DARKBALI);
            if (darkbali == null) {
                darkbali = new DirectoryOrganization();
                darkbali.id = DemoData.DARKBALI;
                darkbali.name = "Darkbali";
                darkbali.changedAt = Instant.now();
            }
            darkbali.status = OrganizationStatus.VERIFIED;
            darkbali.persist();
        });
        given().auth().oauth2(Tokens.orgAdmin(DemoData.DARKBALI)).get("/api/awareness/campaigns/" + DemoData.CAMPAIGN + "/pledges")
                .then().statusCode(200);
    }
}
