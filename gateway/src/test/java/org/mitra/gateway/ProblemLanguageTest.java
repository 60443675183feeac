package org.mitra.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The gateway's own problems in Bahasa Indonesia when Accept-Language asks for it, labelled with their language. */
@QuarkusTest
@WithTestResource(TestBackends.class)
class ProblemLanguageTest {

    @Test
    void anUnknownPathIsANotFoundInIndonesian() {
        for (String path : new String[] {"/nothing", "/api/nothing", "/api/feeds/x"}) {
            TestCalls.client().header("Accept-Language", "id-ID,id;q=0.9,en;q=0.8").get(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .header("Content-Language", "id")
                    .header("Vary", containsString("Accept-Language"))
                    .body("type", equalTo("/problems/not-found"))
                    .body("title", equalTo("Tidak ditemukan"))
                    .body("detail", equalTo(path.equals("/api/nothing") ? "Tidak ada API yang dilayani di path ini."
                            : "Tidak ada yang dilayani di path ini."));
        }
    }

    @Test
    void englishForAnythingElse() {
        for (String header : new String[] {"fr", "en", "*", "id;q=x,,;", "fr;q=1, id;q=0"}) {
            TestCalls.client().header("Accept-Language", header).get("/nothing").then()
                    .statusCode(404)
                    .header("Content-Language", "en")
                    .header("Vary", containsString("Accept-Language"))
                    .body("title", equalTo("Not found"))
                    .body("detail", equalTo("Nothing is served at this path."));
        }
    }

    @Test
    void theEdgesRefusalIsInIndonesianWithItsChallenge() {
        TestCalls.client().header("Accept-Language", "fr;q=1, id;q=0.5").get("/api/referrals").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("Content-Language", "id")
                .body("title", equalTo("Autentikasi diperlukan"))
                .body("detail", equalTo("Operasi ini memerlukan bearer token."));
    }

    @Test
    void theProblemTypesAreDescribedInIndonesianWhenAskedFor() {
        TestCalls.client().header("Accept-Language", "id").accept("application/json").get("/problems/not-found").then()
                .statusCode(200)
                .header("Content-Language", "id")
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Tidak ditemukan"))
                .body("description", startsWith("Tidak ada apa pun di path ini"));
        String page = TestCalls.client().header("Accept-Language", "id-ID").accept("text/html").get("/problems").then()
                .statusCode(200)
                .header("Content-Language", "id")
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(page).contains("<html lang=\"id\">", "<h1>Jenis masalah Mitra</h1>",
                "Terlalu banyak permintaan").doesNotContain("Every error of a Mitra API");
        TestCalls.client().accept("application/json").get("/problems/not-found").then()
                .header("Content-Language", "en")
                .body("title", equalTo("Not found"));
    }

    @Test
    void aProblemOfTheGatewaysOwnResourcesIsInIndonesianToo() {
        TestCalls.client().header("Accept-Language", "id").get("/problems/nothing").then()
                .statusCode(404)
                .header("Content-Language", "id")
                .body("detail", equalTo("Tidak ada jenis masalah dengan slug ini."));
    }
}
