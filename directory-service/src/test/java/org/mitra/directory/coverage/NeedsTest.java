package org.mitra.directory.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.mitra.directory.DirectoryFixtures.organization;
import static org.mitra.directory.DirectoryFixtures.province;
import static org.mitra.directory.DirectoryFixtures.lastMonth;
import static org.mitra.directory.DirectoryFixtures.referral;
import static org.mitra.directory.DirectoryFixtures.referralAt;
import static org.mitra.directory.DirectoryFixtures.service;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.directory.region.Region;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.Tokens;

@QuarkusTest
class NeedsTest {
    @jakarta.inject.Inject
    PublicDemand publicDemand;

    @Test
    void aRegionsUnmetNeedsAreRankedWithTheirReasons() {
        Region province = province(2);
        String here = province.code + "1";
        String neighbour = province.code + "2";
        service(organization(OrganizationStatus.VERIFIED, here), "medical-care", 10, 2, here);
        for (int i = 0; i < 15; i++) {
            referralAt("medical-care", here, false, false, lastMonth());
        }
        for (int i = 0; i < 12; i++) {
            referralAt("emergency-shelter", here, false, false, lastMonth());
        }
        service(organization(OrganizationStatus.VERIFIED, neighbour), "medical-care", 20, 20, neighbour);
        service(organization(OrganizationStatus.VERIFIED, neighbour), "medical-care", 20, 20, neighbour);

        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", here).get("/api/directory/coverage/needs")
                .then().statusCode(200)
                .body("category", contains("medical-care", "emergency-shelter"))
                .body("rank", contains(1, 2))
                .body("verdict", contains("STRAINED", "GAP"))
                .body("unmet", contains(13, 12))
                .body("[0].overlapsNearby", contains(neighbour))
                .body("[1].slice", equalTo("intervention"));
        // Government sees the ranking computed from last month's published figures: 15 and 12 published as 15 and 10.
        publicDemand.refresh();
        given().auth().oauth2(Tokens.govLiaison()).queryParam("region", here).get("/api/directory/coverage/needs")
                .then().statusCode(200)
                .body("category", contains("medical-care", "emergency-shelter"))
                .body("unmet", contains(13, 10));
    }

    /**
     * Before issue 12 government saw the need of a single referral (with its count withheld), which told a
     * referral from none: now a region with a few referrals reads as one with none, except to coalition admins.
     */
    @Test
    void aRegionWithFewReferralsShowsGovernmentNothingThatNoneWouldNot() {
        Region province = province(1);
        String here = province.code + "1";
        referralAt("legal-aid", here, false, false, lastMonth());
        referral("legal-aid", here, false, false);
        publicDemand.refresh();
        given().auth().oauth2(Tokens.govLiaison()).queryParam("region", here).get("/api/directory/coverage/needs")
                .then().statusCode(200)
                .body("category", empty());
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", here).get("/api/directory/coverage/needs")
                .then().statusCode(200)
                .body("category", contains("legal-aid"))
                .body("[0].unmet", equalTo(2));
    }

    @Test
    void onlyPlannersSeeTheNeeds() {
        given().queryParam("region", "51").get("/api/directory/coverage/needs").then().statusCode(401);
        given().auth().oauth2(Tokens.caseworker(UUID.randomUUID())).queryParam("region", "51")
                .get("/api/directory/coverage/needs").then().statusCode(403);
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).queryParam("region", "51")
                .get("/api/directory/coverage/needs").then().statusCode(403);
    }
}
