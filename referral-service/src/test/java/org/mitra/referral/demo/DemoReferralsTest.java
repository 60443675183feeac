package org.mitra.referral.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.mitra.referral.referral.Referral;
import org.mitra.testkit.Tokens;

@QuarkusTest
class DemoReferralsTest {
    @Inject
    DemoReferrals demo;

    @Test
    void theDemoReferralsLoadOnceAndBehaveLikeAnyOther() {
        QuarkusTransaction.requiringNew().run(demo::load);
        QuarkusTransaction.requiringNew().run(demo::load);
        long loaded = QuarkusTransaction.requiringNew().call(() -> DemoReferrals.REFERRALS.stream()
                .filter(referral -> Referral.findById(referral.id()) != null).count());
        assertThat(loaded).isEqualTo(DemoReferrals.REFERRALS.size());

        // The demo organizations' staff act once the directory has published their organizations as verified.
        for (java.util.UUID organization : java.util.List.of(DemoReferrals.PONDOK_GERASA, DemoReferrals.FLUX_LIFEHOUSE)) {
            org.mitra.referral.ReferralFixtures.publish(org.mitra.referral.ReferralFixtures.organizationChanged(organization,
                    org.mitra.events.directory.OrganizationStatus.VERIFIED, false, java.util.List.of("51"), 5,
                    "shelter-and-safe-housing"));
        }
        DemoReferrals.DemoReferral accepted = DemoReferrals.REFERRALS.get(1);
        given().auth().oauth2(Tokens.caseworker(DemoReferrals.PONDOK_GERASA)).get("/api/referrals/{id}", accepted.id())
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("hasIdentity", equalTo(false));
        given().auth().oauth2(Tokens.caseworker(DemoReferrals.FLUX_LIFEHOUSE)).get("/api/referrals/{id}/history", accepted.id())
                .then().statusCode(200).body("action", contains("create", "submit", "accept"));
    }

    /** Issue 17: the demo shows an open emergency claimed, an expired referral forwarded, an outcome and a KPI report. */
    @Test
    void theDemoShowsAnOpenEmergencyClaimedAnExpiredReferralForwardedAnOutcomeAndKpis() {
        QuarkusTransaction.requiringNew().run(demo::load);
        for (java.util.UUID organization : java.util.List.of(DemoReferrals.PONDOK_GERASA, DemoReferrals.FLUX_LIFEHOUSE,
                DemoReferrals.TRAFFIC_LIGHTS)) {
            org.mitra.referral.ReferralFixtures.publish(org.mitra.referral.ReferralFixtures.organizationChanged(organization,
                    org.mitra.events.directory.OrganizationStatus.VERIFIED, false, java.util.List.of("51"), 5,
                    "shelter-and-safe-housing"));
        }
        String shelter = Tokens.caseworker(DemoReferrals.PONDOK_GERASA);
        given().auth().oauth2(shelter).get("/api/referrals/{id}", DemoReferrals.id(DemoReferrals.OPEN_CLAIMED)).then()
                .statusCode(200).body("status", equalTo("ACCEPTED")).body("urgency", equalTo("EMERGENCY"))
                .body("offeredAt", org.hamcrest.Matchers.notNullValue()).body("claimedAt", org.hamcrest.Matchers.notNullValue())
                .body("receivingOrganizationId", equalTo(DemoReferrals.PONDOK_GERASA.toString()));
        given().auth().oauth2(Tokens.caseworker(DemoReferrals.TRAFFIC_LIGHTS))
                .get("/api/referrals/{id}/history", DemoReferrals.id(DemoReferrals.OPEN_CLAIMED)).then().statusCode(200)
                .body("action", contains("create", "submit", "claim"));

        given().auth().oauth2(shelter).get("/api/referrals/{id}", DemoReferrals.id(DemoReferrals.EXPIRED)).then()
                .statusCode(200).body("status", equalTo("CANCELLED"))
                .body("forwardedToId", equalTo(DemoReferrals.id(DemoReferrals.FORWARDED).toString()));
        given().auth().oauth2(shelter).get("/api/referrals/{id}/history", DemoReferrals.id(DemoReferrals.EXPIRED)).then()
                .statusCode(200).body("action", contains("create", "submit", "expire", "forward"))
                .body("[2].reasonCode", equalTo("EXPIRED"));
        given().auth().oauth2(Tokens.caseworker(DemoReferrals.TRAFFIC_LIGHTS))
                .get("/api/referrals/{id}", DemoReferrals.id(DemoReferrals.FORWARDED)).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("forwardedFromId", org.hamcrest.Matchers.nullValue());

        given().auth().oauth2(shelter).get("/api/referrals/{id}", DemoReferrals.id(DemoReferrals.COMPLETED)).then()
                .statusCode(200).body("status", equalTo("COMPLETED")).body("outcome", equalTo("GOT_HELP"))
                .body("followUpDueOn", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(shelter).get("/api/referrals/{id}/contact-attempts", DemoReferrals.id(DemoReferrals.COMPLETED))
                .then().statusCode(200).body("reached", contains(false, false, true));

        var kpis = given().auth().oauth2(Tokens.orgAdmin(DemoReferrals.PONDOK_GERASA)).get("/api/referrals/kpis").then()
                .statusCode(200).extract().jsonPath();
        assertThat(kpis.getInt("total.expired")).isGreaterThanOrEqualTo(1);
        assertThat(kpis.getInt("total.forwarded")).isGreaterThanOrEqualTo(1);
        assertThat(kpis.getInt("total.outcomes.GOT_HELP")).isGreaterThanOrEqualTo(1);
    }
}
