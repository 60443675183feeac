package org.mitra.awareness.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.awareness.AwarenessFixtures.campaign;
import static org.mitra.awareness.AwarenessFixtures.draft;
import static org.mitra.awareness.AwarenessFixtures.region;
import static org.mitra.awareness.AwarenessFixtures.transition;
import static org.mitra.awareness.AwarenessFixtures.verifiedMember;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.awareness.CampaignChanged;
import org.mitra.events.awareness.CampaignStatus;
import org.mitra.events.Slice;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

@QuarkusTest
class CampaignEventsTest {

    static void pledge(UUID campaign, String email) {
        Map<String, Object> body = email == null
                ? Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", "GB", "contactConsent", false)
                : Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", "GB", "contactConsent", true, "email", email);
        given().contentType(ContentType.JSON).body(body).post("/api/awareness/campaigns/" + campaign + "/pledges")
                .then().statusCode(201);
    }

    @Test
    void aLaunchPledgeCountsAndTheEndArePublishedWithoutPersonalData() {
        UUID owner = verifiedMember();
        String region = region();
        UUID campaign = draft(owner, campaign(region));
        transition(owner, campaign, "LAUNCH");

        List<CloudEvent<JsonNode>> launched = KafkaTopics.eventsFor(Topic.AWARENESS_CAMPAIGNS, campaign.toString(),
                events -> !events.isEmpty(), Duration.ofSeconds(20));
        assertThat(launched).hasSize(1);
        CloudEvent<JsonNode> launch = launched.get(0);
        assertThat(launch.type()).isEqualTo(CampaignChanged.TYPE);
        assertThat(launch.source()).isEqualTo(EventSources.AWARENESS);
        assertThat(launch.subject()).isEqualTo(campaign.toString());
        CampaignChanged launchedState = EventJson.data(launch, CampaignChanged.class);
        assertThat(launchedState.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(launchedState.organizationId()).isEqualTo(owner);
        assertThat(launchedState.slice()).isEqualTo(Slice.ADVOCACY);
        assertThat(launchedState.categoryCode()).isEqualTo("tourism-and-business-engagement");
        assertThat(launchedState.regionCodes()).containsExactly(region);
        assertThat(launchedState.pledgeCount()).isZero();

        String email = "events-" + UUID.randomUUID() + "@example.org";
        pledge(campaign, email);
        pledge(campaign, email);
        pledge(campaign, null);
        transition(owner, campaign, "END");

        List<ConsumerRecord<String, String>> records = KafkaTopics.readUntil(Topic.AWARENESS_CAMPAIGNS, campaign.toString(),
                found -> found.size() >= 4, Duration.ofSeconds(20));
        List<CampaignChanged> states = records.stream()
                .map(record -> EventJson.data(EventJson.read(record.value()), CampaignChanged.class)).toList();
        assertThat(states).extracting(CampaignChanged::status)
                .containsExactly(CampaignStatus.ACTIVE, CampaignStatus.ACTIVE, CampaignStatus.ACTIVE, CampaignStatus.ENDED);
        assertThat(states).extracting(CampaignChanged::pledgeCount).containsExactly(0, 1, 2, 2);
        assertThat(records).allSatisfy(record -> assertThat(record.value()).doesNotContain("@").doesNotContain("GB"));
    }

    /** Referral-service's webhooks tell a campaign's co-sponsors of its changes: the event names those that accepted. */
    @Test
    void aCoSponsorsAcceptancePublishesTheCampaignWithTheCoSponsorsThatAccepted() {
        UUID owner = verifiedMember();
        UUID accepting = verifiedMember();
        UUID invitedOnly = verifiedMember();
        Map<String, Object> body = campaign(region());
        body.put("coSponsors", List.of(accepting.toString(), invitedOnly.toString()));
        UUID campaign = draft(owner, body);
        transition(owner, campaign, "LAUNCH");
        given().auth().oauth2(Tokens.orgAdmin(accepting)).post("/api/awareness/campaigns/{id}/co-sponsorship", campaign)
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = KafkaTopics.readUntil(Topic.AWARENESS_CAMPAIGNS, campaign.toString(),
                found -> found.size() >= 2, Duration.ofSeconds(20));
        List<CampaignChanged> states = records.stream()
                .map(record -> EventJson.data(EventJson.read(record.value()), CampaignChanged.class)).toList();
        assertThat(states).hasSize(2);
        assertThat(states.get(0).coSponsorIds()).as("at launch nobody had accepted").isEmpty();
        assertThat(states.get(1).coSponsorIds()).containsExactly(accepting);
    }

    @Test
    void draftsAndCancelledDraftsPublishNothing() {
        UUID owner = verifiedMember();
        UUID campaign = draft(owner, campaign(region()));
        transition(owner, campaign, "CANCEL");
        UUID other = draft(owner, campaign(region()));
        transition(owner, other, "LAUNCH");
        assertThat(KafkaTopics.eventsFor(Topic.AWARENESS_CAMPAIGNS, other.toString(), events -> !events.isEmpty(),
                Duration.ofSeconds(20))).hasSize(1);
        // Events are relayed in commit order, so the other campaign's launch shows the cancellation would be there by now.
        assertThat(KafkaTopics.eventsFor(Topic.AWARENESS_CAMPAIGNS, campaign.toString(), events -> false,
                Duration.ofSeconds(2))).isEmpty();
    }
}
