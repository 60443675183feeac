package org.mitra.referral.overdue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

@QuarkusTest
class OverdueTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    @Inject
    OverdueJob job;

    private static List<String> overdueIds() {
        return given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("size", 100).get("/api/referrals/overdue")
                .then().statusCode(200).extract().path("items.id");
    }

    @Test
    void aRequestedReferralPastItsDeadlineIsFlaggedListedAndAnnouncedOnce() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        Map<String, Object> body = request(receiver, SHELTER);
        body.put("urgency", "EMERGENCY");
        body.put("submit", true);
        var created = create(Tokens.caseworker(sender), body).statusCode(201).extract();
        UUID emergency = UUID.fromString(created.path("id"));
        Instant deadline = Instant.parse(created.path("deadline"));
        Instant requestedAt = Instant.parse(created.path("requestedAt"));
        assertThat(Duration.between(requestedAt, deadline)).as("Indonesia's standard: outreach within 12 hours")
                .isEqualTo(Duration.ofHours(12));
        UUID answered = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, answered, "accept");

        job.flagOverdue(deadline.minusSeconds(1));
        assertThat(overdueIds()).doesNotContain(emergency.toString());

        job.flagOverdue(Instant.now().plus(Duration.ofDays(10)));
        job.flagOverdue(Instant.now().plus(Duration.ofDays(11))); // a second run flags nothing again
        assertThat(overdueIds()).contains(emergency.toString()).doesNotContain(answered.toString());
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", emergency).then()
                .body("overdue", org.hamcrest.Matchers.equalTo(true));

        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, emergency.toString(),
                seen -> seen.stream().anyMatch(event -> event.type().equals(ReferralOverdue.TYPE)), Duration.ofSeconds(20));
        List<CloudEvent<JsonNode>> overdue = events.stream().filter(event -> event.type().equals(ReferralOverdue.TYPE)).toList();
        assertThat(overdue).hasSize(1);
        ReferralOverdue payload = EventJson.data(overdue.get(0), ReferralOverdue.class);
        assertThat(payload.referralId()).isEqualTo(emergency);
        assertThat(overdue.get(0).data().toString()).doesNotContain(receiver.toString(), sender.toString());

        // Once the receiver answers it leaves the list.
        move(sender, receiver, emergency, "accept");
        assertThat(overdueIds()).doesNotContain(emergency.toString());
    }

    @Test
    void onlyCoalitionAdminsSeeTheOverdueList() {
        given().auth().oauth2(Tokens.caseworker(organization(false))).get("/api/referrals/overdue").then().statusCode(403);
        given().auth().oauth2(Tokens.govLiaison()).get("/api/referrals/overdue").then().statusCode(403);
        given().get("/api/referrals/overdue").then().statusCode(401);
    }
}
