package org.mitra.referral.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.transition;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

/** What the receiving organization sees of a referral, and when (issue 12 items 7 and 8). */
@QuarkusTest
class ReceiverAccessTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    private static List<String> received(UUID receiver) {
        return given().auth().oauth2(Tokens.caseworker(receiver)).queryParam("box", "received").queryParam("size", 100)
                .get("/api/referrals").then().statusCode(200).extract().path("items.id");
    }

    /** The receiver learns nothing of the referral: not by id, history, identity, list or an action. */
    private static void assertInvisibleToReceiver(UUID receiver, UUID referral) {
        String token = Tokens.caseworker(receiver);
        given().auth().oauth2(token).get("/api/referrals/{id}", referral).then().statusCode(404);
        given().auth().oauth2(token).get("/api/referrals/{id}/history", referral).then().statusCode(404);
        given().auth().oauth2(token).get("/api/referrals/{id}/identity", referral).then().statusCode(404);
        transition(token, referral, "accept", null, null).statusCode(404);
        assertThat(received(receiver)).doesNotContain(referral.toString());
    }

    @Test
    void aCancelledDraftNeverBecomesVisibleToTheReceiver() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID draft = referral(sender, receiver, SHELTER, false);
        move(sender, receiver, draft, "mark-entered-in-error");
        UUID cancelled = referral(sender, receiver, SHELTER, false);
        transition(Tokens.caseworker(sender), cancelled, "cancel", "NO_CAPACITY", null).statusCode(200);

        assertInvisibleToReceiver(receiver, draft);
        assertInvisibleToReceiver(receiver, cancelled);
        // The sender still has both.
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", cancelled).then().statusCode(200);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", draft).then().statusCode(200);
    }

    @Test
    void aSubmittedReferralStaysVisibleToTheReceiverOnceCancelled() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID submitted = referral(sender, receiver, SHELTER, true);
        transition(Tokens.caseworker(sender), submitted, "cancel", "NO_CAPACITY", null).statusCode(200);
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}", submitted).then().statusCode(200);
        assertThat(received(receiver)).contains(submitted.toString());
    }
}
