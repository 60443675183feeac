package org.mitra.web.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.web.problem.ProblemAssertions.isProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemType;
import org.mitra.web.testapp.LocalizedResource;

/** Problems in English or Bahasa Indonesia by Accept-Language, labelled with the language they are in. */
@QuarkusTest
class ProblemLanguageTest {
    private static final String ENGLISH_DETAIL = "Organization " + LocalizedResource.MISSING + " does not exist";
    private static final String INDONESIAN_DETAIL = "Organisasi " + LocalizedResource.MISSING + " tidak ditemukan";

    @Test
    void aKeyedNotFoundIsAnsweredInIndonesianWhenAskedFor() {
        for (String header : new String[] {"id", "id-ID", "ID", "fr;q=1, id;q=0.5", "en;q=0.3, id-ID;q=0.9"}) {
            inLanguage(notFound(header), "id")
                    .body("type", equalTo("/problems/not-found"))
                    .body("title", equalTo("Tidak ditemukan"))
                    .body("detail", equalTo(INDONESIAN_DETAIL));
        }
    }

    @Test
    void englishByDefaultForEnglishAndForWhatIsNotSupportedOrNotReadable() {
        for (String header : new String[] {null, "en", "en-GB", "fr", "*", "id;q=0", "id;q=0.2, en;q=0.8",
                ";;q=,,==", "id;q=banana", "\u00e9\u00e9"}) {
            inLanguage(notFound(header), "en")
                    .body("title", equalTo("Not found"))
                    .body("detail", equalTo(ENGLISH_DETAIL));
        }
    }

    @Test
    void aDetailNobodyTranslatedKeepsTheWholeProblemEnglish() {
        inLanguage(isProblem(given().header("Accept-Language", "id").get("/test/localized/english-only").then(),
                ProblemType.CONFLICT), "en")
                .body("detail", equalTo("Campaign " + LocalizedResource.MISSING + " is ENDED and takes no pledges"));
        inLanguage(given().header("Accept-Language", "id").get("/test/localized/closed").then().statusCode(409), "id")
                .body("title", equalTo("Konflik"))
                .body("detail", equalTo("Kampanye " + LocalizedResource.MISSING
                        + " berstatus ENDED dan tidak menerima ikrar lagi"));
    }

    @Test
    void validationListsTheSameFieldsWithIndonesianMessages() {
        String body = """
                {"name": " ", "capacity": {"available": -1, "total": 0}, "languages": ["id", ""]}""";
        inLanguage(given().header("Accept-Language", "id-ID").contentType(ContentType.JSON).body(body)
                .post("/test/failures/widgets").then().statusCode(400), "id")
                .body("type", equalTo("/problems/validation-failed"))
                .body("title", equalTo("Permintaan tidak valid"))
                .body("detail", equalTo("5 kolom tidak valid"))
                .body("errors.field", contains("capacity.available", "capacity.total", "kind", "languages[1]", "name"))
                .body("errors.message", contains("harus lebih besar dari atau sama dengan 0",
                        "harus lebih besar dari atau sama dengan 1", "wajib diisi", "tidak boleh kosong",
                        "tidak boleh kosong"));
        inLanguage(given().contentType(ContentType.JSON).body(body).post("/test/failures/widgets").then()
                .statusCode(400), "en")
                .body("detail", equalTo("5 fields are not valid"))
                .body("errors.message", contains("must be greater than or equal to 0",
                        "must be greater than or equal to 1", "must not be null", "must not be blank",
                        "must not be blank"));
    }

    @Test
    void mitrasOwnConstraintAndAQueryParameterAreTranslatedToo() {
        inLanguage(given().header("Accept-Language", "id").contentType(ContentType.JSON)
                .body("{\"website\": \"http://127.0.0.1/\"}").post("/test/localized/sites").then().statusCode(400), "id")
                .body("errors.message", contains(containsString("harus berupa alamat http atau https di internet publik")));
        inLanguage(given().header("Accept-Language", "id").queryParam("limit", 50).get("/test/failures/ranged").then()
                .statusCode(400), "id")
                .body("detail", equalTo("1 kolom tidak valid"))
                .body("errors.message", contains("harus kurang dari atau sama dengan 10"));
    }

    @Test
    void aConstraintWithAnEnglishOnlyMessageKeepsTheProblemEnglish() {
        inLanguage(given().header("Accept-Language", "id").contentType(ContentType.JSON).body("{\"code\": \"A1\"}")
                .post("/test/localized/codes").then().statusCode(400), "en")
                .body("title", equalTo("Request is not valid"))
                .body("detail", equalTo("1 field is not valid"))
                .body("errors.message", contains("must be lower-case letters"));
    }

    @Test
    void theLibrarysGenericProblemsAreTranslated() {
        inLanguage(isProblem(given().header("Accept-Language", "id").get("/test/nothing-here").then(), 404,
                "/problems/not-found", "Tidak ditemukan"), "id")
                .body("detail", equalTo("Tidak ada apa pun di path ini"));
        inLanguage(isProblem(given().header("Accept-Language", "id").contentType(ContentType.JSON)
                .body("{\"name\": \"x\", ").post("/test/failures/widgets").then(), 400, "/problems/malformed-request",
                "Isi permintaan tidak dapat dibaca"), "id")
                .body("detail", equalTo("Isi permintaan bukan JSON yang valid"));
        inLanguage(given().header("Accept-Language", "id").contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"capacity\": {\"available\": \"many\", \"total\": 1}, \"kind\": \"SHELTER\"}")
                .post("/test/failures/widgets").then().statusCode(400), "id")
                .body("detail", equalTo("Salah satu kolom dalam isi permintaan memiliki tipe yang salah"))
                .body("errors.message", contains("harus berupa nilai bertipe number"));
        inLanguage(isProblem(given().header("Accept-Language", "id").get("/test/failures/admin-only").then(), 401,
                "/problems/unauthorized", "Autentikasi diperlukan"), "id")
                .body("detail", equalTo("Diperlukan bearer token yang valid"));
        inLanguage(isProblem(given().header("Accept-Language", "id").get("/test/failures/bug").then(), 500,
                "/problems/internal-error", "Kesalahan internal"), "id")
                .body("detail", equalTo("Terjadi kesalahan di pihak kami. Sebutkan requestId saat Anda melaporkannya."));
        inLanguage(isProblem(given().header("Accept-Language", "id").get("/test/failures/invalid-transition").then(),
                409, "/problems/invalid-transition", "Perubahan status tidak diizinkan"), "id")
                .body("detail", equalTo("Tindakan accept tidak dapat dilakukan dari status CLOSED"))
                .body("currentState", equalTo("CLOSED"));
    }

    @Test
    void theRefusalsBeforeQuarkusRestAreTranslatedToo() {
        inLanguage(given().header("Accept-Language", "id").urlEncodingEnabled(false)
                .get("/test/failures/ranged?limit=1%00").then().statusCode(400), "id")
                .body("title", equalTo("Permintaan tidak valid"))
                .body("errors.message", contains("tidak boleh berisi karakter NUL (%00)"));
        inLanguage(given().header("Accept-Language", "id").contentType(ContentType.JSON).body("x".repeat(20_000))
                .post("/test/failures/widgets").then().statusCode(413), "id")
                .body("title", equalTo("Isi permintaan terlalu besar"))
                .body("detail", equalTo("Isi permintaan lebih besar daripada 16384 byte yang diterima layanan ini"));
    }

    private static ValidatableResponse notFound(String acceptLanguage) {
        var request = given();
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return isProblem(request.get("/test/localized/not-found").then(), 404, "/problems/not-found",
                "id".equals(expected(acceptLanguage)) ? "Tidak ditemukan" : "Not found");
    }

    private static String expected(String acceptLanguage) {
        return acceptLanguage != null && ProblemLanguages.negotiate(acceptLanguage).equals(ProblemLanguages.INDONESIAN)
                ? "id" : "en";
    }

    private static ValidatableResponse inLanguage(ValidatableResponse response, String language) {
        return response.header("Content-Language", equalTo(language))
                .header("Vary", containsString("Accept-Language"));
    }
}
