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

    private static io.restassured.response.ValidatableResponse withdraw(String token, UUID id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                .delete("/api/referrals/{id}/consent", id).then();
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

        withdraw(Tokens.caseworker(receiver), first).statusCode(200)
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
