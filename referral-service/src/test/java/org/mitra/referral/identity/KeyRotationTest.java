package org.mitra.referral.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.referral.referral.Referral;
import org.mitra.testkit.Tokens;

@QuarkusTest
class KeyRotationTest {
    @Inject
    KeyRotation rotation;

    @Inject
    KeyStore keyStore;

    private byte[] dataKeyOf(UUID referral) {
        UUID subject = QuarkusTransaction.requiringNew().call(() -> Referral.<Referral>findById(referral).subjectId);
        return keyStore.find(subject).orElseThrow();
    }

    @Test
    void rewrappingInTheKeyStoreKeepsEveryIdentityReadable() {
        UUID sender = organization(false);
        UUID receiver = organization(false, "legal-aid");
        UUID id = referral(sender, receiver, "legal-aid", true);
        byte[] before = dataKeyOf(id);

        assertThat(rotation.rewrapAll()).isPositive();

        assertThat(dataKeyOf(id)).isNotEqualTo(before);
        given().auth().oauth2(Tokens.caseworker(receiver)).get("/api/referrals/{id}/identity", id).then().statusCode(200)
                .body("fullName", equalTo(SURVIVOR_NAME));
    }

    @Inject
    @io.quarkus.agroal.DataSource("keystore")
    javax.sql.DataSource keyStoreDatabase;

    private byte[] wrappedAuditKey() throws java.sql.SQLException {
        try (var connection = keyStoreDatabase.getConnection();
                var select = connection.prepareStatement("SELECT wrapped FROM audit_chain_key WHERE id = 1");
                var rows = select.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getBytes(1);
        }
    }

    /** The audit chain's key is wrapped by the same keyset: a rotation re-wraps it too, and the chain still verifies. */
    @Test
    void rewrappingAlsoRewrapsTheAuditChainsKey() throws Exception {
        UUID sender = organization(false);
        UUID receiver = organization(false, "legal-aid");
        UUID id = referral(sender, receiver, "legal-aid", true);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(200);
        byte[] before = wrappedAuditKey();

        rotation.rewrapAll();

        assertThat(wrappedAuditKey()).isNotEqualTo(before);
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}/identity", id).then().statusCode(200);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Inject
    javax.sql.DataSource referralDatabase;

    @Inject
    org.mitra.referral.webhook.WebhookSigning signing;

    /** The webhook secrets are wrapped by the same keyset: a rotation re-wraps them, and they still open to the same secret. */
    @Test
    void rewrappingAlsoRewrapsTheWebhookSecrets() throws Exception {
        UUID organization = organization(false);
        UUID id = UUID.randomUUID();
        String secret = org.mitra.referral.webhook.WebhookSigning.newSecret();
        QuarkusTransaction.requiringNew().run(() -> {
            org.mitra.referral.webhook.WebhookSubscription subscription = new org.mitra.referral.webhook.WebhookSubscription();
            subscription.id = id;
            subscription.organizationId = organization;
            subscription.url = "https://cases.example.org/hook";
            subscription.eventTypes = "referral.received";
            subscription.status = org.mitra.referral.webhook.WebhookSubscription.Status.ACTIVE;
            subscription.secretWrapped = signing.wrap(id, secret, false);
            subscription.previousSecretWrapped = signing.wrap(id, secret, true);
            subscription.createdBy = "test";
            subscription.createdAt = java.time.Instant.now();
            subscription.updatedAt = subscription.createdAt;
            subscription.persist();
        });
        byte[][] before = wrappedWebhookSecrets(id);

        rotation.rewrapAll();

        byte[][] after = wrappedWebhookSecrets(id);
        assertThat(after[0]).isNotEqualTo(before[0]);
        assertThat(after[1]).isNotEqualTo(before[1]);
        assertThat(signing.unwrap(id, after[0], false)).isEqualTo(secret);
        assertThat(signing.unwrap(id, after[1], true)).isEqualTo(secret);
    }

    private byte[][] wrappedWebhookSecrets(UUID id) throws java.sql.SQLException {
        try (var connection = referralDatabase.getConnection();
                var select = connection.prepareStatement(
                        "SELECT secret_wrapped, previous_secret_wrapped FROM webhook_subscription WHERE id = ?")) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return new byte[][] {rows.getBytes(1), rows.getBytes(2)};
            }
        }
    }
}
