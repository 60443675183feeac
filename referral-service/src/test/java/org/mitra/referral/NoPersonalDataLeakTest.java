package org.mitra.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.request;
import static org.mitra.referral.ReferralFixtures.transition;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;
import org.mitra.referral.overdue.OverdueJob;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.LogCapture;
import org.mitra.testkit.Tokens;

/** Runs a referral through everything, with a survivor name in every place it may go, and looks for it everywhere else. */
@QuarkusTest
class NoPersonalDataLeakTest {
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final List<String> SECRETS = List.of(SURVIVOR_NAME, "Sulastri", "X1234567", "+62 812 5555 0101");

    private final List<String> errorBodies = new ArrayList<>();
    private LogCapture log;

    @Inject
    OverdueJob overdue;

    @BeforeEach
    void captureLogs() {
        log = LogCapture.open();
    }

    @AfterEach
    void releaseLogs() {
        log.close();
    }

    private void error(io.restassured.response.ValidatableResponse response) {
        String body = response.extract().asString();
        assertThat(response.extract().statusCode()).isGreaterThanOrEqualTo(400);
        errorBodies.add(body);
    }

    @Test
    void theSurvivorsNameAppearsInNoEventLogLineOrErrorBody() {
        Logger.getLogger(NoPersonalDataLeakTest.class.getName()).info("log capture is live");
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID third = organization(false);

        Map<String, Object> body = request(receiver, SHELTER);
        body.put("submit", true);
        UUID id = UUID.fromString(create(Tokens.caseworker(sender), body).statusCode(201).extract().path("id"));

        // Bad input carrying the name in every field that could echo it.
        Map<String, Object> tooLong = request(receiver, SHELTER);
        ((Map<String, Object>) tooLong.get("identity")).put("fullName", SURVIVOR_NAME.repeat(20));
        error(create(Tokens.caseworker(sender), tooLong));
        Map<String, Object> wrongType = request(receiver, SHELTER);
        wrongType.put("urgency", SURVIVOR_NAME);
        error(create(Tokens.caseworker(sender), wrongType));
        Map<String, Object> wrongDate = request(receiver, SHELTER);
        ((Map<String, Object>) wrongDate.get("identity")).put("dateOfBirth", SURVIVOR_NAME);
        error(create(Tokens.caseworker(sender), wrongDate));
        Map<String, Object> wrongGender = request(receiver, SHELTER);
        ((Map<String, Object>) wrongGender.get("profile")).put("gender", SURVIVOR_NAME);
        error(create(Tokens.caseworker(sender), wrongGender));
        Map<String, Object> wrongNationality = request(receiver, SHELTER);
        ((Map<String, Object>) wrongNationality.get("profile")).put("nationality", SURVIVOR_NAME);
        error(create(Tokens.caseworker(sender), wrongNationality));
        Map<String, Object> selfReferral = request(sender, SHELTER);
        error(create(Tokens.caseworker(sender), selfReferral));
        error(given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON)
                .body("{\"note\": \"" + SURVIVOR_NAME + "\", ").post("/api/referrals").then());
        error(transition(Tokens.caseworker(receiver), id, SURVIVOR_NAME, null, null));
        error(transition(Tokens.caseworker(receiver), id, "reject", SURVIVOR_NAME, null));
        error(transition(Tokens.caseworker(receiver), id, "start", null, null));
        error(transition(Tokens.caseworker(sender), id, "accept", null, null));

        // Refused and granted identity reads.
        error(given().auth().oauth2(Tokens.caseworker(third)).get("/api/referrals/{id}/identity", id).then());
        error(given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}/identity", id).then());
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}/identity", id).then().statusCode(200);

        move(sender, receiver, id, "accept", "start");
        overdue.flagOverdue(Instant.now().plus(Duration.ofDays(30)));
        UUID overdueOne = UUID.fromString(create(Tokens.caseworker(sender), body).statusCode(201).extract().path("id"));
        overdue.flagOverdue(Instant.now().plus(Duration.ofDays(30)));

        given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                .delete("/api/referrals/{id}/consent", id).then().statusCode(200);
        error(given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then());

        List<String> events = new ArrayList<>();
        for (UUID referral : List.of(id, overdueOne)) {
            List<CloudEvent<JsonNode>> published = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, referral.toString(),
                    seen -> seen.stream().anyMatch(event -> event.type().endsWith(referral.equals(id) ? "cancelled.v1" : "overdue.v1")),
                    Duration.ofSeconds(20));
            published.forEach(event -> events.add(EventJson.write(event)));
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(6);
        assertThat(errorBodies).hasSize(14);
        assertThat(log.lines()).anyMatch(line -> line.contains("log capture is live"));
        for (String secret : SECRETS) {
            assertThat(events).noneMatch(event -> event.contains(secret));
            assertThat(errorBodies).noneMatch(errorBody -> errorBody.contains(secret));
            assertThat(log.lines()).noneMatch(line -> line.contains(secret));
        }
    }
}
