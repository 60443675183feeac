package org.mitra.directory.hsds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.directory.DirectoryFixtures;
import org.mitra.directory.region.Region;
import org.mitra.testkit.Tokens;

@QuarkusTest
class HsdsResourceTest {
    static final String SHELTER_ADDRESS = "Jl. Tersembunyi 3";
    static final String CLINIC_ADDRESS = "Jl. Klinik 10";

    UUID organization;
    String clinic;
    String shelter;
    String clinicLocation;
    String shelterLocation;

    @BeforeEach
    void organizationWithAPublicAndAConfidentialLocation() {
        Region province = DirectoryFixtures.province(1);
        String slug = "hsds-" + UUID.randomUUID().toString().substring(0, 8);
        organization = UUID.fromString(given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Organization " + slug, "slug", slug, "description", "Care for survivors",
                        "phone", "+62 361 555000", "regions", List.of(province.code)))
                .post("/api/directory/organizations").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "Checked"))
                .put("/api/directory/organizations/" + organization + "/verification").then().statusCode(200);
        Map<String, Object> clinicRequest = new HashMap<>();
        clinicRequest.put("name", "Survivor clinic");
        clinicRequest.put("category", "medical-care");
        clinicRequest.put("languages", List.of("id", "en"));
        clinicRequest.put("regions", List.of(province.code));
        clinicRequest.put("ageMin", 12);
        clinicRequest.put("schedule", "Weekdays 8-16");
        clinicRequest.put("capacity", Map.of("unit", "appointments", "maximum", 20, "available", 4, "status", "CAPACITY"));
        clinicRequest.put("locations", List.of(Map.of("name", "Clinic", "address", CLINIC_ADDRESS, "city", "Denpasar",
                "region", province.code + "1", "postalCode", "80111", "latitude", -8.65, "longitude", 115.22, "confidential", false)));
        var created = given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(clinicRequest)
                .post("/api/directory/organizations/" + organization + "/services").then().statusCode(201).extract();
        clinic = created.path("id");
        clinicLocation = created.path("locations[0].id");
        Map<String, Object> shelterRequest = new HashMap<>();
        shelterRequest.put("name", "Safe house");
        shelterRequest.put("category", "shelter-and-safe-housing");
        shelterRequest.put("regions", List.of(province.code));
        shelterRequest.put("frontGateContact", "Ask at the clinic");
        shelterRequest.put("locations", List.of(Map.of("address", SHELTER_ADDRESS, "confidential", true)));
        var hidden = given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(shelterRequest)
                .post("/api/directory/organizations/" + organization + "/services").then().statusCode(201).extract();
        shelter = hidden.path("id");
        shelterLocation = hidden.path("locations[0].id");
    }

    @Test
    void describesItselfAsHsds3() {
        given().get("/api/directory/hsds/").then().statusCode(200)
                .body("version", equalTo("3.0"))
                .body("openapi_url", containsString("/q/openapi"));
    }

    @Test
    void servicesComeInHsdsPagesWithHsdsFieldsAndNoConfidentialAddress() {
        String body = given().queryParam("organization_id", organization.toString())
                .get("/api/directory/hsds/services").then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(SHELTER_ADDRESS);
        Map<String, Object> page = given().queryParam("organization_id", organization.toString())
                .get("/api/directory/hsds/services").then().extract().jsonPath().getMap("");
        HsdsShape.page(page);
        assertThat(page.get("total_items")).isEqualTo(2);
        assertThat(page.get("page_number")).isEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) page.get("contents");
        services.forEach(HsdsShape::service);
        Map<String, Object> safeHouse = services.stream().filter(service -> shelter.equals(service.get("id"))).findFirst().orElseThrow();
        assertThat((List<?>) safeHouse.get("service_at_locations")).isEmpty();
    }

    @Test
    void aServiceCarriesItsTermsLanguagesAreasLocationAndCapacity() {
        Map<String, Object> service = given().get("/api/directory/hsds/services/" + clinic)
                .then().statusCode(200).extract().jsonPath().getMap("");
        HsdsShape.service(service);
        var json = given().get("/api/directory/hsds/services/" + clinic).then().extract().jsonPath();
        assertThat(json.getList("attributes.taxonomy_term.code")).contains("medical-care", "rehabilitation");
        assertThat(json.getList("languages.code")).containsExactlyInAnyOrder("id", "en");
        assertThat(json.getString("service_at_locations[0].location.addresses[0].address_1")).isEqualTo(CLINIC_ADDRESS);
        assertThat(json.getString("service_at_locations[0].location.addresses[0].country")).isEqualTo("ID");
        assertThat(json.getInt("capacities[0].available")).isEqualTo(4);
        assertThat(json.getInt("capacities[0].maximum")).isEqualTo(20);
        assertThat(json.getString("capacities[0].unit.name")).isEqualTo("appointments");
        assertThat(json.getString("organization.description")).isEqualTo("Care for survivors");
    }

    @Test
    void filtersCombineAndMinimalKeepsOneToOneFields() {
        String intervention = given().get("/api/directory/taxonomy/intervention").then().extract().path("id");
        String rehabilitation = given().get("/api/directory/taxonomy/rehabilitation").then().extract().path("id");
        given().queryParam("organization_id", organization.toString()).queryParam("taxonomy_term_id", intervention)
                .get("/api/directory/hsds/services").then().statusCode(200).body("total_items", equalTo(0));
        given().queryParam("organization_id", organization.toString()).queryParam("taxonomy_term_id", rehabilitation)
                .queryParam("search", "clinic")
                .get("/api/directory/hsds/services").then().statusCode(200).body("contents.id", equalTo(List.of(clinic)));
        given().queryParam("organization_id", organization.toString()).queryParam("modified_after", "2999-01-01T00:00:00Z")
                .get("/api/directory/hsds/services").then().statusCode(200).body("empty", equalTo(true));
        given().queryParam("organization_id", organization.toString()).queryParam("minimal", true)
                .get("/api/directory/hsds/services").then().statusCode(200)
                .body("contents[0]", not(org.hamcrest.Matchers.hasKey("organization")))
                .body("contents[0]", not(org.hamcrest.Matchers.hasKey("service_at_locations")));
    }

    @Test
    void ndjsonGivesOneServicePerLine() throws Exception {
        String body = given().queryParam("organization_id", organization.toString()).queryParam("format", "ndjson")
                .get("/api/directory/hsds/services").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        String[] lines = body.strip().split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = new ObjectMapper().readValue(line, Map.class);
            HsdsShape.service(service);
        }
    }

    @Test
    void organizationsAndPublicLocationsOnlyNeverAConfidentialOne() {
        Map<String, Object> organizationJson = given().get("/api/directory/hsds/organizations/" + organization)
                .then().statusCode(200).extract().jsonPath().getMap("");
        HsdsShape.organization(organizationJson);
        given().queryParam("organization_id", organization.toString()).get("/api/directory/hsds/service_at_locations")
                .then().statusCode(200)
                .body("total_items", equalTo(1))
                .body("contents[0].id", equalTo(clinicLocation))
                .body(not(containsString(SHELTER_ADDRESS)));
        given().get("/api/directory/hsds/service_at_locations/" + clinicLocation).then().statusCode(200)
                .body("service.id", equalTo(clinic));
        given().get("/api/directory/hsds/service_at_locations/" + shelterLocation).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/directory/hsds/organizations/" + organization).then().body(not(containsString(SHELTER_ADDRESS)));
    }

    @Test
    void theTaxonomyIsExportedAsNestedTerms() {
        var taxonomies = given().get("/api/directory/hsds/taxonomies").then().statusCode(200).extract().jsonPath();
        assertThat(taxonomies.getInt("total_items")).isEqualTo(1);
        HsdsShape.taxonomy(taxonomies.getMap("contents[0]"));
        String taxonomyId = taxonomies.getString("contents[0].id");
        given().get("/api/directory/hsds/taxonomies/" + taxonomyId).then().statusCode(200);
        given().queryParam("top_only", true).get("/api/directory/hsds/taxonomy_terms")
                .then().statusCode(200).body("total_items", equalTo(4));
        String intervention = given().get("/api/directory/taxonomy/intervention").then().extract().path("id");
        var children = given().queryParam("parent_id", intervention).queryParam("taxonomy_id", taxonomyId)
                .get("/api/directory/hsds/taxonomy_terms").then().statusCode(200).extract().jsonPath();
        assertThat(children.getInt("total_items")).isEqualTo(7);
        children.getList("contents", Map.class).forEach(term -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = term;
            HsdsShape.taxonomyTerm(typed);
        });
        given().get("/api/directory/hsds/taxonomy_terms/" + intervention).then().statusCode(200).body("code", equalTo("intervention"));
    }

    @Test
    void badParametersAreAllNamed() {
        given().queryParam("page", 0).queryParam("per_page", 500).queryParam("taxonomy_term_id", "abc")
                .queryParam("modified_after", "yesterday").queryParam("format", "xml")
                .get("/api/directory/hsds/services")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("page"))
                .body("errors.field", hasItem("per_page"))
                .body("errors.field", hasItem("taxonomy_term_id"))
                .body("errors.field", hasItem("modified_after"))
                .body("errors.field", hasItem("format"));
    }
}
