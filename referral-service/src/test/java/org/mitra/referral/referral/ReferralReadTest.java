package org.mitra.referral.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ReferralReadTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    private static List<String> ids(String token, String box, String status, String updatedSince) {
        var request = given().auth().oauth2(token).queryParam("size", 100);
        if (box != null) {
            request.queryParam("box", box);
        }
        if (status != null) {
            request.queryParam("status", status);
        }
        if (updatedSince != null) {
            request.queryParam("updatedSince", updatedSince);
        }
        return request.get("/api/referrals").then().statusCode(200).header("X-Total-Count", notNullValue())
                .extract().path("items.id");
    }

    @Test
    void eachOrganizationSeesWhatItSentAndWhatItReceived() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID draft = referral(sender, receiver, SHELTER, false);
        UUID requested = referral(sender, receiver, SHELTER, true);
        UUID accepted = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, accepted, "accept");

        assertThat(ids(Tokens.caseworker(sender), "sent", null, null)).containsExactlyInAnyOrder(
                draft.toString(), requested.toString(), accepted.toString());
        assertThat(ids(Tokens.caseworker(sender), "received", null, null)).isEmpty();
        assertThat(ids(Tokens.orgAdmin(receiver), "received", null, null)).containsExactlyInAnyOrder(
                requested.toString(), accepted.toString());
        assertThat(ids(Tokens.caseworker(receiver), "received", "ACCEPTED", null)).containsExactly(accepted.toString());
        assertThat(ids(Tokens.partnerApp(receiver), "received", "REQUESTED", null)).containsExactly(requested.toString());
        assertThat(ids(Tokens.caseworker(organization(false)), "sent", null, null)).isEmpty();
    }

    @Test
    void aPartnerSystemPollsForChangesSinceItsLastPull() throws InterruptedException {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID first = referral(sender, receiver, SHELTER, true);
        UUID second = referral(sender, receiver, SHELTER, true);
        Thread.sleep(20);
        Instant cursor = Instant.now();
        Thread.sleep(20);
        move(sender, receiver, second, "accept");
        assertThat(ids(Tokens.partnerApp(receiver), "received", null, cursor.toString())).containsExactly(second.toString());
        assertThat(ids(Tokens.partnerApp(receiver), "received", null, null)).contains(first.toString(), second.toString());
        given().auth().oauth2(Tokens.caseworker(receiver)).queryParam("box", "received").queryParam("updatedSince", "yesterday")
                .get("/api/referrals").then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("box"));
        given().auth().oauth2(Tokens.caseworker(receiver)).queryParam("box", "received").queryParam("status", "LOST")
                .get("/api/referrals").then().statusCode(400);
    }

    @Test
    void theTwoOrganizationsSeeEverythingButIdentityCoalitionAdminsOnlyMetadata() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        for (String token : List.of(Tokens.caseworker(sender), Tokens.caseworker(receiver))) {
            given().auth().oauth2(token).get("/api/referrals/{id}", id).then().statusCode(200)
                    .header("ETag", notNullValue())
                    .body("note", notNullValue())
                    .body("profile.nationality", equalTo("ID"))
                    .body("consent.mayContact", equalTo(true))
                    .body("hasIdentity", equalTo(true))
                    .body("identity", nullValue());
        }
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}", id).then().statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("categoryCode", equalTo(SHELTER))
                .body("ageBand", equalTo("12-17"))
                .body("note", nullValue())
                .body("profile", nullValue())
                .body("consent", nullValue())
                .body("subjectId", nullValue())
                .body("hasIdentity", nullValue())
                .body("lawEnforcementReference", nullValue());
        assertThat(ids(Tokens.coalitionAdmin(), null, null, null)).contains(id.toString());
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("size", 100).get("/api/referrals").then()
                .body("items.note", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void anyoneElseIsToldTheReferralDoesNotExist() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        given().auth().oauth2(Tokens.caseworker(organization(false))).get("/api/referrals/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.govLiaison()).get("/api/referrals/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.partnerApp(null)).get("/api/referrals/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.caseworker(organization(false))).get("/api/referrals/{id}", UUID.randomUUID()).then()
                .statusCode(404);
        given().get("/api/referrals/{id}", id).then().statusCode(401);
        given().auth().oauth2(Tokens.caseworker(organization(false))).get("/api/referrals/{id}/history", id).then().statusCode(404);
    }
}
