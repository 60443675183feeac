package org.mitra.directory.services;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.directory.DirectoryFixtures;
import org.mitra.directory.region.Region;
import org.mitra.events.CloudEvent;
import org.mitra.events.Topic;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ServiceResourceTest {
    static final String PROBLEM = "application/problem+json";
    static final String SHELTER_ADDRESS = "Jl. Rahasia 7";

    static UUID verifiedOrganization() {
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

    static Map<String, Object> shelter(String region) {
        Map<String, Object> service = new HashMap<>();
        service.put("name", "Safe house for girls");
        service.put("description", "Live-in care with counselling and schooling");
        service.put("slice", "rehabilitation");
        service.put("category", "shelter-and-safe-housing");
        service.put("ageMin", 12);
        service.put("ageMax", 18);
        service.put("genders", List.of("FEMALE"));
        service.put("languages", List.of("id"));
        service.put("regions", List.of(region));
        service.put("frontGateContact", "Call the front desk to arrange a meeting");
        service.put("locations", List.of(Map.of("name", "Safe house", "address", SHELTER_ADDRESS, "region", region,
                "confidential", true)));
        service.put("capacity", Map.of("unit", "beds", "maximum", 10, "available", 3, "status", "CAPACITY"));
        return service;
    }

    static String offer(UUID organization, Map<String, Object> service) {
        return given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(service)
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anonymousCallersNeverSeeAConfidentialAddress() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = verifiedOrganization();
        String id = offer(organization, shelter(province.code));

        given().get("/api/directory/services/" + id)
                .then().statusCode(200)
                .body("locations", empty())
                .body("frontGateContact", equalTo("Call the front desk to arrange a meeting"))
                .body(not(containsString(SHELTER_ADDRESS)));
        given().queryParam("region", province.code).get("/api/directory/services")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body(not(containsString(SHELTER_ADDRESS)));
        given().get("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(200).body(not(containsString(SHELTER_ADDRESS)));
        // Another organization's staff do not see it either; the organization's own staff do.
        given().auth().oauth2(Tokens.caseworker(UUID.randomUUID())).get("/api/directory/services/" + id)
                .then().statusCode(200).body(not(containsString(SHELTER_ADDRESS)));
        given().auth().oauth2(Tokens.caseworker(organization)).get("/api/directory/services/" + id)
                .then().statusCode(200).body("locations[0].address", equalTo(SHELTER_ADDRESS));
    }

    @Test
    void searchFiltersCombineWithinARegionAndItsSubRegions() {
        Region province = DirectoryFixtures.province(2);
        String regencyOne = province.code + "1";
        UUID organization = verifiedOrganization();
        String girlsShelter = offer(organization, shelter(regencyOne));
        Map<String, Object> legalAid = new HashMap<>();
        legalAid.put("name", "Legal aid clinic");
        legalAid.put("category", "legal-aid");
        legalAid.put("languages", List.of("en"));
        legalAid.put("regions", List.of(province.code + "2"));
        legalAid.put("capacity", Map.of("maximum", 5, "available", 0, "status", "NO_CAPACITY"));
        String clinic = offer(organization, legalAid);

        given().queryParam("region", province.code).get("/api/directory/services")
                .then().statusCode(200).body("items.id", hasSize(2)).body("totalItems", equalTo(2));
        given().queryParam("region", regencyOne).get("/api/directory/services")
                .then().statusCode(200).body("items.id", contains(girlsShelter));
        given().queryParam("region", province.code).queryParam("slice", "rehabilitation").queryParam("category", "legal-aid")
                .get("/api/directory/services").then().statusCode(200).body("items.id", contains(clinic));
        given().queryParam("region", province.code).queryParam("language", "id")
                .get("/api/directory/services").then().statusCode(200).body("items.id", contains(girlsShelter));
        given().queryParam("region", province.code).queryParam("gender", "MALE")
                .get("/api/directory/services").then().statusCode(200).body("items.id", contains(clinic));
        given().queryParam("region", province.code).queryParam("age", 25)
                .get("/api/directory/services").then().statusCode(200).body("items.id", contains(clinic));
        given().queryParam("region", province.code).queryParam("available", true)
                .get("/api/directory/services").then().statusCode(200).body("items.id", contains(girlsShelter));
        given().queryParam("region", province.code).queryParam("q", "clinic")
                .get("/api/directory/services").then().statusCode(200).body("items.id", contains(clinic));
        given().queryParam("region", province.code).queryParam("size", 1).queryParam("page", 1)
                .get("/api/directory/services").then().statusCode(200)
                .header("Link", containsString("rel=\"prev\""))
                .body("items", hasSize(1)).body("page", equalTo(1)).body("totalPages", equalTo(2));
    }

    @Test
    void offeringAServiceRepublishesTheOrganizationWithItsServicesButNoLocation() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = verifiedOrganization();
        String id = offer(organization, shelter(province.code));
        List<CloudEvent<JsonNode>> events =
                KafkaTopics.eventsFor(Topic.DIRECTORY_ORGANIZATIONS, organization.toString(),
                        seen -> seen.stream().anyMatch(event -> event.data().path("services").size() == 1),
                        Duration.ofSeconds(20));
        var latest = events.get(events.size() - 1).data();
        assertThat(latest.path("services").get(0).path("id").asText()).isEqualTo(id);
        assertThat(latest.path("services").get(0).path("categoryCode").asText())
                .isEqualTo("shelter-and-safe-housing");
        assertThat(latest.path("services").get(0).path("capacity").path("available").asInt())
                .isEqualTo(3);
        assertThat(latest.path("services").get(0).path("ageMin").asInt()).isEqualTo(12);
        assertThat(latest.path("services").get(0).path("genders").get(0).asText()).isEqualTo("FEMALE");
        assertThat(latest.path("services").get(0).path("languages").get(0).asText()).isEqualTo("id");
        assertThat(latest.toString()).doesNotContain(SHELTER_ADDRESS);
    }

    @Test
    void searchParametersAreCheckedAndEachBadOneNamed() {
        given().queryParam("slice", "rescue").queryParam("category", "nope").queryParam("region", "0000")
                .queryParam("gender", "robot").queryParam("age", 200)
                .get("/api/directory/services")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("slice"))
                .body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("region"))
                .body("errors.field", hasItem("gender"))
                .body("errors.field", hasItem("age"));
    }

    @Test
    void badServicesAreRefusedWithEveryProblemNamedAndNothingHalfWritten() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = verifiedOrganization();
        Map<String, Object> wrongSlice = shelter(province.code);
        wrongSlice.put("slice", "intervention");
        given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(wrongSlice)
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("slice"));

        Map<String, Object> unknown = shelter("0000");
        unknown.put("category", "rescue-missions");
        given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(unknown)
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("regions[0]"));

        Map<String, Object> tooMuchRoom = shelter(province.code);
        tooMuchRoom.put("capacity", Map.of("maximum", 2, "available", 5, "status", "CAPACITY"));
        given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(tooMuchRoom)
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("capacity.available"));

        Map<String, Object> negative = shelter(province.code);
        negative.put("capacity", Map.of("maximum", -1, "available", 0, "status", "CAPACITY"));
        given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(negative)
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("capacity.maximum"));

        Map<String, Object> hiddenWithoutFrontGate = shelter(province.code);
        hiddenWithoutFrontGate.remove("frontGateContact");
        given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(hiddenWithoutFrontGate)
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("frontGateContact"));

        given().auth().oauth2(Tokens.orgAdmin(organization)).get("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void theOrganizationsStaffUpdateAvailabilityInOneCall() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = verifiedOrganization();
        String id = offer(organization, shelter(province.code));

        given().auth().oauth2(Tokens.caseworker(organization)).contentType(ContentType.JSON)
                .body(Map.of("available", 0, "status", "NO_CAPACITY"))
                .put("/api/directory/services/" + id + "/availability")
                .then().statusCode(200).body("available", equalTo(0)).body("maximum", equalTo(10))
                .body("status", equalTo("NO_CAPACITY"));
        given().get("/api/directory/services/" + id + "/availability")
                .then().statusCode(200).body("status", equalTo("NO_CAPACITY"));
        given().queryParam("region", province.code).queryParam("available", true).get("/api/directory/services")
                .then().statusCode(200).body("items", empty());

        given().auth().oauth2(Tokens.caseworker(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("available", 5, "status", "CAPACITY"))
                .put("/api/directory/services/" + id + "/availability").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("available", 5, "status", "CAPACITY"))
                .put("/api/directory/services/" + id + "/availability").then().statusCode(401);
        given().auth().oauth2(Tokens.caseworker(organization)).contentType(ContentType.JSON)
                .body(Map.of("available", 11, "status", "CAPACITY"))
                .put("/api/directory/services/" + id + "/availability")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("available"));
    }

    @Test
    void anOrgAdminCannotChangeAnotherOrganizationsService() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = verifiedOrganization();
        String id = offer(organization, shelter(province.code));
        String etag = given().get("/api/directory/services/" + id).then().extract().header("ETag");
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).header("If-Match", etag).contentType(ContentType.JSON)
                .body(shelter(province.code)).put("/api/directory/services/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).delete("/api/directory/services/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).contentType(ContentType.JSON).body(shelter(province.code))
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(403).contentType(PROBLEM);

        Map<String, Object> renamed = shelter(province.code);
        renamed.put("name", "Renamed safe house");
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(renamed).put("/api/directory/services/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed safe house"));
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(renamed).put("/api/directory/services/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(organization)).delete("/api/directory/services/" + id).then().statusCode(204);
        given().get("/api/directory/services/" + id).then().statusCode(404).contentType(PROBLEM);
    }
}
