package org.mitra.referral.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.referral.ReferralFixtures.consent;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ReferralCreateTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    private static int sentCount(UUID sender) {
        return given().auth().oauth2(Tokens.caseworker(sender)).queryParam("box", "sent").get("/api/referrals")
                .then().statusCode(200).extract().path("totalItems");
    }

    @Test
    void aCaseworkerCreatesADraftFromTheirOwnOrganization() {
        UUID sender = organization(false, "legal-aid");
        UUID receiver = organization(false, SHELTER);
        Map<String, Object> body = request(receiver, SHELTER);
        body.put("sendingOrganizationId", UUID.randomUUID().toString()); // ignored: the sender comes from the token
        create(Tokens.caseworker(sender), body)
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/referrals/[0-9a-f-]{36}"))
                .header("ETag", notNullValue())
                .body("status", equalTo("DRAFT"))
                .body("sendingOrganizationId", equalTo(sender.toString()))
                .body("receivingOrganizationId", equalTo(receiver.toString()))
                .body("slice", equalTo("rehabilitation"))
                .body("ageBand", equalTo("12-17"))
                .body("hasIdentity", equalTo(true))
                .body("identity", nullValue())
                .body("note", org.hamcrest.Matchers.startsWith("Prefers a female caseworker"))
                .body("requestedAt", nullValue())
                .body("allowedActions", contains("submit", "cancel", "mark-entered-in-error"));
    }

    @Test
    void anOrgAdminMaySubmitAtOnce() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        Map<String, Object> body = request(receiver, SHELTER);
        body.put("submit", true);
        body.put("urgency", "EMERGENCY");
        create(Tokens.orgAdmin(sender), body)
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("requestedAt", notNullValue())
                .body("deadline", notNullValue())
                .body("allowedActions", contains("cancel", "mark-entered-in-error"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameReferralOnce() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        Map<String, Object> body = request(receiver, SHELTER);
        String token = Tokens.as("caseworker").org(sender).subject("cw-" + sender).sign();
        String key = "create-" + UUID.randomUUID();
        var created = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/referrals").then().statusCode(201).extract();
        String first = created.path("id");
        assertThat(java.net.URI.create(created.header("Location")).getPath()).isEqualTo("/api/referrals/" + first);
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/referrals").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(created.header("Location")))
                .body("id", equalTo(first));
        assertThat(sentCount(sender)).isEqualTo(1);

        body.put("urgency", "ROUTINE");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/referrals").then().statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        assertThat(sentCount(sender)).isEqualTo(1);
    }

    /**
     * The key's claim records "201 at this Location" before the referral exists (issue 14, executeCreate): another
     * organization using the same key and body gets a referral of its own, never a replay of the first's Location.
     */
    @Test
    void anotherOrganizationsSameKeyAndBodyIsNoReplayOfTheFirstReferral() {
        UUID receiver = organization(false, SHELTER);
        Map<String, Object> body = request(receiver, SHELTER);
        String key = "shared-" + UUID.randomUUID();
        UUID first = organization(false);
        UUID second = organization(false);
        String firstId = given().auth().oauth2(Tokens.caseworker(first)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/referrals").then().statusCode(201).extract().path("id");

        var other = given().auth().oauth2(Tokens.caseworker(second)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/referrals").then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("sendingOrganizationId", equalTo(second.toString())).extract();
        assertThat(other.<String>path("id")).isNotEqualTo(firstId);
        assertThat(other.header("Location")).doesNotContain(firstId);
        assertThat(sentCount(first)).isEqualTo(1);
        assertThat(sentCount(second)).isEqualTo(1);
    }

    /**
     * A create refused after the key was claimed with its expected answer (a SUSPENDED or PENDING sender) leaves no
     * "201 at this Location" behind: the same key again is refused again, never a replay pointing at nothing.
     */
    @Test
    void aRefusedCreateWithAKeyLeavesNoAnswerToReplay() {
        UUID receiver = organization(false, SHELTER);
        for (OrganizationStatus status : List.of(OrganizationStatus.SUSPENDED, OrganizationStatus.PENDING)) {
            UUID sender = organization(status, false);
            String token = Tokens.caseworker(sender);
            String key = "refused-" + UUID.randomUUID();
            int refused = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(request(receiver, SHELTER)).post("/api/referrals").then().contentType("application/problem+json")
                    .extract().statusCode();
            assertThat(refused).as("%s sender", status).isBetween(400, 499);

            given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(request(receiver, SHELTER)).post("/api/referrals").then().statusCode(refused)
                    .header("Idempotent-Replayed", nullValue()).header("Location", nullValue());
        }
    }

    private static void assertRefused(UUID sender, Map<String, Object> body, int status, String field, String message) {
        var response = create(Tokens.caseworker(sender), body).statusCode(status).contentType("application/problem+json");
        if (field != null) {
            response.body("errors.field", hasItem(field)).body("errors.message", hasItem(org.hamcrest.Matchers.containsString(message)));
        }
        assertThat(sentCount(sender)).as("nothing stored").isZero();
    }

    private static Map<String, Object> with(UUID receiver, String category, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = request(receiver, category);
        change.accept(body);
        return body;
    }

    @Test
    void badInputIsRefusedPreciselyAndNothingIsStored() {
        UUID sender = organization(false, SHELTER);
        UUID receiver = organization(false, SHELTER, "medical-care");
        UUID pending = organization(OrganizationStatus.PENDING, false, SHELTER);
        UUID police = organization(true, "removal-from-danger");
        UUID noPolice = organization(false, "removal-from-danger");

        assertRefused(sender, with(receiver, SHELTER, body -> { body.remove("consent"); body.put("submit", true); }),
                400, "consent", "is required to submit");
        assertRefused(sender, with(receiver, SHELTER, body -> body.remove("consent")), 400, "consent", "is required to store an identity");
        assertRefused(sender, with(UUID.randomUUID(), SHELTER, body -> { }), 400, "receivingOrganizationId", "is not an organization");
        assertRefused(sender, with(pending, SHELTER, body -> { }), 400, "receivingOrganizationId", "is not a verified organization");
        assertRefused(sender, with(sender, SHELTER, body -> { }), 400, "receivingOrganizationId", "must be another organization");
        assertRefused(sender, with(receiver, "legal-aid", body -> { }), 400, "receivingOrganizationId", "does not offer category legal-aid");
        assertRefused(sender, with(receiver, SHELTER, body -> body.put("slice", "intervention")), 400, "slice", "belongs to slice rehabilitation");
        assertRefused(sender, with(receiver, "no-such-category", body -> { }), 400, "categoryCode", "is not a known category");
        assertRefused(sender, with(receiver, SHELTER, body -> ((Map<String, Object>) body.get("profile")).put("ageBand", "40-30")),
                400, "profile.ageBand", "must be one of");
        assertRefused(sender, with(receiver, SHELTER, body -> {
            List<Map<String, String>> documents = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                documents.add(Map.of("type", "document-type-" + i + "-".repeat(30), "number", "N".repeat(100)));
            }
            ((Map<String, Object>) body.get("identity")).put("documents", documents);
        }), 400, "identity", "is larger than");
        assertRefused(sender, with(receiver, SHELTER, body -> ((Map<String, Object>) body.get("consent")).put("sharedWith",
                List.of(UUID.randomUUID().toString()))), 400, "consent.sharedWith", "must include the receiving organization");
        assertRefused(sender, with(receiver, SHELTER, body -> ((Map<String, Object>) body.get("consent")).put("shares", List.of("PROFILE"))),
                400, "consent.shares", "must include IDENTITY");
        assertRefused(sender, with(police, "removal-from-danger", body -> body.remove("lawEnforcementReference")),
                400, "lawEnforcementReference", "is required for intervention referrals");
        assertRefused(sender, with(noPolice, "removal-from-danger", body -> { }), 400, "receivingOrganizationId",
                "does not work with law enforcement");
        assertRefused(sender, with(receiver, SHELTER, body -> body.put("urgency", "WHENEVER")), 400, "urgency", "must be one of");
        assertRefused(sender, with(receiver, SHELTER, body -> body.put("receivingServiceId", UUID.randomUUID().toString())),
                400, "receivingServiceId", "is not a service of the receiving organization");
        assertRefused(sender, with(receiver, SHELTER, body -> body.remove("profile")), 400, "profile", "must not be null");
    }

    @Test
    void anInterventionReferralGoesToAnOrganizationThatWorksWithLawEnforcement() {
        UUID sender = organization(false);
        UUID police = organization(true, "removal-from-danger");
        create(Tokens.caseworker(sender), request(police, "removal-from-danger"))
                .statusCode(201)
                .body("slice", equalTo("intervention"))
                .body("lawEnforcementReference.reportNumber", equalTo("LP/B/123/V/2026"));
    }

    @Test
    void submittingADraftWithoutConsentIsRefusedUntilConsentIsRecorded() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        Map<String, Object> body = request(receiver, SHELTER);
        body.remove("consent");
        body.remove("identity");
        body.remove("note");
        String id = create(Tokens.caseworker(sender), body).statusCode(201).body("consent", nullValue()).extract().path("id");
        org.mitra.referral.ReferralFixtures.transition(Tokens.caseworker(sender), UUID.fromString(id), "submit", null, null)
                .statusCode(422)
                .body("type", equalTo("/problems/unprocessable"))
                .body("missing", equalTo("consent"));

        Map<String, Object> consent = consent(receiver);
        given().auth().oauth2(Tokens.caseworker(receiver)).contentType(ContentType.JSON).body(consent)
                .put("/api/referrals/{id}/consent", id).then().statusCode(404);
        given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).body(consent)
                .put("/api/referrals/{id}/consent", id).then().statusCode(200).body("consent.consentedBy", equalTo("SUBJECT"));
        org.mitra.referral.ReferralFixtures.transition(Tokens.caseworker(sender), UUID.fromString(id), "submit", null, null)
                .statusCode(200).body("status", equalTo("REQUESTED"));
    }

    @Test
    void aCallerWithoutAnOrganizationCannotCreate() {
        UUID receiver = organization(false, SHELTER);
        create(Tokens.as("caseworker").sign(), request(receiver, SHELTER)).statusCode(403);
        create(Tokens.coalitionAdmin(), request(receiver, SHELTER)).statusCode(403);
        given().contentType(ContentType.JSON).body(new HashMap<>(request(receiver, SHELTER))).post("/api/referrals")
                .then().statusCode(401);
    }

    @Test
    void aKnownSubjectCanBeReferredAgainByTheSameOrganizationOnly() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER, "medical-care");
        String subject = create(Tokens.caseworker(sender), request(receiver, SHELTER)).statusCode(201).extract().path("subjectId");
        Map<String, Object> again = request(receiver, "medical-care");
        again.remove("identity");
        again.put("subjectId", subject);
        create(Tokens.caseworker(sender), again).statusCode(201).body("subjectId", equalTo(subject)).body("hasIdentity", equalTo(true));

        UUID other = organization(false);
        Map<String, Object> stranger = request(receiver, "medical-care");
        stranger.remove("identity");
        stranger.put("subjectId", subject);
        create(Tokens.caseworker(other), stranger).statusCode(400).body("errors.field", hasItem("subjectId"));
    }
}
