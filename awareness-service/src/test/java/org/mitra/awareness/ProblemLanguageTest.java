package org.mitra.awareness;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemMessages;

/** The awareness API's own problem details and messages in Bahasa Indonesia when Accept-Language asks for it. */
@QuarkusTest
class ProblemLanguageTest {

    @Test
    void everyDetailAndMessageOfTheServiceIsTranslated() {
        assertThat(AwarenessMessages.MESSAGES.incompleteness()).isEmpty();
        assertThat(ProblemMessages.named("ValidationMessages", getClass().getClassLoader()).incompleteness()).isEmpty();
    }

    @Test
    void anUnknownCampaignIsNotFoundInIndonesian() {
        UUID id = UUID.randomUUID();
        given().header("Accept-Language", "id-ID, en;q=0.5").get("/api/awareness/campaigns/" + id).then()
                .statusCode(404)
                .contentType(AwarenessFixtures.PROBLEM)
                .header("Content-Language", "id")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Tidak ditemukan"))
                .body("detail", equalTo("Kampanye " + id + " tidak ditemukan"));
        given().get("/api/awareness/campaigns/" + id).then()
                .statusCode(404)
                .header("Content-Language", "en")
                .body("detail", equalTo("Campaign " + id + " does not exist"));
    }

    @Test
    void aBadFilterIsNamedInIndonesian() {
        given().header("Accept-Language", "id").queryParam("region", "Bali!").queryParam("audience", "everyone")
                .get("/api/awareness/campaigns").then()
                .statusCode(400)
                .header("Content-Language", "id")
                .body("title", equalTo("Permintaan tidak valid"))
                .body("detail", equalTo("2 kolom tidak valid"))
                .body("errors.field", contains("region", "audience"))
                .body("errors.message", contains("harus berupa kode wilayah seperti 51 atau 5103",
                        "harus salah satu dari tourists, tourism-businesses, schools, parents, government, "
                                + "general-public"));
    }

    @Test
    void theServicesOwnConstraintMessagesAreTranslatedAndNeverRepeatTheValue() {
        String country = "Indonesia, Siti";
        var body = Map.of("kind", "PERSON", "commitment", "x", "country", country, "contactConsent", false);
        String answer = given().header("Accept-Language", "id").header("X-Forwarded-For", "203.0.113.77")
                .contentType(ContentType.JSON).body(body)
                .post("/api/awareness/campaigns/" + UUID.randomUUID() + "/pledges").then()
                .statusCode(400)
                .header("Content-Language", "id")
                .body("errors.find { it.field == 'country' }.message",
                        equalTo("harus berupa kode negara ISO 3166-1 alpha-2 seperti ID atau AU"))
                .extract().asString();
        assertThat(answer).doesNotContain("Siti");
        assertThat(ProblemLanguages.negotiate("id")).isEqualTo(ProblemLanguages.INDONESIAN);
    }
}
