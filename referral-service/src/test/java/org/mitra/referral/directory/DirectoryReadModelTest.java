package org.mitra.referral.directory;

import static io.restassured.RestAssured.given;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.request;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Eventually;
import org.mitra.testkit.Tokens;

@QuarkusTest
class DirectoryReadModelTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    /** Tries to create a referral to the receiver until the status matches; creation has no other effect when refused. */
    private static void awaitCreateStatus(UUID sender, UUID receiver, IntPredicate expected) {
        Eventually.until("the read model follows the directory", () -> {
            var body = request(receiver, SHELTER);
            body.remove("identity");
            body.remove("note");
            return create(Tokens.caseworker(sender), body).extract().statusCode();
        }, expected::test);
    }

    @Test
    void anOrganizationVerifiedInTheDirectoryBecomesAValidReceiverWithinSeconds() {
        UUID sender = organization(false);
        UUID receiver = UUID.randomUUID();
        OrganizationChanged pending = organizationChanged(receiver, OrganizationStatus.PENDING, false, List.of("51"), 3, SHELTER);
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY, pending));
        awaitCreateStatus(sender, receiver, status -> status == 400);
        given().auth().oauth2(Tokens.caseworker(sender)).queryParam("box", "sent").get("/api/referrals")
                .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(0));

        OrganizationChanged verified = new OrganizationChanged(receiver, pending.slug(), pending.name(), OrganizationStatus.VERIFIED,
                false, pending.regionCodes(), pending.languages(), pending.services(), Instant.now());
        CloudEvent<OrganizationChanged> event = CloudEvent.of(EventSources.DIRECTORY, verified);
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, event);
        awaitCreateStatus(sender, receiver, status -> status == 201);
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, event); // a redelivery changes nothing

        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                new OrganizationDeleted(receiver, Instant.now())));
        awaitCreateStatus(sender, receiver, status -> status == 400);
    }

    @Test
    void aSuspendedOrganizationStopsBeingAValidReceiver() {
        UUID sender = organization(false);
        UUID receiver = UUID.randomUUID();
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organizationChanged(receiver, OrganizationStatus.VERIFIED, false, List.of("51"), 3, SHELTER)));
        awaitCreateStatus(sender, receiver, status -> status == 201);
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organizationChanged(receiver, OrganizationStatus.SUSPENDED, false, List.of("51"), 3, SHELTER)));
        awaitCreateStatus(sender, receiver, status -> status == 400);
    }
}
