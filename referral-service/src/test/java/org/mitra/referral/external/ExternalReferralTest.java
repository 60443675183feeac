package org.mitra.referral.external;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.request;
import static org.mitra.referral.ReferralFixtures.transition;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.Topic;
import org.mitra.referral.identity.Subject;
import org.mitra.referral.referral.Referral;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

/**
 * Issue 17, referrals to agencies outside the platform: a caseworker records one (agency name, type, region; no
 * account), records its steps by hand, and it is announced and counted like any other; the identity is stored only
 * when the consent shares it, only in the vault, and only the sender's staff read it.
 */
@QuarkusTest
class ExternalReferralTest {
    @jakarta.inject.Inject
    org.mitra.referral.overdue.OverdueJob job;

    private static final String POLICE_CATEGORY = "police-report-and-investigation";

    private static Map<String, Object> body(String... shares) {
        Map<String, Object> body = request(UUID.randomUUID(), POLICE_CATEGORY);
        body.remove("receivingOrganizationId");
        body.remove("submit");
        body.put("agency", Map.of("name", "Polresta Denpasar, Unit PPA", "type", "POLICE", "regionCode", "5171"));
        body.put("consent", new HashMap<>(Map.of("consentedBy", "SUBJECT", "consentedAt", Instant.now().minusSeconds(60).toString(),
                "shares", List.of(shares), "mayContact", true)));
        return body;
    }

    private static ValidatableResponse record(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/referrals/external").then();
    }

    @Test
    void theSenderRecordsAnExternalReferralAndEachOfItsStepsAndItIsAnnouncedLikeAnyOther() {
        UUID sender = organization(false);
        String token = Tokens.caseworker(sender);
        var created = record(token, body("PROFILE", "IDENTITY", "NOTE")).statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("receivingOrganizationId", nullValue())
                .body("externalAgency.name", equalTo("Polresta Denpasar, Unit PPA"))
                .body("externalAgency.type", equalTo("POLICE"))
                .body("hasIdentity", equalTo(true))
                .body("allowedActions", hasItem("accept"))
                .extract();
        UUID id = UUID.fromString(created.path("id"));
        assertThat(created.header("Location")).endsWith("/api/referrals/" + id);
        given().auth().oauth2(token).get("/api/referrals/{id}/identity", id).then().statusCode(200)
                .body("fullName", equalTo(SURVIVOR_NAME));
        // The agency answers outside the platform: its record is never flagged overdue nor closed as expired on its own.
        job.flagOverdue(Instant.now().plus(java.time.Duration.ofDays(30)));
        job.expire(Instant.now().plus(java.time.Duration.ofDays(30)));
        given().auth().oauth2(token).get("/api/referrals/{id}", id).then().body("status", equalTo("REQUESTED"))
                .body("overdue", equalTo(false));

        // The sender records the agency's answers by hand: accepted, started, completed with its outcome.
        transition(token, id, "accept", null, null).statusCode(200).body("status", equalTo("ACCEPTED"));
        transition(token, id, "start", null, null).statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("attemptedAt", Instant.now().toString(), "channel", "VISIT", "reached", true))
                .post("/api/referrals/{id}/contact-attempts", id).then().statusCode(201);
        transition(token, id, "complete", null, List.of(POLICE_CATEGORY)).statusCode(200).body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("GOT_HELP"));
        given().auth().oauth2(token).get("/api/referrals/{id}/history", id).then().statusCode(200)
                .body("action", equalTo(List.of("create", "submit", "accept", "start", "complete")))
                .body("organizationId", equalTo(List.of(sender.toString(), sender.toString(), sender.toString(),
                        sender.toString(), sender.toString())));

        // Announced like any other, with nothing of the agency or the person.
        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, id.toString(),
                seen -> seen.stream().anyMatch(event -> event.data().path("status").asText().equals("COMPLETED")),
                Duration.ofSeconds(20));
        assertThat(events).extracting(event -> event.data().path("status").asText())
                .containsSubsequence("REQUESTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED");
        assertThat(events.toString()).doesNotContain("Polresta", SURVIVOR_NAME, sender.toString());

        // Coalition admins see its metadata, a bystander nothing.
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}", id).then().statusCode(200)
                .body("externalAgency.type", equalTo("POLICE")).body("subjectId", nullValue()).body("note", nullValue());
        given().auth().oauth2(Tokens.caseworker(organization(false))).get("/api/referrals/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.caseworker(organization(false))).get("/api/referrals/{id}/identity", id).then().statusCode(404);
    }

    @Test
    void noIdentityIsStoredUnlessTheConsentSharesIt() {
        UUID sender = organization(false);
        record(Tokens.caseworker(sender), body("PROFILE")).statusCode(400).body("errors.field", hasItem("consent.shares"));
        Map<String, Object> withoutIdentity = body("PROFILE");
        withoutIdentity.remove("identity");
        withoutIdentity.remove("note");
        UUID id = UUID.fromString(record(Tokens.caseworker(sender), withoutIdentity).statusCode(201)
                .body("hasIdentity", equalTo(false)).extract().path("id"));
        Subject subject = QuarkusTransaction.requiringNew().call(() -> Subject.findById(Referral.<Referral>findById(id).subjectId));
        assertThat(subject.identityCiphertext).isNull();
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(404);
    }

    @Test
    void onlyAVerifiedOrganizationsStaffRecordOneAndBadInputIsNamed() {
        record(Tokens.coalitionAdmin(), body("PROFILE", "IDENTITY", "NOTE")).statusCode(403);
        record(Tokens.govLiaison(), body("PROFILE", "IDENTITY", "NOTE")).statusCode(403);
        given().contentType(ContentType.JSON).body(body("PROFILE")).post("/api/referrals/external").then().statusCode(401);
        UUID suspended = organization(org.mitra.events.directory.OrganizationStatus.SUSPENDED, false);
        record(Tokens.caseworker(suspended), body("PROFILE", "IDENTITY", "NOTE")).statusCode(403)
                .body("type", equalTo("/problems/organization-not-verified"));

        Map<String, Object> bad = body("PROFILE", "IDENTITY", "NOTE");
        bad.put("agency", Map.of("name", " ", "type", "CHURCH", "regionCode", "Bali"));
        record(Tokens.caseworker(organization(false)), bad).statusCode(400);
        Map<String, Object> unknownCategory = body("PROFILE", "IDENTITY", "NOTE");
        unknownCategory.put("categoryCode", "astrology");
        record(Tokens.caseworker(organization(false)), unknownCategory).statusCode(400)
                .body("errors.field", hasItem("categoryCode"));
    }
}
