package org.mitra.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.consent;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.publish;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

/**
 * Issue 12 item 4: only the staff and partner systems of a VERIFIED organization act on referrals.
 * A sweep over every referral operation a staff member can call, with the token of a suspended (or
 * pending) organization's caseworker, org admin and partner system: every call is a 403
 * {@code organization-not-verified}, none a 2xx. The sweep is checked against the OpenAPI document,
 * so a new operation that the sweep does not cover fails this test.
 */
@QuarkusTest
class SuspendedOrganizationTest {
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final String POLICE = "removal-from-danger";
    private static final String NOT_VERIFIED = "/problems/organization-not-verified";

    /** Operations that are not an organization's: public, or for coalition admins and liaisons only. */
    private static final Set<String> NOT_STAFF_OPERATIONS = Set.of(
            "GET /api/referrals/feeds", "GET /api/referrals/feeds/statistics", "GET /api/referrals/feeds/statistics/{period}",
            "GET /api/referrals/feeds/statistics/{period}.csv", "GET /api/referrals/overdue", "GET /api/referrals/audit",
            "GET /api/referrals/audit/verification");

    /** Referrals in each state the operations need, between a sender and a receiver. */
    record Scene(UUID sender, UUID receiver, UUID draft, UUID submitted, UUID intervention) {
    }

    /** One operation, called for one side of the scene. */
    record Operation(String key, BiFunction<Scene, RequestSpecification, Response> call) {
    }

    private static Map<String, Object> withdrawal() {
        return Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED");
    }

    /** Every staff operation; {@code side} says whose referral state it acts on (sender's draft, receiver's request). */
    private static List<Operation> operations() {
        return List.of(
                new Operation("POST /api/referrals", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(request(scene.receiver(), SHELTER)).post("/api/referrals")),
                new Operation("GET /api/referrals", (scene, call) -> call.queryParam("box", "sent").get("/api/referrals")),
                new Operation("GET /api/referrals?box=received", (scene, call) -> call.queryParam("box", "received")
                        .get("/api/referrals")),
                new Operation("GET /api/referrals/{id}", (scene, call) -> call.get("/api/referrals/{id}", scene.submitted())),
                new Operation("GET /api/referrals/{id}/history", (scene, call) -> call.get("/api/referrals/{id}/history",
                        scene.submitted())),
                new Operation("GET /api/referrals/{id}/identity", (scene, call) -> call.get("/api/referrals/{id}/identity",
                        scene.submitted())),
                new Operation("POST /api/referrals/{id}/transitions", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("action", "submit")).post("/api/referrals/{id}/transitions", scene.draft())),
                new Operation("POST /api/referrals/{id}/transitions (accept)", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("action", "accept")).post("/api/referrals/{id}/transitions", scene.submitted())),
                new Operation("POST /api/referrals/{id}/transitions (cancel)", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("action", "cancel", "reasonCode", "NO_CAPACITY"))
                        .post("/api/referrals/{id}/transitions", scene.submitted())),
                new Operation("PUT /api/referrals/{id}/business-status", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("businessStatus", "POLICE_NOTIFIED"))
                        .put("/api/referrals/{id}/business-status", scene.intervention())),
                new Operation("PUT /api/referrals/{id}/consent", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(consent(scene.receiver())).put("/api/referrals/{id}/consent", scene.draft())),
                new Operation("DELETE /api/referrals/{id}/consent", (scene, call) -> call.contentType(ContentType.JSON)
                        .header("If-Match", "*").body(withdrawal()).delete("/api/referrals/{id}/consent", scene.submitted())),
                new Operation("POST /api/referrals/{id}/forward", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("consent", Map.of("consentedBy", "SUBJECT", "consentedAt", "2026-05-05T10:00:00Z",
                                "shares", List.of("PROFILE"), "mayContact", true)))
                        .post("/api/referrals/{id}/forward", scene.submitted())),
                new Operation("POST /api/referrals/{id}/contact-attempts", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("attemptedAt", "2026-05-05T10:00:00Z", "channel", "PHONE", "reached", false))
                        .post("/api/referrals/{id}/contact-attempts", scene.intervention())),
                new Operation("GET /api/referrals/{id}/contact-attempts", (scene, call) -> call.get(
                        "/api/referrals/{id}/contact-attempts", scene.intervention())),
                new Operation("PUT /api/referrals/{id}/follow-up", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("dueOn", "2026-06-15")).put("/api/referrals/{id}/follow-up", scene.intervention())),
                new Operation("POST /api/referrals/external", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("agency", Map.of("name", "RSUP Prof. Ngoerah", "type", "HOSPITAL", "regionCode", "5171"),
                        "categoryCode", "shelter-and-safe-housing", "regionCode", "5171", "urgency", "HIGH",
                        "profile", Map.of("ageBand", "18-24", "gender", "FEMALE"),
                        "consent", Map.of("consentedBy", "SUBJECT", "consentedAt", "2026-05-05T10:00:00Z",
                                "shares", List.of("PROFILE"), "mayContact", true)))
                        .post("/api/referrals/external")),
                // KPIs: an organization's admins only (a caseworker or partner system is refused by role).
                new Operation("GET /api/referrals/kpis", (scene, call) -> call.get("/api/referrals/kpis")),
                new Operation("GET /api/referrals/kpis.svg", (scene, call) -> call.get("/api/referrals/kpis.svg")),
                new Operation("POST /api/referrals/open", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("categoryCode", "shelter-and-safe-housing", "regionCode", "5171",
                        "profile", Map.of("ageBand", "18-24", "gender", "FEMALE"),
                        "consent", Map.of("consentedBy", "SUBJECT", "consentedAt", "2026-05-05T10:00:00Z",
                                "shares", List.of("PROFILE"), "mayContact", true)))
                        .post("/api/referrals/open")),
                new Operation("GET /api/referrals/offers", (scene, call) -> call.get("/api/referrals/offers")),
                new Operation("GET /api/referrals/offers/{id}", (scene, call) -> call.get("/api/referrals/offers/{id}",
                        scene.submitted())),
                new Operation("POST /api/referrals/offers/{id}/claim", (scene, call) -> call.post(
                        "/api/referrals/offers/{id}/claim", scene.submitted())),
                new Operation("GET /api/referrals/matches", (scene, call) -> call.queryParam("category", SHELTER)
                        .queryParam("region", "5171").get("/api/referrals/matches")),
                // Webhooks: an organization's admins and partner systems only (a caseworker is refused by role).
                new Operation("POST /api/webhooks/subscriptions", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(webhook()).post("/api/webhooks/subscriptions")),
                new Operation("GET /api/webhooks/subscriptions", (scene, call) -> call.get("/api/webhooks/subscriptions")),
                new Operation("GET /api/webhooks/subscriptions/{id}", (scene, call) -> call.get(
                        "/api/webhooks/subscriptions/{id}", UUID.randomUUID())),
                new Operation("PUT /api/webhooks/subscriptions/{id}", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(webhook()).put("/api/webhooks/subscriptions/{id}", UUID.randomUUID())),
                new Operation("DELETE /api/webhooks/subscriptions/{id}", (scene, call) -> call.delete(
                        "/api/webhooks/subscriptions/{id}", UUID.randomUUID())),
                new Operation("POST /api/webhooks/subscriptions/{id}/verification", (scene, call) -> call.post(
                        "/api/webhooks/subscriptions/{id}/verification", UUID.randomUUID())),
                new Operation("POST /api/webhooks/subscriptions/{id}/secret", (scene, call) -> call.post(
                        "/api/webhooks/subscriptions/{id}/secret", UUID.randomUUID())),
                new Operation("GET /api/webhooks/subscriptions/{id}/deliveries", (scene, call) -> call.get(
                        "/api/webhooks/subscriptions/{id}/deliveries", UUID.randomUUID())),
                new Operation("POST /api/webhooks/subscriptions/{id}/deliveries/{messageId}/replay", (scene, call) -> call.post(
                        "/api/webhooks/subscriptions/{id}/deliveries/{messageId}/replay", UUID.randomUUID(), UUID.randomUUID())),
                new Operation("POST /api/webhooks/subscriptions/{id}/replay", (scene, call) -> call.contentType(ContentType.JSON)
                        .body(Map.of("since", "2026-01-01T00:00:00Z")).post("/api/webhooks/subscriptions/{id}/replay",
                                UUID.randomUUID())));
    }

    private static Map<String, Object> webhook() {
        return Map.of("url", "https://partner.example.org/hook", "eventTypes", List.of("referral.received"));
    }

    private static Scene scene() {
        UUID sender = organization(false, SHELTER);
        UUID receiver = organization(true, SHELTER, POLICE);
        Map<String, Object> draft = request(receiver, SHELTER);
        draft.remove("consent");
        draft.remove("identity");
        draft.remove("note");
        UUID draftId = UUID.fromString(ReferralFixtures.create(Tokens.caseworker(sender), draft).statusCode(201)
                .extract().path("id"));
        UUID submitted = referral(sender, receiver, SHELTER, true);
        UUID intervention = referral(sender, receiver, POLICE, true);
        move(sender, receiver, intervention, "accept");
        return new Scene(sender, receiver, draftId, submitted, intervention);
    }

    private static void setStatus(UUID organization, OrganizationStatus status, String... categories) {
        publish(organizationChanged(organization, status, true, List.of("51"), 5, categories));
    }

    private static void assertEveryOperationRefused(Scene scene, UUID organization, String status) {
        for (String role : List.of("caseworker", "org-admin", "partner-app")) {
            String token = Tokens.as(role).org(organization).sign();
            for (Operation operation : operations()) {
                Response response = operation.call().apply(scene, given().auth().oauth2(token));
                assertThat(response.statusCode()).as("%s by the staff of a %s organization", operation.key(), status)
                        .isEqualTo(403);
                if (operation.key().contains(" /api/webhooks") && role.equals("caseworker")
                        || operation.key().contains(" /api/referrals/kpis") && !role.equals("org-admin")
                        || operation.key().endsWith("/claim") && role.equals("partner-app")) {
                    continue; // refused by role, whatever the organization's standing
                }
                assertThat(response.jsonPath().getString("type")).as(operation.key()).isEqualTo(NOT_VERIFIED);
                assertThat(response.jsonPath().getString("organizationStatus")).as(operation.key()).isEqualTo(status);
                assertThat(response.jsonPath().getString("organizationId")).as(operation.key())
                        .isEqualTo(organization.toString());
            }
        }
    }

    @Test
    void aSuspendedSendersStaffCanDoNothingWithItsReferrals() {
        Scene scene = scene();
        setStatus(scene.sender(), OrganizationStatus.SUSPENDED, SHELTER);
        assertEveryOperationRefused(scene, scene.sender(), "SUSPENDED");
        // The receiver, still verified, keeps working on what it received.
        given().auth().oauth2(Tokens.caseworker(scene.receiver())).get("/api/referrals/{id}", scene.submitted())
                .then().statusCode(200);
        // Verified again, the sender's staff act again.
        setStatus(scene.sender(), OrganizationStatus.VERIFIED, SHELTER);
        given().auth().oauth2(Tokens.caseworker(scene.sender())).get("/api/referrals/{id}", scene.submitted())
                .then().statusCode(200);
    }

    @Test
    void aSuspendedReceiversStaffCanDoNothingWithWhatItReceived() {
        Scene scene = scene();
        setStatus(scene.receiver(), OrganizationStatus.SUSPENDED, SHELTER, POLICE);
        assertEveryOperationRefused(scene, scene.receiver(), "SUSPENDED");
    }

    @Test
    void aPendingOrganizationsStaffCanDoNothing() {
        Scene scene = scene();
        UUID pending = organization(OrganizationStatus.PENDING, false, SHELTER);
        assertEveryOperationRefused(scene, pending, "PENDING");
    }

    @Test
    void anOrganizationUnknownToTheDirectoryReadModelIsNotVerified() {
        Scene scene = scene();
        UUID unknown = UUID.randomUUID();
        assertEveryOperationRefused(scene, unknown, "UNKNOWN");
    }

    /** A referral goes only to a verified receiver: when created (ReferralCreateTest) and when submitted. */
    @Test
    void aDraftCannotBeSubmittedToAReceiverSuspendedSinceItWasWritten() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID draft = referral(sender, receiver, SHELTER, false);
        setStatus(receiver, OrganizationStatus.SUSPENDED, SHELTER);
        ReferralFixtures.transition(Tokens.caseworker(sender), draft, "submit", null, null).statusCode(422)
                .body("receivingOrganizationId", org.hamcrest.Matchers.equalTo(receiver.toString()));
        setStatus(receiver, OrganizationStatus.VERIFIED, SHELTER);
        ReferralFixtures.transition(Tokens.caseworker(sender), draft, "submit", null, null).statusCode(200);
    }

    @Test
    void coalitionAdminsKeepTheMetadataOfASuspendedOrganizationsReferrals() {
        Scene scene = scene();
        setStatus(scene.sender(), OrganizationStatus.SUSPENDED, SHELTER);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}", scene.submitted())
                .then().statusCode(200).body("subjectId", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}/history", scene.submitted())
                .then().statusCode(200);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals").then().statusCode(200);
    }

    @Test
    void aSuspensionOnTheDirectoryTopicTakesEffectWithinSeconds() {
        Scene scene = scene();
        String token = Tokens.caseworker(scene.sender());
        given().auth().oauth2(token).queryParam("box", "sent").get("/api/referrals").then().statusCode(200);
        long start = System.nanoTime();
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY,
                organizationChanged(scene.sender(), OrganizationStatus.SUSPENDED, false, List.of("51"), 5, SHELTER)));
        long deadline = start + Duration.ofSeconds(20).toNanos();
        int status = 0;
        String type = null;
        while (System.nanoTime() < deadline) {
            Response response = given().auth().oauth2(token).queryParam("box", "sent").get("/api/referrals");
            status = response.statusCode();
            type = status == 403 ? response.jsonPath().getString("type") : null;
            if (status == 403) {
                break;
            }
            sleep(100);
        }
        assertThat(status).as("the suspended sender's next call").isEqualTo(403);
        assertThat(type).isEqualTo(NOT_VERIFIED);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("suspension on the directory topic refused the sender's next call after %d ms%n", took.toMillis());
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        given().auth().oauth2(token).get("/api/referrals/{id}/identity", scene.submitted()).then().statusCode(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSweepCoversEveryDocumentedOperationOfAnOrganizationsStaff() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(method -> !method.equals("parameters"))
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        documented.removeAll(NOT_STAFF_OPERATIONS);
        Set<String> swept = new TreeSet<>();
        // "POST /api/referrals/{id}/transitions (accept)" and "GET /api/referrals?box=received" sweep variants of one operation.
        operations().forEach(operation -> swept.add(operation.key().replaceFirst(" \\(.*\\)$", "").replaceFirst("\\?.*$", "")));
        assertThat(swept).containsAll(documented);
        for (String operation : documented) {
            String[] methodAndPath = operation.split(" ");
            Map<String, Object> described = (Map<String, Object>) paths.get(methodAndPath[1]).get(methodAndPath[0].toLowerCase());
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) described.get("responses");
            assertThat(responses.get("403").get("description")).as(operation).asString().contains("organization-not-verified");
            assertThat(responses.get("403").get("content")).as(operation).asString().contains("application/problem+json");
            assertThat(responses.keySet()).as(operation).anyMatch(status -> status.startsWith("2"));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
