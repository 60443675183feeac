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
}
