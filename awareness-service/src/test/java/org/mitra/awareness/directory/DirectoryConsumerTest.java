package org.mitra.awareness.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.awareness.AwarenessFixtures.await;
import static org.mitra.awareness.AwarenessFixtures.campaign;
import static org.mitra.awareness.AwarenessFixtures.region;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

@QuarkusTest
class DirectoryConsumerTest {

    static OrganizationChanged organization(UUID id, OrganizationStatus status, Instant at) {
        return new OrganizationChanged(id, "org-" + id.toString().substring(0, 8), "Organization " + id.toString().substring(0, 8),
                status, false, List.of("51"), List.of("en", "id"), List.of(), at);
    }

    static DirectoryOrganization stored(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> DirectoryOrganization.<DirectoryOrganization>findById(id));
    }

    static boolean handled(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) DirectoryOrganization.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue() > 0);
    }

    static OrganizationStatus statusOf(UUID id) {
        DirectoryOrganization organization = stored(id);
        return organization == null ? null : organization.status;
    }

    @Test
    void aVerifiedOrganizationFromTheDirectoryMayOwnCampaigns() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(Tokens.orgAdmin(id)).contentType(ContentType.JSON).body(campaign(region()))
                .post("/api/awareness/campaigns").then().statusCode(403);

        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organization(id, OrganizationStatus.VERIFIED, Instant.now())));
        await("the organization in the read model", () -> statusOf(id) == OrganizationStatus.VERIFIED);
        assertThat(stored(id).name).isEqualTo("Organization " + id.toString().substring(0, 8));

        given().auth().oauth2(Tokens.orgAdmin(id)).contentType(ContentType.JSON).body(campaign(region()))
                .post("/api/awareness/campaigns").then().statusCode(201);
    }

    @Test
    void aSuspensionIsFollowedAndAnOlderStateDoesNotUndoIt() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organization(id, OrganizationStatus.VERIFIED, now.minusSeconds(60))));
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organization(id, OrganizationStatus.SUSPENDED, now)));
        await("the suspension", () -> statusOf(id) == OrganizationStatus.SUSPENDED);

        // A replay of the older state (e.g. a consumer reading from scratch before compaction) changes nothing.
        CloudEvent<OrganizationChanged> stale = CloudEvent.of(EventSources.DIRECTORY,
                organization(id, OrganizationStatus.VERIFIED, now.minusSeconds(30)));
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, stale);
        await("the stale event handled", () -> handled(stale.id()));
        assertThat(statusOf(id)).isEqualTo(OrganizationStatus.SUSPENDED);

        given().auth().oauth2(Tokens.orgAdmin(id)).contentType(ContentType.JSON).body(campaign(region()))
                .post("/api/awareness/campaigns").then().statusCode(403);
    }

    @Test
    void theSameEventTwiceIsAppliedOnceAndADeletionRemovesTheOrganization() {
        UUID id = UUID.randomUUID();
        CloudEvent<OrganizationChanged> verified = CloudEvent.of(EventSources.DIRECTORY,
                organization(id, OrganizationStatus.VERIFIED, Instant.now()));
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, verified);
        await("the organization", () -> statusOf(id) == OrganizationStatus.VERIFIED);

        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY, new OrganizationDeleted(id, Instant.now())));
        await("the deletion", () -> stored(id) == null);

        // Redelivery of the first event: the inbox knows it, so the deleted organization does not come back.
        // An older state sent after it (same key, same partition) shows whether it was applied again.
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, verified);
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organization(id, OrganizationStatus.PENDING, verified.data().occurredAt().minusSeconds(3600))));
        await("the older state after the redelivery", () -> statusOf(id) != null);
        assertThat(statusOf(id)).isEqualTo(OrganizationStatus.PENDING);
    }

    @Test
    void poisonRecordsGoToTheDeadLettersAndTheOrganizationBehindThemArrives() {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        KafkaTopics.sendRaw(Topic.DIRECTORY_ORGANIZATIONS, key, "{ not json");
        KafkaTopics.sendRaw(Topic.DIRECTORY_ORGANIZATIONS, key, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/mitra/directory-service\",\"type\":\"" + OrganizationChanged.TYPE
                + "\",\"data\":{\"name\":\"no id, no status\"}}");
        KafkaTopics.sendRaw(Topic.DIRECTORY_ORGANIZATIONS, key, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/mitra/directory-service\",\"type\":\"" + OrganizationChanged.TYPE
                + "\",\"data\":{\"id\":\"" + id + "\",\"status\":\"NOT-A-STATUS\"}}");
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organization(id, OrganizationStatus.VERIFIED, Instant.now())));

        // Same key, same partition: the valid event is only reached past the three poison records.
        await("the organization behind the poison", () -> statusOf(id) == OrganizationStatus.VERIFIED);
        List<ConsumerRecord<String, String>> dead = KafkaTopics.readUntil(Topic.DEAD_LETTERS, key,
                records -> records.size() >= 3, Duration.ofSeconds(20));
        assertThat(dead).hasSize(3).allSatisfy(record -> assertThat(record.headers().lastHeader("dead-letter-reason")).isNotNull());
    }
}
