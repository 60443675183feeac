package org.mitra.referral.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

/**
 * Issue 12 item 10: the police report number of an intervention referral is encrypted with the subject's data key,
 * like the note, so crypto-shredding covers it; plaintext left by older versions is encrypted at start.
 */
@QuarkusTest
class ReportNumberTest {
    private static final String POLICE = "removal-from-danger";
    private static final String REPORT = "LP/B/123/V/2026";

    @Inject
    DataSource referralDatabase;

    @Inject
    ReportNumberEncryption encryption;

    /** The referral's row as PostgreSQL prints it (every column), its plaintext column and its ciphertext. */
    private record Row(String text, String plaintext, byte[] ciphertext) {
    }

    private Row row(UUID referral) throws SQLException {
        try (Connection connection = referralDatabase.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT r::text, law_enforcement_report_number, law_enforcement_report_number_ciphertext
                        FROM referral r WHERE id = ?""")) {
            select.setObject(1, referral);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return new Row(rows.getString(1), rows.getString(2), rows.getBytes(3));
            }
        }
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection connection = referralDatabase.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    private static String reportNumber(UUID organization, UUID referral) {
        return given().auth().oauth2(Tokens.caseworker(organization)).get("/api/referrals/{id}", referral).then()
                .statusCode(200).extract().path("lawEnforcementReference.reportNumber");
    }

    private static void withdraw(UUID sender, UUID referral) {
        given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                .delete("/api/referrals/{id}/consent", referral).then().statusCode(200);
    }

    @Test
    void theReportNumberIsStoredEncryptedAndGoneWithTheSubjectsKey() throws SQLException {
        UUID sender = organization(false);
        UUID receiver = organization(true, POLICE);
        UUID id = referral(sender, receiver, POLICE, true);

        Row stored = row(id);
        assertThat(stored.plaintext()).isNull();
        assertThat(stored.ciphertext()).isNotNull();
        assertThat(stored.text()).doesNotContain(REPORT).doesNotContain("123/V/2026");
        assertThat(new String(stored.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(REPORT);
        // Readable as before by the two organizations' staff, never by a coalition admin.
        assertThat(reportNumber(sender, id)).isEqualTo(REPORT);
        assertThat(reportNumber(receiver, id)).isEqualTo(REPORT);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}", id).then().statusCode(200)
                .body("lawEnforcementReference", nullValue());

        withdraw(sender, id);
        // The ciphertext may stay (and lives on in backups), but nothing opens it any more.
        assertThat(encryption.readable(id)).isFalse();
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then().statusCode(200)
                .body("lawEnforcementReference.agency", equalTo("Polda Bali"))
                .body("lawEnforcementReference.reportNumber", nullValue());
        assertThat(row(id).text()).doesNotContain(REPORT);
    }

    @Test
    void plaintextFromOlderVersionsIsEncryptedAtStartOrDroppedWhenTheKeyIsGone() throws SQLException {
        UUID sender = organization(false);
        UUID receiver = organization(true, POLICE);
        UUID live = referral(sender, receiver, POLICE, true);
        UUID withdrawn = referral(sender, receiver, POLICE, true);
        withdraw(sender, withdrawn);
        // As an older version stored them: the number in plaintext, no ciphertext.
        for (UUID id : new UUID[] {live, withdrawn}) {
            sql("UPDATE referral SET law_enforcement_report_number = ?, law_enforcement_report_number_ciphertext = NULL WHERE id = ?",
                    "LP/OLD/" + id, id);
        }

        assertThat(encryption.encryptPlaintext()).isGreaterThanOrEqualTo(2);

        Row migrated = row(live);
        assertThat(migrated.plaintext()).isNull();
        assertThat(migrated.ciphertext()).isNotNull();
        assertThat(migrated.text()).doesNotContain("LP/OLD/");
        assertThat(reportNumber(sender, live)).isEqualTo("LP/OLD/" + live);
        Row dropped = row(withdrawn);
        assertThat(dropped.plaintext()).isNull();
        assertThat(dropped.text()).doesNotContain("LP/OLD/");
        assertThat(reportNumber(sender, withdrawn)).isNull();
        assertThat(encryption.encryptPlaintext()).as("a second run finds nothing").isZero();
    }

    @Test
    void theReceiverLosesTheReportNumberWithItsWindow() {
        UUID sender = organization(false);
        UUID receiver = organization(true, POLICE);
        UUID id = referral(sender, receiver, POLICE, true);
        org.mitra.referral.ReferralFixtures.move(sender, receiver, id, "reject");
        assertThat(reportNumber(receiver, id)).isNull();
        assertThat(reportNumber(sender, id)).isEqualTo(REPORT);
    }

    @Test
    void theReceiverLosesTheReportNumberWhenItRecordsAConsentWithdrawal() {
        UUID sender = organization(false);
        UUID receiver = organization(true, POLICE);
        UUID id = referral(sender, receiver, POLICE, true);
        org.mitra.referral.ReferralFixtures.move(sender, receiver, id, "accept");
        assertThat(reportNumber(receiver, id)).isEqualTo(REPORT);
        withdraw(receiver, id);
        // The referral is cancelled and within the receiver's window after close, but the person withdrew consent.
        assertThat(reportNumber(receiver, id)).isNull();
        assertThat(reportNumber(sender, id)).isEqualTo(REPORT);
    }
}
