package org.mitra.directory.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.directory.DirectoryFixtures.organization;
import static org.mitra.directory.DirectoryFixtures.province;
import static org.mitra.directory.DirectoryFixtures.referral;
import static org.mitra.directory.DirectoryFixtures.service;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.directory.region.Region;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.Tokens;

@QuarkusTest
class NeedsTest {

    @Test
    void aRegionsUnmetNeedsAreRankedWithTheirReasons() {
        Region province = province(2);
        String here = province.code + "1";
        String neighbour = province.code + "2";
        service(organization(OrganizationStatus.VERIFIED, here), "medical-care", 10, 2, here);
        for (int i = 0; i < 15; i++) {
            referral("medical-care", here, false, false);
        }
        for (int i = 0; i < 12; i++) {
            referral("emergency-shelter", here, false, false);
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
        given().auth().oauth2(Tokens.govLiaison()).queryParam("region", here).get("/api/directory/coverage/needs")
                .then().statusCode(200)
                .body("unmet", contains(10, 10));
    }

    @Test
    void aRegionWithFewReferralsShowsTheNeedButNotTheCountToGovernment() {
        Region province = province(1);
        String here = province.code + "1";
        referral("legal-aid", here, false, false);
        given().auth().oauth2(Tokens.govLiaison()).queryParam("region", here).get("/api/directory/coverage/needs")
                .then().statusCode(200)
                .body("category", contains("legal-aid"))
                .body("[0].unmet", nullValue());
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
