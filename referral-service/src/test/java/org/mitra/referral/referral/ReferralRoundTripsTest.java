package org.mitra.referral.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.request;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mitra.referral.RecordedStatements;
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
}
