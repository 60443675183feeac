package org.mitra.referral.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.transition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** Moves the referral's closing time back, as if it closed that long ago. */
    private static void closedAgo(UUID referral, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> Referral.getEntityManager()
                .createNativeQuery("UPDATE referral SET closed_at = :at WHERE id = :id AND closed_at IS NOT NULL")
                .setParameter("at", java.sql.Timestamp.from(Instant.now().minus(ago))).setParameter("id", referral)
                .executeUpdate());
    }

    private static List<Map<String, Object>> audit(UUID referral) {
        return given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("referralId", referral).queryParam("size", 100)
                .get("/api/referrals/audit").then().statusCode(200).extract().path("items");
    }

    private static int identityStatus(UUID organization, UUID referral) {
        return given().auth().oauth2(Tokens.caseworker(organization)).get("/api/referrals/{id}/identity", referral)
                .then().extract().statusCode();
    }

    @Test
    void theReceiverReadsTheIdentityUntilThirtyDaysAfterTheReferralClosedTheSenderForever() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID referral = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, referral, "accept", "start");
        assertThat(identityStatus(receiver, referral)).as("open").isEqualTo(200);
        move(sender, receiver, referral, "complete");
        assertThat(identityStatus(receiver, referral)).as("just completed").isEqualTo(200);
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}", referral).then().statusCode(200)
                .body("hasIdentity", org.hamcrest.Matchers.equalTo(true))
                .body("note", org.hamcrest.Matchers.notNullValue())
                .body("closedAt", org.hamcrest.Matchers.notNullValue());

        closedAgo(referral, Duration.ofDays(29));
        assertThat(identityStatus(receiver, referral)).as("29 days after completion").isEqualTo(200);

        closedAgo(referral, Duration.ofDays(31));
        int before = audit(referral).size();
        assertThat(identityStatus(receiver, referral)).as("31 days after completion").isEqualTo(403);
        List<Map<String, Object>> audit = audit(referral);
        assertThat(audit).hasSize(before + 1);
        assertThat(audit.get(0)).containsEntry("action", "IDENTITY_READ").containsEntry("outcome", "REFUSED")
                .containsEntry("organizationId", receiver.toString());
        // The referral itself stays, without the person's data: no note, no identity to offer.
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}", referral).then().statusCode(200)
                .body("hasIdentity", org.hamcrest.Matchers.equalTo(false))
                .body("note", org.hamcrest.Matchers.nullValue());
        // The sender keeps its own subject's identity and note.
        assertThat(identityStatus(sender, referral)).as("the sender, long after").isEqualTo(200);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", referral).then().statusCode(200)
                .body("note", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aReceiverNeverReadsTheIdentityOfAReferralItRejectedOrThatWasEnteredInError() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID rejected = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, rejected, "reject");
        UUID inError = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, inError, "accept", "mark-entered-in-error");
        for (UUID referral : List.of(rejected, inError)) {
            assertThat(identityStatus(receiver, referral)).as("receiver of %s", referral).isEqualTo(403);
            assertThat(audit(referral).get(0)).containsEntry("outcome", "REFUSED");
            given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}", referral).then().statusCode(200)
                    .body("note", org.hamcrest.Matchers.nullValue()).body("hasIdentity", org.hamcrest.Matchers.equalTo(false));
            assertThat(identityStatus(sender, referral)).as("sender of %s", referral).isEqualTo(200);
        }
    }

    @Test
    void aCancelledOrFailedReferralKeepsTheWindowToo() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID cancelled = referral(sender, receiver, SHELTER, true);
        transition(Tokens.caseworker(sender), cancelled, "cancel", "NO_CAPACITY", null).statusCode(200);
        UUID failed = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, failed, "accept", "fail");
        for (UUID referral : List.of(cancelled, failed)) {
            assertThat(identityStatus(receiver, referral)).isEqualTo(200);
            closedAgo(referral, Duration.ofDays(31));
            assertThat(identityStatus(receiver, referral)).isEqualTo(403);
        }
    }
}
