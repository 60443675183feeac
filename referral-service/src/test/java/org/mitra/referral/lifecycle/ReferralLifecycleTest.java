package org.mitra.referral.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.transition;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ReferralLifecycleTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    @Test
    void theClosedLoopFromDraftToCompletedIsKeptInTheHistory() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, false);
        move(sender, receiver, id, "submit", "accept", "start", "hold", "resume");
        transition(Tokens.caseworker(receiver), id, "complete", null, List.of("shelter-and-safe-housing", "psychosocial-care"))
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("allowedActions", org.hamcrest.Matchers.empty());

        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}/history", id).then().statusCode(200)
                .body("action", contains("create", "submit", "accept", "start", "hold", "resume", "complete"))
                .body("toStatus", contains("DRAFT", "REQUESTED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD", "IN_PROGRESS", "COMPLETED"))
                .body("[4].reasonCode", equalTo("NO_CAPACITY"))
                .body("[6].servicesDelivered", contains("shelter-and-safe-housing", "psychosocial-care"))
                .body("[6].deliveries.categoryCode", contains("shelter-and-safe-housing", "psychosocial-care"))
                .body("[6].outcome", equalTo("GOT_HELP"))
                .body("[2].organizationId", equalTo(receiver.toString()))
                .body("[1].organizationId", equalTo(sender.toString()))
                .body("[1].actor", org.hamcrest.Matchers.notNullValue())
                .body("[1].occurredAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void everyTransitionIsPublishedWithoutPersonalData() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, false);
        move(sender, receiver, id, "submit", "accept");
        transition(Tokens.caseworker(receiver), id, "fail", "COULD_NOT_CONTACT", null).statusCode(200);

        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, id.toString(),
                seen -> seen.size() >= 3, Duration.ofSeconds(20));
        assertThat(events).extracting(CloudEvent::type).containsExactly("org.mitra.referral.requested.v1",
                "org.mitra.referral.accepted.v1", "org.mitra.referral.failed.v1");
        ReferralStatusChanged failed = EventJson.data(events.get(2), ReferralStatusChanged.class);
        assertThat(failed.referralId()).isEqualTo(id);
        assertThat(failed.categoryCode()).isEqualTo(SHELTER);
        assertThat(failed.status()).isEqualTo(ReferralStatus.FAILED);
        assertThat(failed.reasonCode()).isEqualTo("COULD_NOT_CONTACT");
        for (CloudEvent<JsonNode> event : events) {
            // Only what the directory's demand figures read: nothing of the person, nor who sent or received it.
            assertThat(event.data().properties().stream().map(java.util.Map.Entry::getKey).toList())
                    .contains("referralId", "categoryCode", "regionCode", "status", "occurredAt")
                    .isSubsetOf("referralId", "categoryCode", "regionCode", "status", "reasonCode", "occurredAt");
            String json = EventJson.write(event);
            assertThat(json).doesNotContain("Sulastri", "X1234567", "LP/B/", "Prefers", "+62").doesNotContain("subjectId")
                    .doesNotContain("12-17", "female", sender.toString(), receiver.toString());
        }
    }

    @Test
    void anIllegalTransitionNamesTheStateAndWhatIsAllowed() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        transition(Tokens.caseworker(receiver), id, "start", null, null)
                .statusCode(409)
                .body("type", equalTo("/problems/invalid-transition"))
                .body("currentState", equalTo("REQUESTED"))
                .body("allowedActions", contains("accept", "reject", "cancel"));
        transition(Tokens.caseworker(sender), id, "submit", null, null)
                .statusCode(409).body("currentState", equalTo("REQUESTED"))
                .body("allowedActions", contains("cancel", "mark-entered-in-error"));
    }

    @Test
    void theWrongSideIsForbiddenWithTheStateAndItsOwnActions() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        transition(Tokens.caseworker(sender), id, "accept", null, null)
                .statusCode(403)
                .body("currentState", equalTo("REQUESTED"))
                .body("allowedActions", contains("cancel", "mark-entered-in-error"));
        transition(Tokens.caseworker(receiver), id, "mark-entered-in-error", null, null).statusCode(403);
        transition(Tokens.caseworker(organization(false)), id, "accept", null, null).statusCode(404);
        transition(Tokens.coalitionAdmin(), id, "accept", null, null).statusCode(403);
    }

    @Test
    void theReceiverDoesNotSeeADraft() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, false);
        transition(Tokens.caseworker(receiver), id, "accept", null, null).statusCode(404);
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}", id).then().statusCode(404);
    }

    @Test
    void reasonsAndServicesDeliveredAreRequired() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        transition(Tokens.caseworker(receiver), id, "reject", null, null)
                .statusCode(400).body("errors.field", hasItem("reasonCode")).body("errors.message", hasItem(containsString("reject")));
        transition(Tokens.caseworker(receiver), id, "reject", "no capacity", null)
                .statusCode(400).body("errors.field", hasItem("reasonCode"));
        transition(Tokens.caseworker(sender), id, "cancel", null, null).statusCode(400).body("errors.field", hasItem("reasonCode"));
        move(sender, receiver, id, "accept");
        transition(Tokens.caseworker(receiver), id, "hold", null, null).statusCode(400);
        transition(Tokens.caseworker(receiver), id, "fail", null, null).statusCode(400);
        transition(Tokens.caseworker(receiver), id, "complete", null, null)
                .statusCode(400).body("errors.field", hasItems("deliveries", "outcome"));
        transition(Tokens.caseworker(receiver), id, "complete", null, List.of()).statusCode(400);
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}", id).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void anUnknownActionIsABadRequest() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        transition(Tokens.caseworker(receiver), id, "approve", null, null)
                .statusCode(400)
                .body("errors.field", hasItem("action"))
                .body("errors.message", hasItem(containsString("mark-entered-in-error")));
    }

    @Test
    void eitherSideCancelsAndTheSenderMarksEnteredInError() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID byReceiver = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, byReceiver, "accept", "cancel");
        UUID bySender = referral(sender, receiver, SHELTER, true);
        transition(Tokens.caseworker(sender), bySender, "cancel", "NO_LONGER_INTERESTED", null).statusCode(200)
                .body("status", equalTo("CANCELLED"));
        UUID inError = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, inError, "mark-entered-in-error");
        transition(Tokens.caseworker(sender), inError, "cancel", "NO_CAPACITY", null).statusCode(409)
                .body("currentState", equalTo("ENTERED_IN_ERROR"));
        UUID rejected = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, rejected, "reject");
        transition(Tokens.caseworker(receiver), rejected, "accept", null, null).statusCode(409).body("currentState", equalTo("REJECTED"));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        String etag = given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}", id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(Tokens.caseworker(receiver)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("action", "accept")).post("/api/referrals/{id}/transitions", id).then().statusCode(200);
        given().auth().oauth2(Tokens.caseworker(receiver)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("action", "start")).post("/api/referrals/{id}/transitions", id).then().statusCode(412);
    }

    @Test
    void concurrentTransitionsLetExactlyOneWin() throws Exception {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        for (int round = 0; round < 3; round++) {
            UUID id = referral(sender, receiver, SHELTER, true);
            CountDownLatch start = new CountDownLatch(1);
            // accept and reject are only allowed from REQUESTED, so at most one of them can ever succeed.
            List<Callable<Integer>> racers = List.of(
                    () -> { start.await(); return transition(Tokens.caseworker(receiver), id, "accept", null, null).extract().statusCode(); },
                    () -> { start.await(); return transition(Tokens.caseworker(receiver), id, "reject", "NO_CAPACITY", null).extract().statusCode(); },
                    () -> { start.await(); return transition(Tokens.orgAdmin(receiver), id, "accept", null, null).extract().statusCode(); });
            ExecutorService pool = Executors.newFixedThreadPool(racers.size());
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (Callable<Integer> racer : racers) {
                    results.add(pool.submit(racer));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
                assertThat(statuses).allMatch(status -> status == 200 || status == 409 || status == 412);
            } finally {
                pool.shutdownNow();
            }
            List<String> steps = given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/history", id)
                    .then().statusCode(200).extract().path("action");
            assertThat(steps).hasSize(3); // create, submit, and the one winner
        }
    }

    @Test
    void theReceiverMovesTheBusinessStatusOfAnInterventionReferralForward() {
        UUID sender = organization(false);
        UUID police = organization(true, "removal-from-danger");
        UUID id = referral(sender, police, "removal-from-danger", true);
        putBusinessStatus(Tokens.caseworker(police), id, "POLICE_NOTIFIED").statusCode(409); // not accepted yet
        move(sender, police, id, "accept");
        putBusinessStatus(Tokens.caseworker(sender), id, "POLICE_NOTIFIED").statusCode(403);
        putBusinessStatus(Tokens.caseworker(police), id, "REPORT_FILED").statusCode(409)
                .body("currentState", equalTo("NONE")).body("allowedActions", contains("POLICE_NOTIFIED"));
        for (String status : List.of("POLICE_NOTIFIED", "REPORT_FILED", "VICTIM_REMOVED", "WITH_PROSECUTOR", "VERDICT")) {
            putBusinessStatus(Tokens.caseworker(police), id, status).statusCode(200).body("businessStatus", equalTo(status));
        }
        putBusinessStatus(Tokens.caseworker(police), id, "POLICE_NOTIFIED").statusCode(409);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/history", id).then()
                .body("businessStatus", hasItem("VERDICT"));
        // Law enforcement's steps stay in the history: no event tells anyone outside that a victim was removed. The
        // status change after them is published, so every step before it would have been too.
        transition(Tokens.caseworker(police), id, "fail", "COULD_NOT_CONTACT", null).statusCode(200);
        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, id.toString(),
                seen -> seen.stream().anyMatch(event -> event.type().equals("org.mitra.referral.failed.v1")),
                Duration.ofSeconds(20));
        assertThat(events).extracting(CloudEvent::type).doesNotContain("org.mitra.referral.business-status-changed.v1");
        assertThat(events).allSatisfy(event -> assertThat(EventJson.write(event)).doesNotContain("POLICE_NOTIFIED",
                "VICTIM_REMOVED", "VERDICT"));

        UUID shelter = organization(false, SHELTER);
        UUID plain = referral(sender, shelter, SHELTER, true);
        move(sender, shelter, plain, "accept");
        putBusinessStatus(Tokens.caseworker(shelter), plain, "POLICE_NOTIFIED").statusCode(409)
                .body("type", equalTo("/problems/conflict"));
    }

    private static io.restassured.response.ValidatableResponse putBusinessStatus(String token, UUID id, String status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("businessStatus", status))
                .put("/api/referrals/{id}/business-status", id).then();
    }
}
