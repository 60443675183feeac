package org.mitra.referral.open;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.publish;
import static org.mitra.referral.ReferralFixtures.request;
import static org.mitra.referral.ReferralFixtures.transition;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.referral.overdue.OverdueJob;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

/**
 * Issue 17, emergency open referrals: offered to every verified organization offering the category in the region with
 * room, none named; each sees only what it needs; the first claim wins, exactly one of 50 concurrent ones; the others
 * see nothing more; unclaimed it is escalated to the coalition admins.
 */
@QuarkusTest
class OpenReferralTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    @Inject
    OpenReferrals open;

    @Inject
    OverdueJob job;

    /** A verified organization in this province (no real code has letters), with this many places (0: full). */
    private static UUID member(String province, Integer available, String... categories) {
        return member(OrganizationStatus.VERIFIED, province, available, categories);
    }

    private static UUID member(OrganizationStatus status, String province, Integer available, String... categories) {
        var change = organizationChanged(UUID.randomUUID(), status, false, List.of(province), available, categories);
        publish(change);
        return change.id();
    }

    private static Map<String, Object> body(String region, String... shares) {
        Map<String, Object> body = request(UUID.randomUUID(), SHELTER);
        body.remove("receivingOrganizationId");
        body.remove("submit");
        body.remove("urgency");
        body.put("regionCode", region);
        body.put("consent", new HashMap<>(Map.of("consentedBy", "SUBJECT", "consentedAt", Instant.now().minusSeconds(60).toString(),
                "shares", List.of(shares), "mayContact", true)));
        return body;
    }

    private static ValidatableResponse send(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/referrals/open").then();
    }

    private static UUID sendOpen(UUID sender, String region) {
        return UUID.fromString(send(Tokens.caseworker(sender), body(region, "PROFILE", "IDENTITY", "NOTE")).statusCode(201)
                .extract().path("id"));
    }

    private static List<String> offered(UUID organization) {
        return given().auth().oauth2(Tokens.caseworker(organization)).get("/api/referrals/offers").then().statusCode(200)
                .extract().path("referralId");
    }

    private static ValidatableResponse claim(UUID organization, UUID referral) {
        return given().auth().oauth2(Tokens.caseworker(organization)).post("/api/referrals/offers/{id}/claim", referral).then();
    }

    @Test
    void anOpenReferralIsOfferedToEveryMatchWithRoomAndEachSeesOnlyWhatItNeedsUntilOneClaimsIt() {
        UUID sender = member("ZE", 3);
        UUID first = member("ZE", 3, SHELTER);
        UUID second = member("ZE", 2, SHELTER);
        UUID full = member("ZE", 0, SHELTER);
        UUID otherService = member("ZE", 3, "legal-aid");
        UUID pending = member(OrganizationStatus.PENDING, "ZE", 3, SHELTER);
        var sent = send(Tokens.caseworker(sender), body("ZE01", "PROFILE", "IDENTITY", "NOTE")).statusCode(201)
                .body("status", equalTo("REQUESTED")).body("urgency", equalTo("EMERGENCY"))
                .body("receivingOrganizationId", nullValue()).body("offeredAt", notNullValue())
                .body("escalatedAt", nullValue()).extract();
        UUID id = UUID.fromString(sent.path("id"));
        assertThat(sent.header("Location")).endsWith("/api/referrals/" + id);

        assertThat(offered(first)).contains(id.toString());
        assertThat(offered(second)).contains(id.toString());
        assertThat(offered(full)).as("reports no room").doesNotContain(id.toString());
        assertThat(offered(otherService)).doesNotContain(id.toString());
        assertThat(offered(sender)).doesNotContain(id.toString());
        given().auth().oauth2(Tokens.caseworker(pending)).get("/api/referrals/offers").then().statusCode(403);

        // What an offered organization sees: the profile it needs to decide, nothing that names the person or the sender.
        var offer = given().auth().oauth2(Tokens.caseworker(first)).get("/api/referrals/offers/{id}", id).then().statusCode(200)
                .body("categoryCode", equalTo(SHELTER)).body("regionCode", equalTo("ZE01")).body("urgency", equalTo("EMERGENCY"))
                .body("ageBand", equalTo("12-17")).body("gender", equalTo("FEMALE")).body("needs", hasItem("psychosocial-care"))
                .extract();
        assertThat(offer.jsonPath().getMap("$").keySet()).containsExactlyInAnyOrder("referralId", "categoryCode", "slice",
                "regionCode", "urgency", "ageBand", "gender", "needs", "offeredAt");
        assertThat(offer.asString()).doesNotContain(SURVIVOR_NAME, sender.toString(), "female caseworker", "X1234567");
        for (String path : List.of("/api/referrals/{id}", "/api/referrals/{id}/identity", "/api/referrals/{id}/history")) {
            given().auth().oauth2(Tokens.caseworker(first)).get(path, id).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.caseworker(full)).get("/api/referrals/offers/{id}", id).then().statusCode(404);
        claim(full, id).statusCode(404);
        claim(otherService, id).statusCode(404);

        // The second claims it: it becomes its receiver, accepted, and reads the person as consent allows.
        claim(second, id).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("receivingOrganizationId", equalTo(second.toString())).body("claimedAt", notNullValue())
                .body("consent.sharedWith", equalTo(List.of(second.toString())))
                .body("note", org.hamcrest.Matchers.containsString("female caseworker"));
        given().auth().oauth2(Tokens.caseworker(second)).get("/api/referrals/{id}/identity", id).then().statusCode(200)
                .body("fullName", equalTo(SURVIVOR_NAME));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/history", id).then().statusCode(200)
                .body("action", equalTo(List.of("create", "submit", "claim")))
                .body("[2].organizationId", equalTo(second.toString())).body("[2].toStatus", equalTo("ACCEPTED"));

        // The claimer's retry (its answer lost on the way) gets the referral again, not a refusal.
        claim(second, id).statusCode(200).body("receivingOrganizationId", equalTo(second.toString()));

        // The first sees nothing more: the offer is gone, a late claim is refused, the referral unknown to it.
        assertThat(offered(first)).doesNotContain(id.toString());
        given().auth().oauth2(Tokens.caseworker(first)).get("/api/referrals/offers/{id}", id).then().statusCode(404);
        claim(first, id).statusCode(409).body("type", equalTo("/problems/conflict"));
        String refused = claim(first, id).extract().asString();
        assertThat(refused).doesNotContain(second.toString(), sender.toString());
        given().auth().oauth2(Tokens.caseworker(first)).get("/api/referrals/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.caseworker(first)).get("/api/referrals/{id}/identity", id).then().statusCode(404);
    }

    @Test
    void fiftyConcurrentClaimsFromTenOrganizationsMakeExactlyOneReceiver() throws Exception {
        UUID sender = member("ZG", 3);
        List<UUID> shelters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            shelters.add(member("ZG", 2, SHELTER));
        }
        UUID id = sendOpen(sender, "ZG");
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Integer> statuses = new ArrayList<>();
        List<UUID> claimers = new ArrayList<>();
        try {
            List<Callable<Integer>> claims = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                UUID shelter = shelters.get(i % shelters.size());
                claimers.add(shelter);
                claims.add(() -> claim(shelter, id).extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(claims)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // One organization wins: its own later claims get the referral again (200), every other organization's a 409.
        List<UUID> winners = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            assertThat(statuses.get(i)).isIn(200, 409);
            if (statuses.get(i) == 200) {
                winners.add(claimers.get(i));
            }
        }
        assertThat(winners).isNotEmpty();
        assertThat(new java.util.HashSet<>(winners)).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSizeGreaterThanOrEqualTo(45);
        String receiver = given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).extract().path("receivingOrganizationId");
        assertThat(shelters).extracting(UUID::toString).contains(receiver);
        List<String> actions = given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/history", id).then()
                .extract().path("action");
        assertThat(actions).containsOnlyOnce("claim");
        for (UUID shelter : shelters) {
            assertThat(offered(shelter)).doesNotContain(id.toString());
        }
    }

    @Test
    void unclaimedItIsEscalatedToTheCoalitionAdminsOnceAndOfferedToNobodyAtOnce() {
        UUID sender = member("ZH", 3);
        member("ZH", 2, SHELTER);
        UUID id = sendOpen(sender, "ZH");
        Instant offeredAt = Instant.parse(given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id)
                .then().extract().path("offeredAt"));
        open.escalate(offeredAt.plus(Duration.ofMinutes(119)));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then().body("escalatedAt", nullValue());
        open.escalate(offeredAt.plus(Duration.ofHours(2)).plusSeconds(1));
        open.escalate(offeredAt.plus(Duration.ofHours(3)));
        job.flagOverdue(offeredAt.plus(Duration.ofHours(13)));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then().body("escalatedAt", notNullValue());
        List<String> overdue = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("size", 100)
                .get("/api/referrals/overdue").then().statusCode(200).extract().path("items.id");
        assertThat(overdue).contains(id.toString());
        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, id.toString(),
                seen -> seen.stream().anyMatch(event -> event.type().equals(ReferralOverdue.TYPE)), Duration.ofSeconds(20));
        assertThat(events).filteredOn(event -> event.type().equals(ReferralOverdue.TYPE)).hasSize(1);
        assertThat(events.toString()).doesNotContain(sender.toString(), SURVIVOR_NAME);

        // Overdue and escalation due at once (the job was down for half a day): announced once.
        UUID late = sendOpen(sender, "ZH");
        Instant lateOffered = Instant.parse(given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", late)
                .then().extract().path("offeredAt"));
        job.flagOverdue(lateOffered.plus(Duration.ofHours(13)));
        open.escalate(lateOffered.plus(Duration.ofHours(13)));
        List<CloudEvent<JsonNode>> lateEvents = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, late.toString(),
                seen -> seen.stream().anyMatch(event -> event.type().equals(ReferralOverdue.TYPE)), Duration.ofSeconds(20));
        assertThat(lateEvents).filteredOn(event -> event.type().equals(ReferralOverdue.TYPE)).hasSize(1);

        // Offered to nobody (no member with room in the region): escalated at once.
        UUID alone = member("ZJ", 3);
        Map<String, Object> nothingShared = body("ZJ", "PROFILE");
        nothingShared.remove("identity");
        nothingShared.remove("note");
        send(Tokens.caseworker(alone), nothingShared).statusCode(201).body("escalatedAt", notNullValue());
    }

    @Test
    void onlyAVerifiedOrganizationsStaffSendOrClaimAndAClosedOneIsClaimedByNobody() {
        UUID sender = member("ZL", 3);
        UUID shelter = member("ZL", 2, SHELTER);
        send(Tokens.coalitionAdmin(), body("ZL", "PROFILE")).statusCode(403);
        send(Tokens.govLiaison(), body("ZL", "PROFILE")).statusCode(403);
        given().contentType(ContentType.JSON).body(body("ZL", "PROFILE")).post("/api/referrals/open").then().statusCode(401);
        UUID suspended = member(OrganizationStatus.SUSPENDED, "ZL", 2, SHELTER);
        send(Tokens.caseworker(suspended), body("ZL", "PROFILE")).statusCode(403)
                .body("type", equalTo("/problems/organization-not-verified"));
        send(Tokens.caseworker(sender), body("ZL", "PROFILE")).statusCode(400).body("errors.field", hasItem("consent.shares"));
        Map<String, Object> notEmergency = body("ZL", "PROFILE", "IDENTITY", "NOTE");
        notEmergency.put("urgency", "ROUTINE");
        send(Tokens.caseworker(sender), notEmergency).statusCode(201).body("urgency", equalTo("EMERGENCY"));
        Map<String, Object> noConsent = body("ZL", "PROFILE");
        noConsent.remove("consent");
        send(Tokens.caseworker(sender), noConsent).statusCode(400).body("errors.field", hasItem("consent"));

        // An intervention is never broadcast: it would tell several organizations of a rescue.
        Map<String, Object> rescue = body("ZL", "PROFILE", "IDENTITY", "NOTE");
        rescue.put("categoryCode", "removal-from-danger");
        rescue.put("lawEnforcementReference", Map.of("agency", "Polda Bali", "reportNumber", "LP/B/9/V/2026"));
        send(Tokens.caseworker(sender), rescue).statusCode(400).body("errors.field", hasItem("categoryCode"));

        UUID id = sendOpen(sender, "ZL");
        assertThat(offered(shelter)).contains(id.toString());
        // A person claims, never a partner system: an account claiming each offer the moment it comes would collect them.
        given().auth().oauth2(Tokens.partnerApp(shelter)).post("/api/referrals/offers/{id}/claim", id).then().statusCode(403);
        given().auth().oauth2(Tokens.coalitionAdmin()).post("/api/referrals/offers/{id}/claim", id).then().statusCode(403);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}", id).then().statusCode(200)
                .body("offeredAt", notNullValue()).body("subjectId", nullValue());
        // The shelter is suspended before it claims: refused, and it sees no offers.
        publish(organizationChanged(shelter, OrganizationStatus.SUSPENDED, false, List.of("ZL"), 2, SHELTER));
        claim(shelter, id).statusCode(403).body("type", equalTo("/problems/organization-not-verified"));
        publish(organizationChanged(shelter, OrganizationStatus.VERIFIED, false, List.of("ZL"), 2, SHELTER));
        // The sender cancels it (the person was found a bed elsewhere): nobody claims it any more.
        transition(Tokens.caseworker(sender), id, "cancel", "NO_LONGER_NEEDED", null).statusCode(200);
        assertThat(offered(shelter)).doesNotContain(id.toString());
        claim(shelter, id).statusCode(409);
    }
}
