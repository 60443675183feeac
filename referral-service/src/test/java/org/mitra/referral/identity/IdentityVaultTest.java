package org.mitra.referral.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
class IdentityVaultTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    @Inject
    DataSource dataSource;

    @Inject
    Vault vault;

    @Inject
    @io.quarkus.agroal.DataSource("keystore")
    DataSource keyStore;

    private List<Map<String, Object>> auditOf(UUID referral) {
        return given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("referralId", referral).queryParam("size", 100)
                .get("/api/referrals/audit").then().statusCode(200).extract().path("items");
    }

    @Test
    void theTwoOrganizationsReadTheIdentityAndEveryReadAndRefusalIsAudited() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);

        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("fullName", equalTo(SURVIVOR_NAME))
                .body("dateOfBirth", equalTo("2010-03-14"))
                .body("documents[0].number", equalTo("X1234567"));
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}/identity", id).then().statusCode(200)
                .body("fullName", equalTo(SURVIVOR_NAME));
        given().auth().oauth2(Tokens.caseworker(organization(false))).get("/api/referrals/{id}/identity", id).then().statusCode(404);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}/identity", id).then().statusCode(403);
        given().auth().oauth2(Tokens.govLiaison()).get("/api/referrals/{id}/identity", id).then().statusCode(404);

        List<Map<String, Object>> audit = auditOf(id);
        assertThat(audit).hasSize(5);
        assertThat(audit).extracting(entry -> entry.get("action")).containsOnly("IDENTITY_READ");
        assertThat(audit).extracting(entry -> entry.get("outcome"))
                .containsExactlyInAnyOrder("GRANTED", "GRANTED", "REFUSED", "REFUSED", "REFUSED");
        assertThat(audit).extracting(entry -> entry.get("organizationId")).contains(sender.toString(), receiver.toString());
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.get("actor")).isNotNull();
            assertThat(entry.get("occurredAt")).isNotNull();
            assertThat(entry.get("referralId")).isEqualTo(id.toString());
        });
    }

    @Test
    void theDatabaseAloneShowsNoNameNoteOrDocument() throws Exception {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        StringBuilder everything = new StringBuilder();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("""
                        SELECT r::text, s::text, encode(s.identity_ciphertext, 'escape'), encode(r.note_ciphertext, 'escape')
                        FROM referral r JOIN subject s ON s.id = r.subject_id WHERE r.id = ?""")) {
            statement.setObject(1, id);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                for (int column = 1; column <= 4; column++) {
                    everything.append(rows.getString(column)).append('\n');
                }
            }
        }
        assertThat(everything.toString()).doesNotContain("Sulastri", "Kadek", "X1234567", "2010-03-14", "+62 812", "female caseworker");
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT string_agg(h::text, ' ') FROM referral_history h WHERE referral_id = ?")) {
            statement.setObject(1, id);
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getString(1)).doesNotContain("Sulastri");
            }
        }
    }

    @Test
    void aCiphertextCopiedToAnotherRowDoesNotDecrypt() {
        UUID subjectId = UUID.randomUUID();
        byte[] key = vault.newDataKey(subjectId);
        byte[] ciphertext = vault.encrypt(subjectId, key, "secret".getBytes(StandardCharsets.UTF_8),
                new Vault.CipherPlace("subject", "identity_ciphertext", subjectId));
        assertThatThrownBy(() -> vault.decrypt(subjectId, key, ciphertext,
                new Vault.CipherPlace("subject", "identity_ciphertext", UUID.randomUUID()))).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> vault.decrypt(subjectId, key, ciphertext,
                new Vault.CipherPlace("referral", "note_ciphertext", subjectId))).isInstanceOf(GeneralSecurityException.class);
        // A data key moved to another subject does not unwrap either.
        assertThatThrownBy(() -> vault.decrypt(UUID.randomUUID(), key, ciphertext,
                new Vault.CipherPlace("subject", "identity_ciphertext", subjectId))).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anIdentityCopiedIntoAnotherSubjectsRowIsUnreadable() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID victim = referral(sender, receiver, SHELTER, true);
        UUID other = referral(sender, receiver, SHELTER, true);
        UUID victimSubject = QuarkusTransaction.requiringNew().call(() -> org.mitra.referral.referral.Referral
                .<org.mitra.referral.referral.Referral>findById(victim).subjectId);
        UUID otherSubject = QuarkusTransaction.requiringNew().call(() -> org.mitra.referral.referral.Referral
                .<org.mitra.referral.referral.Referral>findById(other).subjectId);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Subject.getEntityManager();
            em.createNativeQuery("""
                    UPDATE subject SET identity_ciphertext = (SELECT s.identity_ciphertext FROM subject s WHERE s.id = ?1)
                    WHERE id = ?2""")
                    .setParameter(1, victimSubject).setParameter(2, otherSubject).executeUpdate();
        });
        // The victim's data key copied over the other subject's key in the key store does not open either.
        try (var connection = keyStore.getConnection();
                var statement = connection.prepareStatement(
                        "UPDATE data_key SET wrapped = (SELECT wrapped FROM data_key WHERE subject_id = ?) WHERE subject_id = ?")) {
            statement.setObject(1, victimSubject);
            statement.setObject(2, otherSubject);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", other).then().statusCode(500)
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Sulastri")));
    }
}
