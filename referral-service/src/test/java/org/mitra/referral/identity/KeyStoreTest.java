package org.mitra.referral.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;

import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.referral.KeyStoreTestResource;
import org.mitra.testkit.TestInfrastructure;
import org.mitra.testkit.Tokens;

/** Crypto-shredding that holds for backups: the keys live in a database of their own, never in the referral database. */
@QuarkusTest
class KeyStoreTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    @Inject
    javax.sql.DataSource referralDatabase;

    @Inject
    @DataSource("keystore")
    javax.sql.DataSource keyStoreDatabase;

    @Inject
    KeyStoreStartup startup;

    @Inject
    Vault vault;

    @Inject
    IdentityVault identityVault;

    private static UUID subjectOf(UUID sender, UUID referral) {
        return UUID.fromString(given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", referral).then()
                .statusCode(200).extract().path("subjectId"));
    }

    private static long count(javax.sql.DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int update(javax.sql.DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static void withdraw(UUID sender, UUID referral) {
        given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                .delete("/api/referrals/{id}/consent", referral).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void theReferralDatabaseHoldsNoKeyMaterialWhileBothOrganizationsReadTheIdentity() throws SQLException {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        UUID subject = subjectOf(sender, id);

        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(200)
                .body("fullName", equalTo(SURVIVOR_NAME));
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}/identity", id).then().statusCode(200)
                .body("fullName", equalTo(SURVIVOR_NAME));

        assertThat(count(referralDatabase, "SELECT count(*) FROM subject WHERE data_key IS NOT NULL")).isZero();
        assertThat(count(referralDatabase, "SELECT count(*) FROM subject WHERE id = ? AND identity_ciphertext IS NOT NULL", subject))
                .isEqualTo(1);
        assertThat(count(keyStoreDatabase, "SELECT count(*) FROM data_key WHERE subject_id = ?", subject)).isEqualTo(1);
    }

    @Test
    void aRestoredBackupOfTheReferralDatabaseCannotBringBackAWithdrawnIdentity() throws Exception {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        UUID subject = subjectOf(sender, id);

        // The backup: the subject's and the referral's rows as they were before the withdrawal.
        byte[] backupCiphertext;
        byte[] backupDataKey;
        long backupSubjectVersion;
        String backupStatus;
        long backupReferralVersion;
        Timestamp backupUpdatedAt;
        try (Connection connection = referralDatabase.getConnection();
                PreparedStatement subjects = connection.prepareStatement(
                        "SELECT identity_ciphertext, data_key, version FROM subject WHERE id = ?");
                PreparedStatement referrals = connection.prepareStatement("SELECT status, version, updated_at FROM referral WHERE id = ?")) {
            subjects.setObject(1, subject);
            try (ResultSet rows = subjects.executeQuery()) {
                assertThat(rows.next()).isTrue();
                backupCiphertext = rows.getBytes(1);
                backupDataKey = rows.getBytes(2);
                backupSubjectVersion = rows.getLong(3);
            }
            referrals.setObject(1, id);
            try (ResultSet rows = referrals.executeQuery()) {
                assertThat(rows.next()).isTrue();
                backupStatus = rows.getString(1);
                backupReferralVersion = rows.getLong(2);
                backupUpdatedAt = rows.getTimestamp(3);
            }
        }
        assertThat(backupCiphertext).isNotNull();
        assertThat(backupDataKey).as("the backup holds no key").isNull();
        assertThat(backupStatus).isEqualTo("REQUESTED");

        withdraw(sender, id);
        assertThat(count(keyStoreDatabase, "SELECT count(*) FROM shredded_subject WHERE subject_id = ?", subject)).isEqualTo(1);

        // The restore: the referral database comes back from the backup.
        assertThat(update(referralDatabase, "UPDATE subject SET identity_ciphertext = ?, key_destroyed_at = NULL, version = ? WHERE id = ?",
                backupCiphertext, backupSubjectVersion, subject)).isEqualTo(1);
        assertThat(update(referralDatabase, """
                UPDATE referral SET status = ?, consent_withdrawn_at = NULL, consent_withdrawn_by = NULL,
                    consent_withdrawal_reason = NULL, closed_at = NULL, version = ?, updated_at = ? WHERE id = ?""",
                backupStatus, backupReferralVersion, backupUpdatedAt, id)).isEqualTo(1);

        // The identity reads as withdrawn, and that refusal is audited.
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(404)
                .body("detail", containsString("erased"));
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then().statusCode(200)
                .body("hasIdentity", equalTo(false));
        List<String> outcomes = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("referralId", id).queryParam("size", 100)
                .get("/api/referrals/audit").then().statusCode(200).extract().path("items.outcome");
        assertThat(outcomes).contains("UNAVAILABLE");

        // No data key for the subject exists anywhere: not in the backup, not in the key store; with the
        // configured key-encryption keyset alone, the restored ciphertext does not decrypt.
        assertThat(count(keyStoreDatabase, "SELECT count(*) FROM data_key WHERE subject_id = ?", subject)).isZero();
        assertThat(count(referralDatabase, "SELECT count(*) FROM subject WHERE data_key IS NOT NULL")).isZero();
        Vault.CipherPlace place = IdentityVault.identityPlace(subject);
        assertThatThrownBy(() -> vault.decrypt(subject, vault.newDataKey(subject), backupCiphertext, place))
                .isInstanceOf(GeneralSecurityException.class);
        // Referring the subject again is refused as after a withdrawal.
        Map<String, Object> again = org.mitra.referral.ReferralFixtures.request(receiver, SHELTER);
        again.remove("identity");
        again.put("subjectId", subject.toString());
        org.mitra.referral.ReferralFixtures.create(Tokens.caseworker(sender), again).statusCode(400);

        // An older backup, from before the key store, would also carry the key: it never moves back.
        assertThat(update(referralDatabase, "UPDATE subject SET data_key = ? WHERE id = ?", vault.newDataKey(subject), subject)).isEqualTo(1);
        startup.moveKeysToKeyStore();
        assertThat(count(keyStoreDatabase, "SELECT count(*) FROM data_key WHERE subject_id = ?", subject)).isZero();
        assertThat(count(referralDatabase, "SELECT count(*) FROM subject WHERE id = ? AND data_key IS NOT NULL", subject)).isZero();

        // The start-up job erases the restored ciphertext again and cancels the restored open referral.
        assertThat(startup.reapplyShredLedger()).isPositive();
        assertThat(count(referralDatabase,
                "SELECT count(*) FROM subject WHERE id = ? AND identity_ciphertext IS NULL AND key_destroyed_at IS NOT NULL", subject))
                .isEqualTo(1);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", id).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("consentWithdrawn", equalTo(true));
        List<String> reasons = given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/history", id).then()
                .statusCode(200).extract().path("reasonCode");
        assertThat(reasons).contains("CONSENT_WITHDRAWN");
        // Idempotent: a second run finds nothing left for this subject.
        startup.reapplyShredLedger();
        assertThat(count(referralDatabase, "SELECT count(*) FROM subject WHERE id = ? AND identity_ciphertext IS NOT NULL", subject)).isZero();
    }

    @Test
    void aRestoredBackupOfTheKeyStoreLosesTheKeysOfLaterWithdrawalsAtStart() throws Exception {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        UUID subject = subjectOf(sender, id);
        byte[] backupKey;
        try (Connection connection = keyStoreDatabase.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT wrapped FROM data_key WHERE subject_id = ?")) {
            statement.setObject(1, subject);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                backupKey = rows.getBytes(1);
            }
        }

        withdraw(sender, id);
        // The key store comes back from a backup taken before the withdrawal: as its owner, who alone may switch the
        // ledger's append-only trigger off (the service's role may not delete from the ledger at all).
        try (Connection owner = TestInfrastructure.ownerConnection(KeyStoreTestResource.DATABASE);
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("ALTER TABLE shredded_subject DISABLE TRIGGER shredded_subject_append_only");
            statement.execute("DELETE FROM shredded_subject WHERE subject_id = '" + subject + "'");
            statement.execute("ALTER TABLE shredded_subject ENABLE TRIGGER shredded_subject_append_only");
            owner.commit();
        }
        update(keyStoreDatabase, "INSERT INTO data_key (subject_id, wrapped, created_at) VALUES (?, ?, now())", subject, backupKey);
        // Even before the start-up job, the referral database's own record of the withdrawal keeps the identity closed.
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(404)
                .body("detail", containsString("erased"));

        assertThat(startup.reapplyReferralErasures()).isPositive();

        assertThat(count(keyStoreDatabase, "SELECT count(*) FROM data_key WHERE subject_id = ?", subject)).isZero();
        assertThat(count(keyStoreDatabase, "SELECT count(*) FROM shredded_subject WHERE subject_id = ?", subject)).isEqualTo(1);
        // Idempotent.
        startup.reapplyReferralErasures();
        assertThat(count(keyStoreDatabase, "SELECT count(*) FROM data_key WHERE subject_id = ?", subject)).isZero();
    }

    @Test
    void aKeyLeftInTheReferralDatabaseByAnOlderInstallationMovesToTheKeyStore() throws Exception {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        UUID subject = subjectOf(sender, id);

        // As the code before the key store did: the wrapped key in subject.data_key, the identity encrypted with it.
        byte[] oldKey = vault.newDataKey(subject);
        Identity identity = new Identity("Ni Luh Older Installation", LocalDate.of(2009, 1, 2), null, null);
        byte[] ciphertext = vault.encrypt(subject, oldKey, identityVault.serialize(identity), IdentityVault.identityPlace(subject));
        assertThat(update(keyStoreDatabase, "DELETE FROM data_key WHERE subject_id = ?", subject)).isEqualTo(1);
        assertThat(update(referralDatabase, "UPDATE subject SET data_key = ?, identity_ciphertext = ? WHERE id = ?",
                oldKey, ciphertext, subject)).isEqualTo(1);

        assertThat(startup.moveKeysToKeyStore()).isPositive();

        assertThat(count(referralDatabase, "SELECT count(*) FROM subject WHERE data_key IS NOT NULL")).isZero();
        try (Connection connection = keyStoreDatabase.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT wrapped FROM data_key WHERE subject_id = ?")) {
            statement.setObject(1, subject);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBytes(1)).isEqualTo(oldKey);
            }
        }
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}/identity", id).then().statusCode(200)
                .body("fullName", equalTo("Ni Luh Older Installation"));
        // Idempotent: nothing left to move.
        assertThat(startup.moveKeysToKeyStore()).isZero();
    }
}
