package org.mitra.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.referral;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventSources;
import org.mitra.events.Slice;
import org.mitra.events.Topic;
import org.mitra.events.awareness.CampaignChanged;
import org.mitra.events.awareness.CampaignStatus;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.referral.ReferralFixtures;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

/**
 * Deliveries end to end: a referral moves through the API, its events travel through Kafka, and a real HTTP receiver
 * verifies every signature with the Standard Webhooks library's verifier. The test profile's retry schedule is
 * 1 s, 2 s, 4 s, 8 s instead of days.
 */
@QuarkusTest
class WebhookDeliveryTest {
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final String PATH = "/api/webhooks/subscriptions";
    private static final List<String> ALL_REFERRAL_TYPES = List.of("referral.received", "referral.accepted",
            "referral.rejected", "referral.in-progress", "referral.on-hold", "referral.completed", "referral.failed",
            "referral.cancelled", "referral.entered-in-error", "referral.consent-withdrawn");

    record Subscription(String id, String secret) {
    }

    static Subscription subscribe(UUID organization, WebhookReceiver receiver, List<String> types) {
        var created = given().auth().oauth2(Tokens.partnerApp(organization)).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", types)).post(PATH).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).extract();
        return new Subscription(created.path("id"), created.path("secret"));
    }

    static void eventually(Duration limit, String what, BooleanSupplier condition) {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Not within " + limit.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String subscriptionStatus(UUID organization, Subscription subscription) {
        return given().auth().oauth2(Tokens.orgAdmin(organization)).get(PATH + "/{id}", subscription.id()).then()
                .statusCode(200).extract().path("status");
    }

    static List<Map<String, Object>> log(UUID organization, Subscription subscription) {
        return given().auth().oauth2(Tokens.orgAdmin(organization)).get(PATH + "/{id}/deliveries", subscription.id())
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    private static List<String> referralIds(WebhookReceiver receiver) {
        return receiver.deliveries.stream().map(received -> received.json().path("data").path("referralId").asText()).toList();
    }

    @Test
    void aReferralsEventsReachItsTwoOrganizationsSignedThinInOrderAndNobodyElse() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        UUID bystander = organization(false, SHELTER);
        try (WebhookReceiver atSender = new WebhookReceiver();
                WebhookReceiver atReceiver = new WebhookReceiver();
                WebhookReceiver atBystander = new WebhookReceiver()) {
            Subscription senders = subscribe(sender, atSender, List.of("referral.accepted", "referral.completed"));
            Subscription receivers = subscribe(receiverOrg, atReceiver, ALL_REFERRAL_TYPES);
            subscribe(bystander, atBystander, ALL_REFERRAL_TYPES);

            UUID id = referral(sender, receiverOrg, SHELTER, true);
            move(sender, receiverOrg, id, "accept", "start", "complete");

            eventually(Duration.ofSeconds(30), "the receiver's four deliveries", () -> atReceiver.deliveries.size() >= 4);
            eventually(Duration.ofSeconds(30), "the sender's two deliveries", () -> atSender.deliveries.size() >= 2);

            assertThat(atReceiver.deliveries).extracting(WebhookReceiver.Received::type)
                    .containsExactly("referral.received", "referral.accepted", "referral.in-progress", "referral.completed");
            assertThat(atSender.deliveries).extracting(WebhookReceiver.Received::type)
                    .containsExactly("referral.accepted", "referral.completed");
            for (WebhookReceiver.Received received : atReceiver.deliveries) {
                received.verify(receivers.secret());
                JsonNode data = received.json().path("data");
                assertThat(data.path("referralId").asText()).isEqualTo(id.toString());
                assertThat(data.path("side").asText()).isEqualTo("RECEIVER");
                assertThat(received.json().path("timestamp").asText()).isNotEmpty();
                // Thin: nothing about the person, the note or the police report travels (the data has exactly these
                // fields; the whole body is searched for the words, not for digits a date or an id may contain).
                assertThat(received.json().fieldNames()).toIterable().containsExactlyInAnyOrder("type", "timestamp", "data");
                assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder("referralId", "status", "side");
                assertThat(received.body()).doesNotContain(SURVIVOR_NAME).doesNotContain("Prefers")
                        .doesNotContain("LP/B/").doesNotContain("FEMALE").doesNotContain("Polda");
                assertThat(received.header("webhook-timestamp")).matches("[0-9]+");
            }
            for (WebhookReceiver.Received received : atSender.deliveries) {
                received.verify(senders.secret());
                assertThat(received.json().path("data").path("side").asText()).isEqualTo("SENDER");
                // The receiver's secret does not sign the sender's deliveries.
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> received.verify(receivers.secret()))
                        .isInstanceOf(AssertionError.class);
            }
            assertThat(atReceiver.acceptedIds()).hasSize(4);
            // The sender's accepted event is the receiver's: same event, same webhook-id.
            assertThat(atSender.deliveries.get(0).header("webhook-id")).isEqualTo(atReceiver.deliveries.get(1).header("webhook-id"));

            List<Map<String, Object>> log = log(receiverOrg, receivers);
            assertThat(log).hasSize(4).allSatisfy(entry -> {
                assertThat(entry.get("status")).isEqualTo("DELIVERED");
                assertThat(entry.get("attempts")).isEqualTo(1);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> attempts = (List<Map<String, Object>>) entry.get("attemptLog");
                assertThat(attempts).hasSize(1);
                assertThat(attempts.get(0).get("statusCode")).isEqualTo(204);
                assertThat(attempts.get(0)).containsKeys("attemptedAt", "latencyMillis");
            });
            assertThat(atBystander.tries).isEmpty();
        }
    }

    @Test
    void aReceiverDownWhileReferralsFlowGetsEveryEventOnceAfterItReturns() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiverOrg, receiver, List.of("referral.received"));
            receiver.stop();
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                sent.add(referral(sender, receiverOrg, SHELTER, true).toString());
            }
            eventually(Duration.ofSeconds(30), "failed tries while the receiver is down", () -> log(receiverOrg, subscription)
                    .stream().anyMatch(entry -> ((Integer) entry.get("attempts")) >= 2));
            assertThat(subscriptionStatus(receiverOrg, subscription)).isEqualTo("ACTIVE");
            receiver.start();
            eventually(Duration.ofSeconds(60), "all 40 deliveries after the receiver returned",
                    () -> new HashSet<>(referralIds(receiver)).size() >= 40);
            assertThat(new HashSet<>(referralIds(receiver))).isEqualTo(sent);
            assertThat(receiver.acceptedIds()).hasSize(40);
            receiver.deliveries.forEach(received -> received.verify(subscription.secret()));
            List<Map<String, Object>> log = given().auth().oauth2(Tokens.orgAdmin(receiverOrg))
                    .queryParam("limit", 200).get(PATH + "/{id}/deliveries", subscription.id()).then().statusCode(200)
                    .extract().jsonPath().getList("");
            assertThat(log).hasSize(40).allSatisfy(entry -> assertThat(entry.get("status")).isEqualTo("DELIVERED"));
            assertThat(log).anySatisfy(entry -> assertThat((Integer) entry.get("attempts")).isGreaterThan(1));
        }
    }

    @Test
    void gone410DisablesTheSubscriptionAndVerifyingAgainDeliversWhatWasHeld() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiverOrg, receiver, List.of("referral.received"));
            receiver.replies = received -> WebhookReceiver.Reply.status(410);
            UUID first = referral(sender, receiverOrg, SHELTER, true);
            eventually(Duration.ofSeconds(30), "disabled by the 410",
                    () -> subscriptionStatus(receiverOrg, subscription).equals("DISABLED"));
            given().auth().oauth2(Tokens.orgAdmin(receiverOrg)).get(PATH + "/{id}", subscription.id()).then()
                    .body("statusReason", org.hamcrest.Matchers.containsString("410"));
            UUID second = referral(sender, receiverOrg, SHELTER, true);
            sleep(Duration.ofSeconds(3));
            assertThat(receiver.tries).hasSize(1); // nothing more goes to a disabled subscription

            receiver.replies = received -> WebhookReceiver.Reply.ok();
            given().auth().oauth2(Tokens.orgAdmin(receiverOrg)).post(PATH + "/{id}/verification", subscription.id())
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
            eventually(Duration.ofSeconds(30), "both referrals delivered", () -> receiver.deliveries.size() >= 2);
            // Order holds per referral; these are two referrals.
            assertThat(referralIds(receiver)).containsExactlyInAnyOrder(first.toString(), second.toString());
        }
    }

    @Test
    void retryAfterOf503IsHonoured() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiverOrg, receiver, List.of("referral.received"));
            List<Instant> tries = new ArrayList<>();
            receiver.replies = received -> {
                tries.add(Instant.now());
                return tries.size() == 1 ? new WebhookReceiver.Reply(503, Map.of("Retry-After", "4"))
                        : WebhookReceiver.Reply.ok();
            };
            referral(sender, receiverOrg, SHELTER, true);
            eventually(Duration.ofSeconds(30), "delivered after the wait", () -> receiver.deliveries.size() == 1);
            // The schedule alone would have tried again after 1 s.
            assertThat(Duration.between(tries.get(0), tries.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(3500));
        }
    }

    @Test
    void aDeliveryFailingThroughTheWholeScheduleFailsDisablesWithTheReasonAndIsSentAfterVerification() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiverOrg, receiver, List.of("referral.received"));
            receiver.replies = received -> WebhookReceiver.Reply.status(500);
            UUID id = referral(sender, receiverOrg, SHELTER, true);
            eventually(Duration.ofSeconds(60), "disabled after the schedule",
                    () -> subscriptionStatus(receiverOrg, subscription).equals("DISABLED"));
            Map<String, Object> entry = log(receiverOrg, subscription).get(0);
            assertThat(entry.get("status")).isEqualTo("FAILED");
            assertThat(entry.get("attempts")).isEqualTo(5); // the first try and the schedule's four
            assertThat(receiver.tries).hasSize(5);
            given().auth().oauth2(Tokens.orgAdmin(receiverOrg)).get(PATH + "/{id}", subscription.id()).then()
                    .body("statusReason", org.hamcrest.Matchers.containsString("failed all 5 tries"))
                    .body("failingSince", org.hamcrest.Matchers.notNullValue());

            receiver.replies = received -> WebhookReceiver.Reply.ok();
            given().auth().oauth2(Tokens.orgAdmin(receiverOrg)).post(PATH + "/{id}/verification", subscription.id())
                    .then().statusCode(200);
            eventually(Duration.ofSeconds(30), "the failed delivery sent after verification", () -> receiver.deliveries.size() == 1);
            assertThat(referralIds(receiver)).containsExactly(id.toString());
        }
    }

    @jakarta.inject.Inject
    WebhookDispatcher dispatcher;

    /** The log keeps a delivered delivery for the retention (30 days); what is still owed is never purged. */
    @Test
    void deliveredDeliveriesLeaveTheLogAfterTheRetentionAndOwedOnesNever() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiverOrg, receiver, List.of("referral.received"));
            referral(sender, receiverOrg, SHELTER, true);
            eventually(Duration.ofSeconds(30), "the first delivered", () -> receiver.deliveries.size() == 1);
            receiver.replies = received -> WebhookReceiver.Reply.status(500);
            referral(sender, receiverOrg, SHELTER, true);
            eventually(Duration.ofSeconds(30), "the second tried", () -> receiver.tries.size() >= 2);

            dispatcher.purgeDelivered(Instant.now().plus(Duration.ofDays(29)));
            assertThat(log(receiverOrg, subscription)).hasSize(2);
            dispatcher.purgeDelivered(Instant.now().plus(Duration.ofDays(31)));
            assertThat(log(receiverOrg, subscription)).singleElement()
                    .satisfies(entry -> assertThat(entry.get("status")).isIn("PENDING", "FAILED"));
        }
    }

    @jakarta.inject.Inject
    javax.sql.DataSource referralDatabase;

    /** Every text the webhook tables hold, as one string per row and column. */
    private List<String> webhookTablesText() {
        List<String> texts = new ArrayList<>();
        try (var connection = referralDatabase.getConnection(); var statement = connection.createStatement()) {
            for (String table : List.of("webhook_subscription", "webhook_delivery", "webhook_attempt", "webhook_organization_status")) {
                try (var rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            Object value = rows.getObject(column);
                            if (value instanceof byte[] bytes) {
                                texts.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                            } else if (value != null) {
                                texts.add(value.toString());
                            }
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    /**
     * Where the person's data could come to rest through webhooks: the deliveries' payloads, the tries' errors, the
     * subscriptions, what the endpoint received (body and headers). A referral carrying the name in its identity and
     * note, the police report number, then every step and a withdrawal of consent: none of it is anywhere.
     */
    @Test
    void noneOfThePersonsDataRestsInTheWebhookTablesOrReachesAnEndpoint() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(true, SHELTER, "removal-from-danger");
        try (WebhookReceiver atReceiver = new WebhookReceiver(); WebhookReceiver atSender = new WebhookReceiver()) {
            subscribe(receiverOrg, atReceiver, ALL_REFERRAL_TYPES);
            subscribe(sender, atSender, ALL_REFERRAL_TYPES);
            UUID id = referral(sender, receiverOrg, "removal-from-danger", true);
            move(sender, receiverOrg, id, "accept", "start");
            ReferralFixtures.transition(Tokens.caseworker(receiverOrg), id, "fail", "NO_CAPACITY", null).statusCode(200);
            String etag = given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then()
                    .statusCode(200).extract().header("ETag");
            given().auth().oauth2(Tokens.caseworker(sender)).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                    .delete("/api/referrals/{id}/consent", id).then().statusCode(200);
            eventually(Duration.ofSeconds(30), "every step at the receiver", () -> atReceiver.deliveries.size() >= 5);
            List<String> received = new ArrayList<>();
            for (WebhookReceiver.Received each : List.of(atReceiver, atSender).stream().flatMap(r -> r.deliveries.stream()).toList()) {
                received.add(each.body());
                received.add(each.headers().toString());
            }
            List<String> stored = webhookTablesText();
            assertThat(stored).anyMatch(text -> text.contains(id.toString())); // the scan sees the deliveries
            for (String secret : List.of(SURVIVOR_NAME, "Prefers a female caseworker", "+62 812 5555 0101", "X1234567",
                    "LP/B/123/V/2026", "Polda Bali", "2010-03-14", "SEXUAL_EXPLOITATION", "psychosocial-care",
                    "NO_LONGER_INTERESTED")) {
                assertThat(stored).as("webhook tables").noneMatch(text -> text.contains(secret));
                assertThat(received).as("what the endpoints received").noneMatch(text -> text.contains(secret));
            }
        }
    }

    /**
     * A draft the sender cancels was never the receiver's: nothing reaches it (nor the sender: a draft makes no event).
     * A rejected referral's outcome reaches the sender; the receiver, which rejected it, hears of nothing after.
     */
    @Test
    void aDraftCancelledBeforeSubmissionReachesNobodyAndARejectionOnlyItsParties() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        UUID bystander = organization(false, SHELTER);
        try (WebhookReceiver atReceiver = new WebhookReceiver(); WebhookReceiver atSender = new WebhookReceiver();
                WebhookReceiver atBystander = new WebhookReceiver()) {
            subscribe(receiverOrg, atReceiver, ALL_REFERRAL_TYPES);
            subscribe(sender, atSender, ALL_REFERRAL_TYPES);
            subscribe(bystander, atBystander, ALL_REFERRAL_TYPES);
            UUID draft = referral(sender, receiverOrg, SHELTER, false);
            ReferralFixtures.transition(Tokens.caseworker(sender), draft, "cancel", "NO_CAPACITY", null).statusCode(200);
            UUID rejected = referral(sender, receiverOrg, SHELTER, true);
            ReferralFixtures.transition(Tokens.caseworker(receiverOrg), rejected, "reject", "NO_CAPACITY", null).statusCode(200);
            eventually(Duration.ofSeconds(30), "the rejection at the sender", () -> atSender.deliveries.stream()
                    .anyMatch(each -> each.type().equals("referral.rejected")));
            eventually(Duration.ofSeconds(30), "the rejected referral at the receiver", () -> atReceiver.deliveries.size() >= 2);
            sleep(Duration.ofSeconds(2));
            assertThat(referralIds(atReceiver)).doesNotContain(draft.toString());
            assertThat(referralIds(atSender)).doesNotContain(draft.toString());
            assertThat(atReceiver.deliveries).extracting(WebhookReceiver.Received::type)
                    .containsExactly("referral.received", "referral.rejected");
            // referral.received is the receiver's news only, even to a sender subscribed to it.
            assertThat(atSender.deliveries).extracting(WebhookReceiver.Received::type).containsExactly("referral.rejected");
            assertThat(atSender.deliveries.get(0).json().path("data").path("reasonCode").asText()).isEqualTo("NO_CAPACITY");
            assertThat(atBystander.tries).isEmpty();
        }
    }

    /** After a referral closed, the receiver may still hold the person's data: a withdrawal of consent reaches it. */
    @Test
    void consentWithdrawnAfterTheReferralClosedReachesBothOrganizations() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver atReceiver = new WebhookReceiver(); WebhookReceiver atSender = new WebhookReceiver()) {
            Subscription receivers = subscribe(receiverOrg, atReceiver, List.of("referral.consent-withdrawn"));
            subscribe(sender, atSender, List.of("referral.consent-withdrawn"));
            UUID id = referral(sender, receiverOrg, SHELTER, true);
            move(sender, receiverOrg, id, "accept", "complete");
            String etag = given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then()
                    .statusCode(200).extract().header("ETag");
            given().auth().oauth2(Tokens.caseworker(sender)).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                    .delete("/api/referrals/{id}/consent", id).then().statusCode(200);
            eventually(Duration.ofSeconds(30), "both told", () -> atReceiver.deliveries.size() == 1 && atSender.deliveries.size() == 1);
            WebhookReceiver.Received told = atReceiver.deliveries.get(0);
            told.verify(receivers.secret());
            assertThat(told.type()).isEqualTo("referral.consent-withdrawn");
            assertThat(told.json().path("data").path("referralId").asText()).isEqualTo(id.toString());
            assertThat(told.json().path("data").path("status").asText()).isEqualTo("COMPLETED");
            assertThat(told.json().path("data").path("side").asText()).isEqualTo("RECEIVER");
            assertThat(told.body()).doesNotContain("NO_LONGER_INTERESTED");
        }
    }

    /** A suspended organization learns nothing while suspended, and loses nothing: its deliveries wait for it. */
    @Test
    void deliveriesToASuspendedOrganizationWaitUntilItIsVerifiedAgain() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiverOrg, receiver, List.of("referral.cancelled"));
            UUID id = referral(sender, receiverOrg, SHELTER, true);
            ReferralFixtures.publish(organizationChanged(receiverOrg, OrganizationStatus.SUSPENDED, false, List.of("51"), 5, SHELTER));
            // The sender withdraws the referral it sent: an event of the suspended receiver's.
            ReferralFixtures.transition(Tokens.caseworker(sender), id, "cancel", "NO_CAPACITY", null).statusCode(200);
            sleep(Duration.ofSeconds(4));
            assertThat(receiver.tries).isEmpty();

            ReferralFixtures.publish(organizationChanged(receiverOrg, OrganizationStatus.VERIFIED, false, List.of("51"), 5, SHELTER));
            eventually(Duration.ofSeconds(30), "the held delivery", () -> receiver.deliveries.size() == 1);
            assertThat(receiver.deliveries.get(0).type()).isEqualTo("referral.cancelled");
            assertThat(referralIds(receiver)).containsExactly(id.toString());
        }
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiverOrg, receiver, List.of("referral.received"));
            String rotated = given().auth().oauth2(Tokens.orgAdmin(receiverOrg)).post(PATH + "/{id}/secret", subscription.id())
                    .then().statusCode(200).extract().path("secret");
            assertThat(rotated).isNotEqualTo(subscription.secret());
            referral(sender, receiverOrg, SHELTER, true);
            eventually(Duration.ofSeconds(30), "the delivery", () -> receiver.deliveries.size() == 1);
            WebhookReceiver.Received received = receiver.deliveries.get(0);
            assertThat(received.header("webhook-signature").split(" ")).hasSize(2);
            received.verify(subscription.secret());
            received.verify(rotated);
        }
    }

    @Test
    void replaySendsOneDeliveryOrEverythingSinceATimeAgainWithTheSameIds() {
        UUID sender = organization(false, SHELTER);
        UUID receiverOrg = organization(false, SHELTER);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiverOrg, receiver, List.of("referral.received"));
            Instant before = Instant.now().minusSeconds(1);
            referral(sender, receiverOrg, SHELTER, true);
            referral(sender, receiverOrg, SHELTER, true);
            eventually(Duration.ofSeconds(30), "two deliveries", () -> receiver.deliveries.size() == 2);
            List<String> ids = receiver.acceptedIds();

            given().auth().oauth2(Tokens.orgAdmin(receiverOrg)).post(PATH + "/{id}/deliveries/{message}/replay",
                    subscription.id(), ids.get(0)).then().statusCode(202).body("queued", equalTo(1));
            eventually(Duration.ofSeconds(30), "the replayed delivery", () -> receiver.deliveries.size() == 3);
            assertThat(receiver.deliveries.get(2).header("webhook-id")).isEqualTo(ids.get(0));

            given().auth().oauth2(Tokens.orgAdmin(receiverOrg)).contentType(ContentType.JSON)
                    .body(Map.of("since", before.toString())).post(PATH + "/{id}/replay", subscription.id())
                    .then().statusCode(202).body("queued", equalTo(2));
            eventually(Duration.ofSeconds(30), "both again", () -> receiver.deliveries.size() == 5);
            assertThat(receiver.acceptedIds()).containsExactlyElementsOf(ids);
            given().auth().oauth2(Tokens.orgAdmin(receiverOrg)).post(PATH + "/{id}/deliveries/{message}/replay",
                    subscription.id(), UUID.randomUUID()).then().statusCode(404);
        }
    }

    @Test
    void anOrganizationsVerificationChangeGoesToThatOrganizationOnly() {
        UUID id = UUID.randomUUID();
        UUID other = organization(false, SHELTER);
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organizationChanged(id, OrganizationStatus.VERIFIED, false, List.of("51"), 5, SHELTER)));
        eventually(Duration.ofSeconds(30), "the organization verified in the read model", () -> given()
                .auth().oauth2(Tokens.orgAdmin(id)).get(PATH).then().extract().statusCode() == 200);
        try (WebhookReceiver own = new WebhookReceiver(); WebhookReceiver stranger = new WebhookReceiver()) {
            Subscription subscription = subscribe(id, own, List.of("organization.verification-changed"));
            subscribe(other, stranger, List.of("organization.verification-changed"));
            KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                    organizationChanged(id, OrganizationStatus.SUSPENDED, false, List.of("51"), 5, SHELTER)));
            eventually(Duration.ofSeconds(30), "the suspension announced", () -> own.deliveries.size() == 1);
            WebhookReceiver.Received received = own.deliveries.get(0);
            received.verify(subscription.secret());
            assertThat(received.type()).isEqualTo("organization.verification-changed");
            assertThat(received.json().path("data").path("organizationId").asText()).isEqualTo(id.toString());
            assertThat(received.json().path("data").path("status").asText()).isEqualTo("SUSPENDED");
            assertThat(received.json().path("data").path("previousStatus").asText()).isEqualTo("VERIFIED");
            // A capacity update that leaves the status alone announces nothing.
            KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                    organizationChanged(id, OrganizationStatus.SUSPENDED, false, List.of("51"), 3, SHELTER)));
            sleep(Duration.ofSeconds(3));
            assertThat(own.tries).hasSize(1);
            assertThat(stranger.tries).isEmpty();
        }
    }

    @Test
    void aCampaignsChangeGoesToItsRunnerAndItsCoSponsorsThatAcceptedOnly() {
        UUID runner = organization(false, SHELTER);
        UUID coSponsor = organization(false, SHELTER);
        UUID invitedOnly = organization(false, SHELTER);
        try (WebhookReceiver atRunner = new WebhookReceiver(); WebhookReceiver atCoSponsor = new WebhookReceiver();
                WebhookReceiver atOther = new WebhookReceiver()) {
            Subscription runners = subscribe(runner, atRunner, List.of("campaign.changed"));
            Subscription coSponsors = subscribe(coSponsor, atCoSponsor, List.of("campaign.changed"));
            subscribe(invitedOnly, atOther, List.of("campaign.changed"));
            UUID campaign = UUID.randomUUID();
            KafkaTopics.send(Topic.AWARENESS_CAMPAIGNS, CloudEvent.of(EventSources.AWARENESS, new CampaignChanged(campaign,
                    runner, CampaignStatus.ACTIVE, Slice.ADVOCACY, "public-awareness", List.of("51"), 2, 17, 140,
                    Instant.now(), List.of(coSponsor))));
            eventually(Duration.ofSeconds(30), "both deliveries", () -> atRunner.deliveries.size() == 1
                    && atCoSponsor.deliveries.size() == 1);
            WebhookReceiver.Received toRunner = atRunner.deliveries.get(0);
            toRunner.verify(runners.secret());
            assertThat(toRunner.type()).isEqualTo("campaign.changed");
            assertThat(toRunner.json().path("data").path("campaignId").asText()).isEqualTo(campaign.toString());
            assertThat(toRunner.json().path("data").path("role").asText()).isEqualTo("RUNNER");
            WebhookReceiver.Received toCoSponsor = atCoSponsor.deliveries.get(0);
            toCoSponsor.verify(coSponsors.secret());
            assertThat(toCoSponsor.json().path("data").path("role").asText()).isEqualTo("CO_SPONSOR");
            // Counts stay in Mitra: the partner reads the campaign with its token.
            assertThat(toRunner.json().path("data").has("pledgeCount")).isFalse();
            sleep(Duration.ofSeconds(2));
            assertThat(atOther.tries).isEmpty();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
