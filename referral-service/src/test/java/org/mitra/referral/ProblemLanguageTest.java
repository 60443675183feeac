package org.mitra.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.publish;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.request;
import static org.mitra.referral.ReferralFixtures.transition;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.problems.ProblemMessages;
import org.mitra.testkit.Tokens;

/** The referral API's own problem details and messages in Bahasa Indonesia when Accept-Language asks for it. */
@QuarkusTest
class ProblemLanguageTest {
    static final String PROBLEM = "application/problem+json";
    static final String SHELTER = "shelter-and-safe-housing";
    static final String REPORT_NUMBER = "LP/B/123/V/2026";

    @Test
    void everyDetailAndMessageOfTheServiceIsTranslated() {
        assertThat(ReferralMessages.MESSAGES.incompleteness()).isEmpty();
        assertThat(ProblemMessages.named("ValidationMessages", getClass().getClassLoader()).incompleteness()).isEmpty();
    }

    @Test
    void anUnknownReferralIsNotFoundInIndonesian() {
        UUID caller = organization(false);
        UUID id = UUID.randomUUID();
        given().auth().oauth2(Tokens.caseworker(caller)).header("Accept-Language", "id-ID, en;q=0.5")
                .get("/api/referrals/{id}", id).then()
                .statusCode(404)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Tidak ditemukan"))
                .body("detail", equalTo("Rujukan " + id + " tidak ditemukan"));
        given().auth().oauth2(Tokens.caseworker(caller)).get("/api/referrals/{id}", id).then()
                .statusCode(404)
                .header("Content-Language", "en")
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("Referral " + id + " does not exist"));
    }

    @Test
    void aReferralRequestsConstraintMessagesAreTranslatedAndNeverRepeatTheValue() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        Map<String, Object> body = request(receiver, SHELTER);
        body.put("regionCode", "Denpasar " + SURVIVOR_NAME);
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) body.get("profile");
        profile.put("nationality", SURVIVOR_NAME);
        profile.put("languages", List.of("Bahasa " + SURVIVOR_NAME));
        String answer = given().auth().oauth2(Tokens.caseworker(sender)).header("Accept-Language", "id")
                .contentType(ContentType.JSON).body(body).post("/api/referrals").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("title", equalTo("Permintaan tidak valid"))
                .body("detail", equalTo("3 kolom tidak valid"))
                .body("errors.message", containsInAnyOrder("harus berupa kode wilayah seperti 51 atau 5171",
                        "harus berupa kode ISO 3166-1 alpha-2 seperti ID", "harus berupa kode bahasa BCP 47 seperti id atau en"))
                .extract().asString();
        assertThat(answer).doesNotContain("Kadek", "Sulastri", "Denpasar", "female caseworker", REPORT_NUMBER);
        create(Tokens.caseworker(sender), body)
                .statusCode(400)
                .header("Content-Language", "en")
                .body("detail", equalTo("3 fields are not valid"))
                .body("errors.message", containsInAnyOrder("must be a region code such as 51 or 5171",
                        "must be an ISO 3166-1 alpha-2 code such as ID", "must be a BCP 47 language code such as id or en"));
    }

    @Test
    void aReferralRequestsDirectoryChecksAreNamedInIndonesian() {
        UUID sender = organization(false);
        UUID receiver = organization(false, "legal-aid");
        Map<String, Object> body = request(receiver, "police-report-and-investigation");
        body.remove("lawEnforcementReference");
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) body.get("profile");
        profile.put("ageBand", "sixteen");
        String answer = given().auth().oauth2(Tokens.caseworker(sender)).header("Accept-Language", "id")
                .contentType(ContentType.JSON).body(body).post("/api/referrals").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("detail", equalTo("4 kolom tidak valid"))
                .body("errors.field", containsInAnyOrder("receivingOrganizationId", "receivingOrganizationId",
                        "lawEnforcementReference", "profile.ageBand"))
                .body("errors.message", containsInAnyOrder("tidak menawarkan kategori police-report-and-investigation",
                        "tidak bekerja sama dengan penegak hukum, padahal hal itu disyaratkan untuk rujukan intervensi",
                        "wajib diisi untuk rujukan intervensi",
                        "harus salah satu dari [0-11, 12-17, 18-24, 25-34, 35-49, 50+, unknown]"))
                .extract().asString();
        assertThat(answer).doesNotContain("Kadek", "female caseworker", "sixteen");
        create(Tokens.caseworker(sender), body)
                .statusCode(400)
                .header("Content-Language", "en")
                .body("errors.message", containsInAnyOrder("does not offer category police-report-and-investigation",
                        "does not work with law enforcement, which intervention referrals require",
                        "is required for intervention referrals",
                        "must be one of [0-11, 12-17, 18-24, 25-34, 35-49, 50+, unknown]"));
    }

    @Test
    void anInvalidTransitionIsRefusedInIndonesian() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        given().auth().oauth2(Tokens.caseworker(receiver)).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(Map.of("action", "start")).post("/api/referrals/{id}/transitions", id).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("title", equalTo("Perubahan status tidak diizinkan"))
                .body("detail", equalTo("Tindakan start tidak dapat dilakukan dari status REQUESTED"))
                .body("currentState", equalTo("REQUESTED"));
        transition(Tokens.caseworker(receiver), id, "start", null, null)
                .statusCode(409)
                .header("Content-Language", "en")
                .body("detail", equalTo("Cannot start from state REQUESTED"));
        given().auth().oauth2(Tokens.caseworker(sender)).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(Map.of("action", "accept")).post("/api/referrals/{id}/transitions", id).then()
                .statusCode(403)
                .header("Content-Language", "id")
                .body("title", equalTo("Akses ditolak"))
                .body("detail", equalTo("Hanya organisasi penerima yang boleh melakukan tindakan accept pada rujukan " + id));
        transition(Tokens.caseworker(sender), id, "accept", null, null)
                .statusCode(403)
                .body("detail", equalTo("Only the receiving organization may accept referral " + id));
    }

    @Test
    void aForwardOfAnOpenReferralIsRefusedInIndonesian() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        Map<String, Object> forward = Map.of("consent", Map.of("consentedBy", "SUBJECT",
                "consentedAt", Instant.now().minusSeconds(60).toString(), "shares", List.of("PROFILE"), "mayContact", true));
        given().auth().oauth2(Tokens.caseworker(sender)).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(forward).post("/api/referrals/{id}/forward", id).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("title", equalTo("Perubahan status tidak diizinkan"))
                .body("detail", equalTo("Tindakan forward tidak dapat dilakukan dari status REQUESTED"));
        given().auth().oauth2(Tokens.caseworker(receiver)).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(forward).post("/api/referrals/{id}/forward", id).then()
                .statusCode(403)
                .header("Content-Language", "id")
                .body("detail", equalTo("Hanya organisasi pengirim yang boleh meneruskan rujukan " + id));
        given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON)
                .body(forward).post("/api/referrals/{id}/forward", id).then()
                .statusCode(409)
                .header("Content-Language", "en")
                .body("detail", equalTo("Cannot forward from state REQUESTED"));
    }

    @Test
    void aClaimOfAnOfferNoLongerStandingIsRefusedInIndonesian() {
        UUID sender = member("YP", 3);
        UUID first = member("YP", 3, SHELTER);
        UUID second = member("YP", 3, SHELTER);
        Map<String, Object> body = request(UUID.randomUUID(), SHELTER);
        body.remove("receivingOrganizationId");
        body.remove("submit");
        body.remove("urgency");
        body.put("regionCode", "YP01");
        body.put("consent", new HashMap<>(Map.of("consentedBy", "SUBJECT",
                "consentedAt", Instant.now().minusSeconds(60).toString(), "shares", List.of("PROFILE", "IDENTITY", "NOTE"),
                "mayContact", true)));
        UUID id = UUID.fromString(given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).body(body)
                .post("/api/referrals/open").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(Tokens.caseworker(second)).post("/api/referrals/offers/{id}/claim", id).then().statusCode(200);
        String answer = given().auth().oauth2(Tokens.caseworker(first)).header("Accept-Language", "id")
                .post("/api/referrals/offers/{id}/claim", id).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("title", equalTo("Konflik"))
                .body("detail", equalTo("Rujukan terbuka " + id + " tidak lagi ditawarkan: organisasi lain telah mengklaimnya, "
                        + "atau rujukan tersebut telah ditutup"))
                .body("referralId", equalTo(id.toString()))
                .extract().asString();
        assertThat(answer).doesNotContain(second.toString(), sender.toString(), "Kadek");
        given().auth().oauth2(Tokens.caseworker(first)).post("/api/referrals/offers/{id}/claim", id).then()
                .statusCode(409)
                .header("Content-Language", "en")
                .body("detail", equalTo("The open referral " + id + " is no longer offered: another organization claimed it, "
                        + "or it was closed"));
    }

    @Test
    void aKpiReportWithABadGroupingIsRefusedInIndonesian() {
        given().auth().oauth2(Tokens.coalitionAdmin()).header("Accept-Language", "id").queryParam("groupBy", "weekday")
                .get("/api/referrals/kpis").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("detail", equalTo("1 kolom tidak valid"))
                .body("errors[0].field", equalTo("groupBy"))
                .body("errors[0].message", equalTo("harus salah satu dari organization, category, region, month"));
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("groupBy", "weekday").get("/api/referrals/kpis").then()
                .statusCode(400)
                .header("Content-Language", "en")
                .body("errors[0].message", equalTo("must be one of organization, category, region, month"));
    }

    @Test
    void anIdentityReadIsRefusedInIndonesian() {
        UUID sender = organization(false);
        UUID receiver = organization(false, SHELTER);
        UUID id = referral(sender, receiver, SHELTER, true);
        String answer = given().auth().oauth2(Tokens.coalitionAdmin()).header("Accept-Language", "id")
                .get("/api/referrals/{id}/identity", id).then()
                .statusCode(403)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("title", equalTo("Akses ditolak"))
                .body("detail", equalTo("Identitas penyintas hanya dapat dibaca oleh staf organisasi pengirim dan penerima"))
                .extract().asString();
        assertThat(answer).doesNotContain("Kadek", REPORT_NUMBER);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/referrals/{id}/identity", id).then()
                .statusCode(403)
                .header("Content-Language", "en")
                .body("detail", equalTo("Survivor identity is readable only by the staff of the sending and receiving organizations"));
    }

    /** A verified organization in a province of this test's own (no real code has letters). */
    private static UUID member(String province, Integer available, String... categories) {
        var change = organizationChanged(UUID.randomUUID(), OrganizationStatus.VERIFIED, false, List.of(province), available,
                categories);
        publish(change);
        return change.id();
    }
}
