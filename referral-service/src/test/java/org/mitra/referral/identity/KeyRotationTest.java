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
}
