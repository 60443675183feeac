package org.mitra.referral.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ConsentWithdrawalTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    @Inject
    DataSource dataSource;

    /** Withdraws with the ETag the caller just read, as a client must (If-Match is required). */
    private static io.restassured.response.ValidatableResponse withdraw(String token, UUID id) {
        String etag = given().auth().oauth2(token).get("/api/referrals/{id}", id).then().extract().header("ETag");
        return withdraw(token, id, etag == null ? "*" : etag);
    }

    private static io.restassured.response.ValidatableResponse withdraw(String token, UUID id, String ifMatch) {
        var call = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"));
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.delete("/api/referrals/{id}/consent", id).then();
    }

    private static String subjectOf(UUID sender, UUID referral) {
        return given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", referral).then().extract().path("subjectId");
    }

    /** Refers the sender's known subject again, to another receiver. */
    private static UUID referAgain(UUID sender, UUID receiver, String subject, String category) {
        Map<String, Object> again = request(receiver, category);
        again.remove("identity");
        again.put("subjectId", subject);
        again.put("submit", true);
        return UUID.fromString(create(Tokens.caseworker(sender), again).statusCode(201).extract().path("id"));
    }

    private static List<Map<String, Object>> audit(UUID referral) {
        return given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("referralId", referral).queryParam("size", 100)
                .get("/api/referrals/audit").then().statusCode(200).extract().path("items");
    }

    @Test
    void aWithdrawalNeedsIfMatchAndNothingHappensWithoutIt() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        withdraw(Tokens.caseworker(sender), id, null).statusCode(428)
                .body("type", equalTo("/problems/precondition-required"));
        withdraw(Tokens.caseworker(sender), id, "\"" + id + "-99\"").statusCode(412);
        withdraw(Tokens.caseworker(receiver), id, null).statusCode(428);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(200);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then()
                .body("status", equalTo("REQUESTED")).body("consentWithdrawn", equalTo(false));
    }

    @Test
    void theReceiverRecordsAWithdrawalForItsOwnOpenReferralOnlyAndShredsNothing() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID third = organization(false, "medical-care");
        UUID ours = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, ours, "accept");
        String subject = subjectOf(sender, ours);
        UUID theirs = referAgain(sender, third, subject, "medical-care");

        withdraw(Tokens.caseworker(receiver), ours).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("consentWithdrawn", equalTo(true))
                .body("hasIdentity", equalTo(false))
                .body("note", nullValue());
        // The receiver no longer reads the identity of that referral.
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}/identity", ours).then().statusCode(403);
        // Nothing was shredded: the referral to a third organization, which the receiver cannot see, goes on.
        given().auth().oauth2(Tokens.caseworker(third)).get("/api/referrals/{id}", theirs).then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("consentWithdrawn", equalTo(false));
        given().auth().oauth2(Tokens.caseworker(third)).get("/api/referrals/{id}/identity", theirs).then().statusCode(200);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", ours).then().statusCode(200);
        // The sender is told: the referral is cancelled for withdrawn consent, by the receiver, and why.
        List<Map<String, Object>> history = given().auth().oauth2(Tokens.caseworker(sender))
                .get("/api/referrals/{id}/history", ours).then().statusCode(200).extract().path("$");
        assertThat(history).anySatisfy(entry -> assertThat(entry).containsEntry("action", "withdraw-consent")
                .containsEntry("organizationId", receiver.toString()).containsEntry("reasonCode", "NO_LONGER_INTERESTED"));
        assertThat(history).anySatisfy(entry -> assertThat(entry).containsEntry("toStatus", "CANCELLED")
                .containsEntry("reasonCode", "CONSENT_WITHDRAWN"));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", ours).then()
                .body("consentWithdrawn", equalTo(true)).body("hasIdentity", equalTo(true));
        // The withdrawal and its reason are audited.
        assertThat(audit(ours)).anySatisfy(entry -> assertThat(entry).containsEntry("action", "CONSENT_WITHDRAWN")
                .containsEntry("outcome", "GRANTED").containsEntry("reasonCode", "NO_LONGER_INTERESTED")
                .containsEntry("organizationId", receiver.toString()));
        // An entry with a reason chains like any other.
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void theReceiverCannotRecordAWithdrawalOnAClosedReferral() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID completed = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, completed, "accept", "complete");
        UUID rejected = referral(sender, receiver, SHELTER, true);
        move(sender, receiver, rejected, "reject");
        for (UUID id : List.of(completed, rejected)) {
            withdraw(Tokens.caseworker(receiver), id).statusCode(409);
            given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(200);
            assertThat(audit(id)).anySatisfy(entry -> assertThat(entry).containsEntry("action", "CONSENT_WITHDRAWN")
                    .containsEntry("outcome", "REFUSED"));
        }
    }

    @Test
    void withdrawingConsentErasesTheIdentityAndCancelsTheSubjectsOpenReferrals() throws Exception {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER, "medical-care");
        UUID first = referral(sender, receiver, SHELTER, true);
        String subject = given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", first).then()
                .extract().path("subjectId");
        Map<String, Object> again = request(receiver, "medical-care");
        again.remove("identity");
        again.put("subjectId", subject);
        again.put("submit", true);
        UUID second = UUID.fromString(create(Tokens.caseworker(sender), again).statusCode(201).extract().path("id"));
        move(sender, receiver, second, "accept", "complete");
        UUID unrelated = referral(sender, receiver, SHELTER, true);

        withdraw(Tokens.caseworker(sender), first).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("consentWithdrawn", equalTo(true))
                .body("hasIdentity", equalTo(false))
                .body("note", nullValue());

        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", first).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.containsString("erased"));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", second).then().statusCode(404);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", second).then()
                .body("status", equalTo("COMPLETED")).body("consentWithdrawn", equalTo(true));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/history", first).then()
                .body("action", hasItem("withdraw-consent"))
                .body("reasonCode", hasItem("CONSENT_WITHDRAWN"))
                .body("reasonCode", hasItem("NO_LONGER_INTERESTED"));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", unrelated).then().statusCode(200);

        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT data_key IS NULL, identity_ciphertext IS NULL, key_destroyed_at IS NOT NULL FROM subject WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(subject));
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(List.of(rows.getBoolean(1), rows.getBoolean(2), rows.getBoolean(3))).containsOnly(true);
            }
        }

        List<String> audit = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("referralId", first)
                .get("/api/referrals/audit").then().statusCode(200).extract().path("items.action");
        assertThat(audit).contains("CONSENT_WITHDRAWN", "IDENTITY_READ");
        assertThat(audit(first)).anySatisfy(entry -> assertThat(entry).containsEntry("action", "CONSENT_WITHDRAWN")
                .containsEntry("reasonCode", "NO_LONGER_INTERESTED").containsEntry("organizationId", sender.toString()));

        // The subject cannot be referred again without new consent, as a new subject.
        Map<String, Object> afterWithdrawal = request(receiver, SHELTER);
        afterWithdrawal.remove("identity");
        afterWithdrawal.put("subjectId", subject);
        create(Tokens.caseworker(sender), afterWithdrawal).statusCode(400).body("errors.field", hasItem("subjectId"));
    }

    @Test
    void onlyTheTwoOrganizationsWithdrawAndTheyMustSayWhoAndWhy() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        withdraw(Tokens.caseworker(organization(false)), id).statusCode(404);
        withdraw(Tokens.coalitionAdmin(), id).statusCode(403);
        given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).body(Map.of("withdrawnBy", "SUBJECT"))
                .delete("/api/referrals/{id}/consent", id).then().statusCode(400).body("errors.field", hasItem("reasonCode"));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(200);
    }
}
