package org.mitra.referral.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.referral.RecordedStatements;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

/**
 * What made listing and creating referrals slow (issue 14): a query per subject and a key-store round trip per
 * ciphertext shown, and on create the key just made read back from the key store three times and the subject written
 * twice. These count the round trips, never the time.
 */
@QuarkusTest
class ReferralRoundTripsTest {
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final Pattern SELECT_SUBJECT = Pattern.compile("(?is)^select\\b.*\\bfrom subject\\b.*");
    private static final Pattern UPDATE_SUBJECT = Pattern.compile("(?is)^update subject\\b.*");
    private static final Pattern INSERT_REFERRAL = Pattern.compile("(?is)^insert into referral\\b.*");
    private static final Pattern INSERT_HISTORY = Pattern.compile("(?is)^insert into referral_history\\b.*");
    private static final Pattern UPDATE_REFERRAL = Pattern.compile("(?is)^update referral\\b.*");
    private static final Pattern SELECT_CATEGORY = Pattern.compile("(?is)^select\\b.*\\bfrom category\\b.*");
    private static final Pattern SELECT_DIRECTORY_SERVICE = Pattern.compile("(?is)^select\\b.*\\bfrom directory_service\\b.*");
    private static final Pattern SELECT_ORGANIZATION = Pattern.compile("(?is)^select\\b.*\\bfrom directory_organization\\b.*");
    private static final Pattern SELECT_STANDING = Pattern.compile("(?is)^select \\w+\\.status from directory_organization\\b.*");

    @Inject
    @DataSource("keystore")
    AgroalDataSource keyStore;

    @Test
    void aPageOfFiveReferralsReadsTheirSubjectsAndKeysOnceEach() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        for (int i = 0; i < 5; i++) {
            referral(sender, receiver, SHELTER, true);
        }
        String token = Tokens.caseworker(sender);
        AtomicReference<JsonPath> page = new AtomicReference<>();
        long connectionsBefore = keyStore.getMetrics().acquireCount();
        List<String> statements = RecordedStatements.during(() -> page.set(given().auth().oauth2(token)
                .queryParam("box", "sent").get("/api/referrals").then().statusCode(200).extract().jsonPath()));
        long keyStoreConnections = keyStore.getMetrics().acquireCount() - connectionsBefore;

        assertThat(page.get().getList("items.hasIdentity")).containsExactly(true, true, true, true, true);
        assertThat(page.get().getList("items.note", String.class)).hasSize(5).allSatisfy(note -> assertThat(note).isNotBlank());
        assertThat(statements).filteredOn(sql -> SELECT_SUBJECT.matcher(sql).matches()).hasSize(1);
        assertThat(keyStoreConnections).isEqualTo(1);
    }

    @Test
    void creatingAReferralAsksTheKeyStoreOnlyToStoreTheNewKeyAndWritesTheSubjectOnce() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        Map<String, Object> body = request(receiver, SHELTER);
        body.put("submit", true);
        String token = Tokens.caseworker(sender);
        AtomicReference<JsonPath> created = new AtomicReference<>();
        long connectionsBefore = keyStore.getMetrics().acquireCount();
        List<String> statements = RecordedStatements.during(() -> created.set(create(token, body).statusCode(201)
                .extract().jsonPath()));
        long keyStoreConnections = keyStore.getMetrics().acquireCount() - connectionsBefore;

        assertThat(created.get().getBoolean("hasIdentity")).isTrue();
        assertThat(created.get().getString("note")).isEqualTo(body.get("note"));
        assertThat(keyStoreConnections).isEqualTo(1);
        assertThat(statements).noneMatch(sql -> UPDATE_SUBJECT.matcher(sql).matches());
        // The receiver and its services in one query, read once (the sender's standing is a query of its own).
        assertThat(statements).noneMatch(sql -> SELECT_DIRECTORY_SERVICE.matcher(sql).matches());
        assertThat(statements).filteredOn(sql -> SELECT_ORGANIZATION.matcher(sql).matches()
                && !SELECT_STANDING.matcher(sql).matches()).hasSize(1);
    }

    @Test
    void aReferralSubmittedAsItIsCreatedIsWrittenOnceWithItsHistoryAndEvent() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        referral(sender, receiver, SHELTER, true); // the category's slice is read once, then kept
        Map<String, Object> body = request(receiver, SHELTER);
        body.put("submit", true);
        String token = Tokens.caseworker(sender);
        AtomicReference<JsonPath> created = new AtomicReference<>();
        List<String> statements = RecordedStatements.during(() -> created.set(create(token, body).statusCode(201)
                .extract().jsonPath()));

        assertThat(created.get().getString("status")).isEqualTo("REQUESTED");
        assertThat(statements).noneMatch(sql -> SELECT_CATEGORY.matcher(sql).matches());
        assertThat(statements).filteredOn(sql -> INSERT_REFERRAL.matcher(sql).matches()).hasSize(1);
        assertThat(statements).noneMatch(sql -> UPDATE_REFERRAL.matcher(sql).matches());
        // Through Hibernate: the sender's standing, the receiver with its services, then the subject, the referral and
        // its two history entries (create, submit); before, 8: the category's slice read on every create, and the
        // referral inserted as a draft, then updated. The outbox's event and the idempotency record (libs/web's
        // IdempotencyTest) are plain JDBC besides.
        assertThat(statements).filteredOn(sql -> INSERT_HISTORY.matcher(sql).matches()).isNotEmpty();
        assertThat(statements.stream().filter(sql -> !INSERT_HISTORY.matcher(sql).matches())).hasSize(4);
        // Round trips, not statements: the two history entries go in one JDBC batch (issue 14), so 5, before 6 (each
        // history insert alone, as it read its generated position back).
        assertThat(RecordedStatements.roundTrips()).isEqualTo(5);
        String id = created.get().getString("id");
        given().auth().oauth2(token).get("/api/referrals/" + id + "/history").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("create", "submit"))
                .body("toStatus", org.hamcrest.Matchers.contains("DRAFT", "REQUESTED"));
        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.REFERRALS_LIFECYCLE, id, seen -> !seen.isEmpty(),
                Duration.ofSeconds(20));
        assertThat(events).extracting(CloudEvent::type).containsExactly("org.mitra.referral.requested.v1");
        assertThat(EventJson.data(events.get(0), ReferralStatusChanged.class).status()).isEqualTo(ReferralStatus.REQUESTED);
    }

    @Inject
    javax.sql.DataSource referralDatabase;

    private long appliedByWebhooks() {
        try (var connection = referralDatabase.getConnection();
                var count = connection.prepareStatement("SELECT count(*) FROM inbox_event WHERE consumer = 'referral-webhooks'");
                var rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The webhook consumer follows the very events a test's requests make, on the same worker pool: its statements
     * are not the request's. Recorded across a window in which it certainly works, none of them is counted.
     */
    @Test
    void theWebhookConsumersStatementsAreNotCountedAsARequests() {
        UUID sender = organization(false, SHELTER);
        UUID receiver = organization(false, SHELTER);
        long before = appliedByWebhooks();
        List<String> statements = RecordedStatements.during(() -> {
            referral(sender, receiver, SHELTER, true);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (appliedByWebhooks() == before && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        assertThat(appliedByWebhooks()).as("the consumer applied the referral's event meanwhile").isGreaterThan(before);
        assertThat(statements).as("the request's statements").isNotEmpty()
                .noneMatch(sql -> sql.contains("webhook_subscription") || sql.contains("inbox_event"));
    }
}
