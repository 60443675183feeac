package org.mitra.referral.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.transition;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

/**
 * Issue 17, outcomes and follow-up: completing records the services delivered with their dates and the outcome for the
 * person; LOST_CONTACT needs three recorded attempts that did not reach them; a follow-up due and not done shows in the
 * receiver's queue and in the coalition's overdue list.
 */
@QuarkusTest
class OutcomesAndFollowUpTest {
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final ZoneId BALI = ZoneId.of("Asia/Makassar");

    private static ValidatableResponse complete(String token, UUID referral, List<Map<String, Object>> deliveries, String outcome) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", "complete");
        if (deliveries != null) {
            body.put("deliveries", deliveries);
        }
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/referrals/{id}/transitions", referral).then();
    }

    private static Map<String, Object> delivered(String code, LocalDate on, LocalDate until) {
        Map<String, Object> delivery = new HashMap<>(Map.of("categoryCode", code, "deliveredOn", on.toString()));
        if (until != null) {
            delivery.put("deliveredUntil", until.toString());
        }
        return delivery;
    }

    private static ValidatableResponse attempt(String token, UUID referral, boolean reached) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("attemptedAt", Instant.now().toString(), "channel", "PHONE", "reached", reached))
                .post("/api/referrals/{id}/contact-attempts", referral).then();
    }

    private static ValidatableResponse followUp(String token, UUID referral, LocalDate dueOn, LocalDate doneOn) {
        Map<String, Object> body = new HashMap<>(Map.of("dueOn", dueOn.toString()));
        if (doneOn != null) {
            body.put("doneOn", doneOn.toString());
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/referrals/{id}/follow-up", referral).then();
    }

    private static List<String> owedQueue(UUID organization) {
        return given().auth().oauth2(Tokens.caseworker(organization)).queryParam("box", "received")
                .queryParam("followUpOwed", true).queryParam("size", 100).get("/api/referrals").then().statusCode(200)
                .extract().path("items.id");
    }

    private static List<String> overdueList() {
        return given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("size", 100).get("/api/referrals/overdue")
                .then().statusCode(200).extract().path("items.id");
    }

    @Test
    void completingRecordsTheServicesWithTheirDatesAndTheOutcome() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, id, "accept");
        String token = Tokens.caseworker(receiver);
        LocalDate today = LocalDate.now(BALI);

        complete(token, id, null, null).statusCode(400).body("errors.field", hasItems("deliveries", "outcome"));
        complete(token, id, List.of(delivered(SHELTER, today.plusDays(2), null)), "GOT_HELP").statusCode(400)
                .body("errors.field", hasItem("deliveries[0].deliveredOn"));
        complete(token, id, List.of(delivered(SHELTER, today.minusDays(30), null)), "GOT_HELP").statusCode(400)
                .body("errors.field", hasItem("deliveries[0].deliveredOn"));
        complete(token, id, List.of(delivered(SHELTER, today, today.minusDays(1))), "GOT_HELP").statusCode(400)
                .body("errors.field", hasItem("deliveries[0].deliveredUntil"));
        complete(token, id, List.of(delivered(SHELTER, today, null)), "SAVED").statusCode(400);
        given().auth().oauth2(token).get("/api/referrals/{id}", id).then().body("status", equalTo("ACCEPTED"));

        complete(token, id, List.of(delivered(SHELTER, today, null), delivered("psychosocial-care", today, today)),
                "PARTIALLY_HELPED").statusCode(200).body("status", equalTo("COMPLETED")).body("outcome", equalTo("PARTIALLY_HELPED"));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then()
                .body("outcome", equalTo("PARTIALLY_HELPED"));
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}", id).then()
                .body("outcome", equalTo("PARTIALLY_HELPED"));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/history", id).then()
                .body("[3].action", equalTo("complete"))
                .body("[3].outcome", equalTo("PARTIALLY_HELPED"))
                .body("[3].servicesDelivered", equalTo(List.of(SHELTER, "psychosocial-care")))
                .body("[3].deliveries[1].deliveredOn", equalTo(today.toString()))
                .body("[3].deliveries[1].deliveredUntil", equalTo(today.toString()));
    }

    @Test
    void lostContactNeedsThreeRecordedAttemptsThatDidNotReachThePerson() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        String token = Tokens.caseworker(receiver);
        attempt(token, id, false).statusCode(409).body("currentState", equalTo("REQUESTED"));
        move(sender, receiver, id, "accept");
        List<Map<String, Object>> deliveries = List.of(delivered(SHELTER, LocalDate.now(BALI), null));

        attempt(token, id, false).statusCode(201).body("reached", equalTo(false)).body("channel", equalTo("PHONE"));
        attempt(token, id, true).statusCode(201);
        attempt(token, id, false).statusCode(201);
        complete(token, id, deliveries, "LOST_CONTACT").statusCode(422)
                .body("type", equalTo("/problems/unprocessable"))
                .body("contactAttemptsUnreached", equalTo(2)).body("contactAttemptsNeeded", equalTo(3));
        attempt(token, id, false).statusCode(201);
        complete(token, id, deliveries, "LOST_CONTACT").statusCode(200).body("outcome", equalTo("LOST_CONTACT"));

        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/contact-attempts", id).then().statusCode(200)
                .body("size()", equalTo(4)).body("reached", equalTo(List.of(false, true, false, false)));
        // After completion nothing more is recorded.
        attempt(token, id, false).statusCode(409);
    }

    @Test
    void onlyTheReceiverRecordsAttemptsAndFollowUpsAndOnlyTheTwoOrganizationsReadThem() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID bystander = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, id, "accept");
        LocalDate today = LocalDate.now(BALI);

        attempt(Tokens.caseworker(sender), id, false).statusCode(403);
        attempt(Tokens.caseworker(bystander), id, false).statusCode(404);
        attempt(Tokens.coalitionAdmin(), id, false).statusCode(403);
        attempt(Tokens.govLiaison(), id, false).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("attemptedAt", Instant.now().toString(), "channel", "PHONE",
                "reached", false)).post("/api/referrals/{id}/contact-attempts", id).then().statusCode(401);
        given().auth().oauth2(Tokens.caseworker(bystander)).get("/api/referrals/{id}/contact-attempts", id).then().statusCode(404);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}/contact-attempts", id).then().statusCode(403);
        given().auth().oauth2(Tokens.caseworker(receiver)).contentType(ContentType.JSON)
                .body(Map.of("attemptedAt", "2020-01-01T00:00:00Z", "channel", "VISIT", "reached", true))
                .post("/api/referrals/{id}/contact-attempts", id).then().statusCode(400)
                .body("errors[0].field", equalTo("attemptedAt"));

        followUp(Tokens.caseworker(sender), id, today, null).statusCode(403);
        followUp(Tokens.caseworker(bystander), id, today, null).statusCode(404);
        followUp(Tokens.coalitionAdmin(), id, today, null).statusCode(403);
        followUp(Tokens.caseworker(receiver), id, today, today.plusDays(1)).statusCode(400);
        followUp(Tokens.caseworker(receiver), id, LocalDate.of(9999, 1, 1), null).statusCode(400)
                .body("errors[0].field", equalTo("dueOn"));
        followUp(Tokens.caseworker(receiver), id, today.plusDays(14), null).statusCode(200)
                .body("followUpDueOn", equalTo(today.plusDays(14).toString()));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then()
                .body("followUpDueOn", equalTo(today.plusDays(14).toString()));

        UUID requested = referral(sender, receiver, SHELTER, true);
        followUp(Tokens.caseworker(receiver), requested, today, null).statusCode(409).body("currentState", equalTo("REQUESTED"));
    }

    @Test
    void aFollowUpDueAndNotDoneShowsInTheReceiversQueueAndTheOverdueListUntilItIsDone() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID owed = referral(sender, receiver, SHELTER, true);
        UUID later = referral(sender, receiver, SHELTER, true);
        UUID withdrawn = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, owed, "accept");
        move(sender, receiver, later, "accept");
        move(sender, receiver, withdrawn, "accept");
        String token = Tokens.caseworker(receiver);
        LocalDate today = LocalDate.now(BALI);
        complete(token, owed, List.of(delivered(SHELTER, today, null)), "GOT_HELP").statusCode(200);
        followUp(token, owed, today.minusDays(1), null).statusCode(200);
        followUp(token, later, today.plusDays(7), null).statusCode(200);
        followUp(token, withdrawn, today.minusDays(3), null).statusCode(200);

        assertThat(owedQueue(receiver)).contains(owed.toString(), withdrawn.toString()).doesNotContain(later.toString());
        assertThat(overdueList()).contains(owed.toString()).doesNotContain(later.toString());
        // Nobody else's queue shows them.
        assertThat(owedQueue(sender)).doesNotContain(owed.toString());

        // The person withdraws consent: nobody follows up on them any more.
        given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                .delete("/api/referrals/{id}/consent", withdrawn).then().statusCode(200);
        assertThat(owedQueue(receiver)).doesNotContain(withdrawn.toString());
        assertThat(overdueList()).doesNotContain(withdrawn.toString());
        followUp(token, withdrawn, today.minusDays(3), today).statusCode(409);

        // The sender cancels a referral whose follow-up was owed: nobody owes it any more.
        UUID cancelled = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, cancelled, "accept");
        followUp(token, cancelled, today.minusDays(2), null).statusCode(200);
        assertThat(overdueList()).contains(cancelled.toString());
        transition(Tokens.caseworker(sender), cancelled, "cancel", "NO_LONGER_NEEDED", null).statusCode(200);
        assertThat(owedQueue(receiver)).doesNotContain(cancelled.toString());
        assertThat(overdueList()).doesNotContain(cancelled.toString());

        followUp(token, owed, today.minusDays(1), today).statusCode(200).body("followUpDoneOn", equalTo(today.toString()));
        assertThat(owedQueue(receiver)).doesNotContain(owed.toString());
        assertThat(overdueList()).doesNotContain(owed.toString());
    }
}
