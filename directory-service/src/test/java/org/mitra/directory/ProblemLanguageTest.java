package org.mitra.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.directory.region.Region;
import org.mitra.problems.ProblemMessages;
import org.mitra.testkit.Tokens;

/** The directory API's own problem details and messages in Bahasa Indonesia when Accept-Language asks for it. */
@QuarkusTest
class ProblemLanguageTest {
    static final String PROBLEM = "application/problem+json";

    @Test
    void everyDetailAndMessageOfTheServiceIsTranslated() {
        assertThat(DirectoryMessages.MESSAGES.incompleteness()).isEmpty();
        assertThat(ProblemMessages.named("ValidationMessages", getClass().getClassLoader()).incompleteness()).isEmpty();
    }

    @Test
    void anUnknownOrganizationIsNotFoundInIndonesian() {
        UUID id = UUID.randomUUID();
        given().header("Accept-Language", "id-ID, en;q=0.5").get("/api/directory/organizations/" + id).then()
                .statusCode(404)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Tidak ditemukan"))
                .body("detail", equalTo("Organisasi " + id + " tidak ditemukan"));
        given().get("/api/directory/organizations/" + id).then()
                .statusCode(404)
                .header("Content-Language", "en")
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("Organization " + id + " does not exist"));
    }

    @Test
    void aServicesConstraintMessagesAreTranslatedAndNeverRepeatTheValue() {
        UUID organization = verifiedOrganization();
        Map<String, Object> service = service("51");
        service.put("nationalities", List.of("Siti Aminah"));
        service.put("languages", List.of("Bahasa Siti"));
        String answer = given().auth().oauth2(Tokens.orgAdmin(organization)).header("Accept-Language", "id")
                .contentType(ContentType.JSON).body(service)
                .post("/api/directory/organizations/" + organization + "/services").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("title", equalTo("Permintaan tidak valid"))
                .body("detail", equalTo("2 kolom tidak valid"))
                .body("errors.message", containsInAnyOrder("harus berupa kode ISO 3166-1 alpha-2 seperti ID",
                        "harus berupa kode bahasa BCP 47 seperti id atau en"))
                .extract().asString();
        assertThat(answer).doesNotContain("Siti");
        given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(service)
                .post("/api/directory/organizations/" + organization + "/services").then()
                .statusCode(400)
                .header("Content-Language", "en")
                .body("detail", equalTo("2 fields are not valid"))
                .body("errors.message", containsInAnyOrder("must be an ISO 3166-1 alpha-2 code such as ID",
                        "must be a BCP 47 language code such as id or en"));
    }

    @Test
    void aServicesDirectoryChecksAreNamedInIndonesian() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = verifiedOrganization();
        Map<String, Object> service = service(province.code);
        service.put("category", "no-such-category");
        service.put("ageMin", 18);
        service.put("ageMax", 12);
        service.put("regions", List.of(province.code, "0000"));
        service.put("locations", List.of(Map.of("name", "Safe house", "region", province.code, "confidential", true)));
        service.put("capacity", Map.of("maximum", 2, "available", 5, "status", "CAPACITY"));
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("Accept-Language", "id")
                .contentType(ContentType.JSON).body(service)
                .post("/api/directory/organizations/" + organization + "/services").then()
                .statusCode(400)
                .header("Content-Language", "id")
                .body("detail", equalTo("5 kolom tidak valid"))
                .body("errors.find { it.field == 'category' }.message", equalTo("bukan kode kategori yang dikenal"))
                .body("errors.find { it.field == 'regions[1]' }.message", equalTo("bukan kode wilayah yang dikenal"))
                .body("errors.find { it.field == 'frontGateContact' }.message",
                        equalTo("wajib diisi jika ada lokasi yang dirahasiakan, agar orang tetap dapat menghubungi layanan ini"))
                .body("errors.find { it.field == 'ageMax' }.message", equalTo("tidak boleh lebih kecil dari ageMin"))
                .body("errors.find { it.field == 'capacity.available' }.message",
                        equalTo("tidak boleh melebihi kapasitas maksimum sebesar 2"));
    }

    @Test
    void aBadSearchIsNamedInIndonesian() {
        given().header("Accept-Language", "id").queryParam("slice", "rescue").queryParam("gender", "none")
                .queryParam("age", 200).get("/api/directory/services").then()
                .statusCode(400)
                .header("Content-Language", "id")
                .body("detail", equalTo("3 kolom tidak valid"))
                .body("errors.message", containsInAnyOrder(
                        "harus salah satu dari advocacy, prevention, intervention, rehabilitation",
                        "harus salah satu dari FEMALE, MALE, OTHER", "harus antara 0 dan 120"));
    }

    @Test
    void aTakenSlugConflictsInIndonesian() {
        UUID organization = verifiedOrganization();
        String slug = given().get("/api/directory/organizations/" + organization).then().extract().path("slug");
        Map<String, Object> again = Map.of("name", "Another " + slug, "slug", slug, "regions", List.of("51"),
                "worksWithLawEnforcement", false);
        given().auth().oauth2(Tokens.coalitionAdmin()).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(again).post("/api/directory/organizations").then()
                .statusCode(409)
                .header("Content-Language", "id")
                .body("title", equalTo("Konflik"))
                .body("detail", equalTo("Slug " + slug + " sudah dipakai oleh organisasi lain"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(again).post("/api/directory/organizations").then()
                .statusCode(409)
                .header("Content-Language", "en")
                .body("detail", equalTo("The slug " + slug + " is taken by another organization"));
    }

    @Test
    void anotherOrganizationsStaffAreRefusedInIndonesianWithTheActionTranslatedToo() {
        UUID organization = verifiedOrganization();
        String id = given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(service("51"))
                .post("/api/directory/organizations/" + organization + "/services").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.caseworker(UUID.randomUUID())).header("Accept-Language", "id")
                .post("/api/directory/services/" + id + "/confirmation").then()
                .statusCode(403)
                .header("Content-Language", "id")
                .body("title", equalTo("Akses ditolak"))
                .body("detail", equalTo("Hanya staf organisasi " + organization
                        + " yang boleh mengonfirmasi rincian layanan " + id));
        given().auth().oauth2(Tokens.caseworker(UUID.randomUUID()))
                .post("/api/directory/services/" + id + "/confirmation").then()
                .statusCode(403)
                .header("Content-Language", "en")
                .body("detail", equalTo("Only the staff of organization " + organization
                        + " may confirm the details of service " + id));
    }

    @Test
    void interventionWithoutLawEnforcementIsUnprocessableInIndonesian() {
        UUID organization = verifiedOrganization();
        Map<String, Object> service = service("51");
        service.remove("slice");
        service.put("category", "intake-and-screening");
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("Accept-Language", "id")
                .contentType(ContentType.JSON).body(service)
                .post("/api/directory/organizations/" + organization + "/services").then()
                .statusCode(422)
                .header("Content-Language", "id")
                .body("title", equalTo("Permintaan tidak dapat diproses"))
                .body("detail", equalTo("Organisasi " + organization + " tidak diakui oleh koalisi sebagai organisasi "
                        + "yang bekerja sama dengan aparat penegak hukum; hal itu merupakan syarat bagi layanan dalam kategori "
                        + "intervensi intake-and-screening"));
    }

    @Test
    void badOpenReferralParametersAreNamedInIndonesian() {
        given().header("Accept-Language", "id").queryParam("per_page", 500).queryParam("format", "xml")
                .queryParam("modified_after", "yesterday").queryParam("taxonomy_id", "shelters")
                .get("/api/directory/hsds/services").then()
                .statusCode(400)
                .header("Content-Language", "id")
                .body("detail", equalTo("4 kolom tidak valid"))
                .body("errors.find { it.field == 'per_page' }.message", equalTo("harus berupa bilangan bulat dari 1 sampai 100"))
                .body("errors.find { it.field == 'format' }.message", equalTo("harus berupa json atau ndjson"))
                .body("errors.find { it.field == 'modified_after' }.message",
                        equalTo("harus berupa tanggal, atau tanggal dan waktu, dalam format ISO-8601"))
                .body("errors.find { it.field == 'taxonomy_id' }.message", equalTo("harus berupa UUID"));
        UUID id = UUID.randomUUID();
        given().header("Accept-Language", "id").get("/api/directory/hsds/service_at_locations/" + id).then()
                .statusCode(404)
                .header("Content-Language", "id")
                .body("detail", equalTo("Layanan di lokasi " + id + " tidak ditemukan"));
    }

    @Test
    void regionProblemsAreInIndonesian() {
        Region province = DirectoryFixtures.province(1);
        Map<String, Object> existing = Map.of("code", province.code + "1", "name", "Kabupaten", "level", "REGENCY",
                "parent", province.code);
        given().auth().oauth2(Tokens.coalitionAdmin()).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(existing).post("/api/directory/regions").then()
                .statusCode(409)
                .header("Content-Language", "id")
                .body("detail", equalTo("Wilayah dengan kode " + province.code + "1 sudah ada"));
        given().auth().oauth2(Tokens.coalitionAdmin()).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(Map.of("code", province.code + "9", "name", "Kabupaten", "level", "PROVINCE", "parent", province.code))
                .post("/api/directory/regions").then()
                .statusCode(400)
                .header("Content-Language", "id")
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].message", equalTo("wilayah tingkat PROVINCE tidak dapat berada di dalam wilayah tingkat PROVINCE"));
        given().header("Accept-Language", "id").queryParam("region", "Bali!").get("/api/directory/coverage").then()
                .statusCode(400)
                .header("Content-Language", "id")
                .body("errors[0].message", equalTo("harus berupa kode wilayah dari huruf dan angka seperti 51 atau 5171"))
                .body(not(containsString("Bali")));
    }

    private static UUID verifiedOrganization() {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.fromString(given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Organization " + slug, "slug", slug, "regions", List.of("51"),
                        "worksWithLawEnforcement", false))
                .post("/api/directory/organizations").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "Checked"))
                .put("/api/directory/organizations/" + id + "/verification").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> service(String region) {
        Map<String, Object> service = new HashMap<>();
        service.put("name", "Legal aid clinic");
        service.put("slice", "rehabilitation");
        service.put("category", "legal-aid");
        service.put("regions", List.of(region));
        return service;
    }
}
