package org.mitra.referral.forwarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.publish;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.request;
import static org.mitra.referral.ReferralFixtures.transition;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.referral.overdue.OverdueJob;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

/**
 * Issue 17, expiry and forwarding: a named referral nobody answered closes as CANCELLED with reason EXPIRED at twice its
 * deadline, its sender is told, and forwards it in one call to the next ranked match under consent confirmed again for
 * it; a rejection for want of capacity forwards the same way. The organization that could not take the person never
 * learns where they went.
 */
@QuarkusTest
class ExpiryAndForwardingTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    @Inject
    OverdueJob job;

    /** A province code of its own for each test (no real one has letters), so other tests' organizations match nothing. */
    private static String province(String code) {
        return code;
    }

    private static UUID shelterIn(String province, int available) {
        var change = organizationChanged(UUID.randomUUID(), OrganizationStatus.VERIFIED, false, List.of(province), available,
                SHELTER);
        publish(change);
        return change.id();
    }

    private static UUID requested(UUID sender, UUID receiver, String region, String urgency) {
        Map<String, Object> body = request(receiver, SHELTER);
        body.put("regionCode", region);
        body.put("urgency", urgency);
        body.put("submit", true);
        return UUID.fromString(create(Tokens.caseworker(sender), body).statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> confirmation(String... shares) {
        return new HashMap<>(Map.of("consentedBy", "SUBJECT", "consentedAt", Instant.now().minusSeconds(60).toString(),
                "shares", List.of(shares), "mayContact", true));
    }

    private static ValidatableResponse forward(String token, UUID referral, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/referrals/{id}/forward", referral).then();
    }

    private static ExtractableResponse<Response> read(String token, UUID referral) {
        return given().auth().oauth2(token).get("/api/referrals/{id}", referral).then().statusCode(200).extract();
    }

    private static List<Map<String, Object>> history(String token, UUID referral) {
        return given().auth().oauth2(token).get("/api/referrals/{id}/history", referral).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @Test
    void anUnansweredReferralExpiresAtTwiceItsDeadlineAndItsSenderHearsOfIt() {
        String province = province("ZA");
        UUID sender = organization(false);
        UUID receiver = shelterIn(province, 4);
        UUID emergency = requested(sender, receiver, province + "01", "EMERGENCY");
        UUID answered = requested(sender, receiver, province + "01", "EMERGENCY");
        move(sender, receiver, answered, "accept");
        var view = read(Tokens.caseworker(sender), emergency);
        Instant requestedAt = Instant.parse(view.path("requestedAt"));
        Instant deadline = Instant.parse(view.path("deadline"));
        Instant expiresAt = Instant.parse(view.path("expiresAt"));
        // Indonesia's service standard: outreach within 12 hours for an emergency; expiry twice that.
        assertThat(Duration.between(requestedAt, deadline)).isEqualTo(Duration.ofHours(12));
        assertThat(Duration.between(requestedAt, expiresAt)).isEqualTo(Duration.ofHours(24));

        job.expire(expiresAt.minusSeconds(1));
        assertThat((String) read(Tokens.caseworker(sender), emergency).path("status")).isEqualTo("REQUESTED");

        job.expire(expiresAt.plusSeconds(1));
        var expired = read(Tokens.caseworker(sender), emergency);
        assertThat((String) expired.path("status")).isEqualTo("CANCELLED");
        assertThat((List<String>) expired.path("allowedActions")).isEmpty();
        assertThat((String) read(Tokens.caseworker(receiver), answered).path("status")).as("answered in time").isEqualTo("ACCEPTED");
        Map<String, Object> last = history(Tokens.caseworker(sender), emergency).get(2);
        assertThat(last).containsEntry("action", "expire").containsEntry("toStatus", "CANCELLED")
                .containsEntry("reasonCode", "EXPIRED").containsEntry("actor", "mitra").doesNotContainKey("organizationId");

        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, emergency.toString(),
                seen -> seen.stream().anyMatch(event -> event.data().path("status").asText().equals("CANCELLED")),
                Duration.ofSeconds(20));
        CloudEvent<JsonNode> cancelled = events.stream()
                .filter(event -> event.data().path("status").asText().equals("CANCELLED")).findFirst().orElseThrow();
        ReferralStatusChanged payload = EventJson.data(cancelled, ReferralStatusChanged.class);
        assertThat(payload.reasonCode()).isEqualTo("EXPIRED");
        assertThat(cancelled.data().toString()).doesNotContain(sender.toString(), receiver.toString(), SURVIVOR_NAME);

        // A second run finds nothing more to expire.
        job.expire(expiresAt.plus(Duration.ofDays(1)));
        assertThat(history(Tokens.caseworker(sender), emergency)).hasSize(3);
    }

    @Test
    void theSenderForwardsAnExpiredReferralToTheNextMatchAndOnlyItSeesTheChain() {
        String province = province("ZB");
        UUID sender = organization(false);
        UUID first = shelterIn(province, 9);
        UUID second = shelterIn(province, 5);
        UUID full = shelterIn(province, 0);
        UUID original = requested(sender, first, province + "01", "HIGH");
        job.expire(Instant.parse(read(Tokens.caseworker(sender), original).path("expiresAt")).plusSeconds(1));

        String updatedBefore = read(Tokens.caseworker(first), original).path("updatedAt");
        var forwarded = forward(Tokens.caseworker(sender), original, Map.of("consent", confirmation("PROFILE", "IDENTITY")))
                .statusCode(201).extract();
        UUID next = UUID.fromString(forwarded.path("id"));
        assertThat(forwarded.header("Location")).endsWith("/api/referrals/" + next);
        assertThat((String) forwarded.path("receivingOrganizationId")).as("the first match, the original receiver left out")
                .isEqualTo(second.toString());
        assertThat((String) forwarded.path("status")).isEqualTo("REQUESTED");
        assertThat((String) forwarded.path("forwardedFromId")).isEqualTo(original.toString());
        assertThat((List<String>) forwarded.path("consent.sharedWith")).containsExactly(second.toString());
        assertThat((String) forwarded.path("note")).as("NOTE was not confirmed for the new receiver").isNull();
        assertThat((String) forwarded.path("subjectId")).isEqualTo(read(Tokens.caseworker(sender), original).path("subjectId"));
        assertThat((String) read(Tokens.caseworker(sender), original).path("forwardedToId")).isEqualTo(next.toString());
        assertThat(history(Tokens.caseworker(sender), original)).anySatisfy(entry -> assertThat(entry)
                .containsEntry("action", "forward").containsEntry("linkedReferralId", next.toString()));
        assertThat(history(Tokens.caseworker(sender), next).get(0)).containsEntry("action", "create")
                .containsEntry("linkedReferralId", original.toString());
        assertThat(history(Tokens.coalitionAdmin(), original)).anySatisfy(entry -> assertThat(entry)
                .containsEntry("linkedReferralId", next.toString()));

        // The organization that did not answer learns nothing of where the person went.
        var seenByFirst = given().auth().oauth2(Tokens.caseworker(first)).get("/api/referrals/{id}", original).then()
                .statusCode(200).extract().asString();
        assertThat(seenByFirst).doesNotContain(next.toString(), second.toString(), "forwardedToId");
        assertThat((String) read(Tokens.caseworker(first), original).path("updatedAt")).as("polling by updatedSince tells it nothing")
                .isEqualTo(updatedBefore);
        assertThat(given().auth().oauth2(Tokens.caseworker(first)).get("/api/referrals/{id}/history", original).then()
                .statusCode(200).extract().asString()).doesNotContain(next.toString(), "forward");
        given().auth().oauth2(Tokens.caseworker(first)).get("/api/referrals/{id}", next).then().statusCode(404);
        // The new receiver sees the referral, the identity the person agreed to share with it, and not where it came from.
        String seenBySecond = given().auth().oauth2(Tokens.caseworker(second)).get("/api/referrals/{id}", next).then()
                .statusCode(200).body("hasIdentity", equalTo(true)).extract().asString();
        assertThat(seenBySecond).doesNotContain(original.toString(), first.toString(), "forwardedFromId");
        assertThat(given().auth().oauth2(Tokens.caseworker(second)).get("/api/referrals/{id}/history", next).then()
                .statusCode(200).extract().asString()).doesNotContain(original.toString());
        given().auth().oauth2(Tokens.caseworker(second)).get("/api/referrals/{id}/identity", next).then().statusCode(200)
                .body("fullName", equalTo(SURVIVOR_NAME));
        given().auth().oauth2(Tokens.caseworker(second)).get("/api/referrals/{id}", original).then().statusCode(404);

        // Once only: a second forward names the first one's result.
        forward(Tokens.caseworker(sender), original, Map.of("consent", confirmation("PROFILE"))).statusCode(409)
                .body("type", equalTo("/problems/conflict")).body("forwardedToId", equalTo(next.toString()));

        // The second receiver has no room either: the forwarded one goes on, past the full shelter, to nobody left.
        transition(Tokens.caseworker(second), next, "reject", "NO_CAPACITY", null).statusCode(200);
        forward(Tokens.caseworker(sender), next, Map.of("consent", confirmation("PROFILE"))).statusCode(422)
                .body("type", equalTo("/problems/unprocessable")).body("categoryCode", equalTo(SHELTER));
        UUID third = shelterIn(province, 2);
        var again = forward(Tokens.caseworker(sender), next, Map.of("consent", confirmation("PROFILE", "NOTE")))
                .statusCode(201).extract();
        assertThat((String) again.path("receivingOrganizationId")).isEqualTo(third.toString()).isNotEqualTo(full.toString());
        assertThat((String) again.path("note")).as("NOTE confirmed: the sender's note goes along").contains("female caseworker");
        given().auth().oauth2(Tokens.caseworker(third)).get("/api/referrals/{id}", UUID.fromString(again.path("id"))).then()
                .statusCode(200).body("note", org.hamcrest.Matchers.containsString("female caseworker"));
    }

    @Test
    void onlyAReferralThatExpiredOrHadNoRoomIsForwardedAndOnlyToAMatch() {
        String province = province("ZC");
        UUID sender = organization(false);
        UUID receiver = shelterIn(province, 3);
        UUID other = shelterIn(province, 3);
        UUID open = requested(sender, receiver, province, "ROUTINE");
        forward(Tokens.caseworker(sender), open, Map.of("consent", confirmation("PROFILE"))).statusCode(409)
                .body("type", equalTo("/problems/invalid-transition")).body("currentState", equalTo("REQUESTED"));
        UUID notEligible = requested(sender, receiver, province, "ROUTINE");
        transition(Tokens.caseworker(receiver), notEligible, "reject", "NOT_ELIGIBLE", null).statusCode(200);
        forward(Tokens.caseworker(sender), notEligible, Map.of("consent", confirmation("PROFILE"))).statusCode(409)
                .body("reasonCode", equalTo("NOT_ELIGIBLE"));
        UUID cancelledBySender = requested(sender, receiver, province, "ROUTINE");
        transition(Tokens.caseworker(sender), cancelledBySender, "cancel", "NO_LONGER_INTERESTED", null).statusCode(200);
        forward(Tokens.caseworker(sender), cancelledBySender, Map.of("consent", confirmation("PROFILE"))).statusCode(409);

        UUID noRoom = requested(sender, receiver, province, "ROUTINE");
        transition(Tokens.caseworker(receiver), noRoom, "reject", "NO_CAPACITY", null).statusCode(200);
        // Not a match the referral was not yet sent to: its own receiver, the sender, an unknown organization.
        for (UUID chosen : List.of(receiver, sender, UUID.randomUUID())) {
            forward(Tokens.caseworker(sender), noRoom, Map.of("receivingOrganizationId", chosen.toString(),
                    "consent", confirmation("PROFILE"))).statusCode(400).body("errors[0].field", equalTo("receivingOrganizationId"));
        }
        forward(Tokens.caseworker(sender), noRoom, Map.of()).statusCode(400).body("errors[0].field", equalTo("consent"));
        // The original consent's time again is no confirmation for the next organization.
        Map<String, Object> replayed = confirmation("PROFILE");
        replayed.put("consentedAt", Instant.now().minus(Duration.ofDays(2)).toString());
        forward(Tokens.caseworker(sender), noRoom, Map.of("consent", replayed)).statusCode(400)
                .body("errors[0].field", equalTo("consent.consentedAt"));
        forward(Tokens.caseworker(sender), noRoom, Map.of("consent", confirmation("IDENTITY"))).statusCode(400)
                .body("errors[0].field", equalTo("consent.shares"));
        // The receiver cannot forward what it rejected; a bystander does not see it.
        forward(Tokens.caseworker(receiver), noRoom, Map.of("consent", confirmation("PROFILE"))).statusCode(403);
        forward(Tokens.caseworker(other), noRoom, Map.of("consent", confirmation("PROFILE"))).statusCode(404);
        forward(Tokens.caseworker(sender), noRoom, Map.of("receivingOrganizationId", other.toString(),
                "consent", confirmation("PROFILE"))).statusCode(201).body("receivingOrganizationId", equalTo(other.toString()));

        // Consent withdrawn after the rejection: nothing is forwarded.
        UUID withdrawn = requested(sender, receiver, province, "ROUTINE");
        transition(Tokens.caseworker(receiver), withdrawn, "reject", "NO_CAPACITY", null).statusCode(200);
        given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                .delete("/api/referrals/{id}/consent", withdrawn).then().statusCode(200);
        forward(Tokens.caseworker(sender), withdrawn, Map.of("consent", confirmation("PROFILE"))).statusCode(422);
    }

    @Test
    void fiftyConcurrentForwardsOfOneReferralMakeExactlyOne() throws Exception {
        String province = province("ZD");
        UUID sender = organization(false);
        UUID receiver = shelterIn(province, 3);
        shelterIn(province, 3);
        UUID noRoom = requested(sender, receiver, province, "HIGH");
        transition(Tokens.caseworker(receiver), noRoom, "reject", "NO_CAPACITY", null).statusCode(200);
        String token = Tokens.caseworker(sender);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> forward(token, noRoom, Map.of("consent", confirmation("PROFILE"))).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 201).allMatch(status -> status == 409);
        } finally {
            pool.shutdownNow();
        }
        long forwarded = given().auth().oauth2(token).queryParam("box", "sent").queryParam("size", 100).get("/api/referrals")
                .then().statusCode(200).extract().jsonPath().getList("items.forwardedFromId").stream()
                .filter(noRoom.toString()::equals).count();
        assertThat(forwarded).isEqualTo(1);
    }
}
