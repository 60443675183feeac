package org.mitra.directory.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.mitra.directory.DirectoryFixtures;
import org.mitra.directory.services.Service;
import org.mitra.events.CloudEvent;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.events.Topic;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;
import org.mitra.web.Roles;

@QuarkusTest
class OrganizationResourceTest {
    static final String PROBLEM = "application/problem+json";

    static Map<String, Object> organization(String slug) {
        return Map.of(
                "name", "Organization " + slug,
                "slug", slug,
                "description", "Works in Bali",
                "languages", List.of("id", "en"),
                "regions", List.of("51"),
                "worksWithLawEnforcement", true);
    }

    static String newSlug() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers and verifies an organization as a coalition admin; returns its id. */
    static UUID verifiedOrganization() {
        UUID id = UUID.fromString(given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(organization(newSlug()))
                .post("/api/directory/organizations").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "Checked by the coalition"))
                .put("/api/directory/organizations/" + id + "/verification").then().statusCode(200);
        return id;
    }

    @Test
    void aRegisteredOrganizationIsHiddenUntilTheCoalitionVerifiesIt() {
        Response created = given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(organization(newSlug()))
                .post("/api/directory/organizations");
        created.then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("status", equalTo("PENDING"));
        String id = created.path("id");

        given().get("/api/directory/organizations/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(UUID.fromString(id))).get("/api/directory/organizations/" + id)
                .then().statusCode(200);

        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "Registration with the ministry checked"))
                .put("/api/directory/organizations/" + id + "/verification")
                .then().statusCode(200).body("status", equalTo("VERIFIED"))
                .body("statusReason", equalTo("Registration with the ministry checked"));

        given().get("/api/directory/organizations/" + id).then().statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void theCoalitionsReasonsAreReadOnlyByItsAdminsAndTheOrganizationsOwnStaff() {
        UUID id = verifiedOrganization();
        String path = "/api/directory/organizations/" + id;
        given().auth().oauth2(Tokens.coalitionAdmin()).get(path).then().statusCode(200).body("statusReason", notNullValue());
        given().auth().oauth2(Tokens.orgAdmin(id)).get(path).then().statusCode(200).body("statusReason", notNullValue());
        given().auth().oauth2(Tokens.caseworker(id)).get(path).then().statusCode(200).body("statusReason", notNullValue());
        given().get(path).then().statusCode(200).body("status", equalTo("VERIFIED")).body("statusReason", nullValue());
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).get(path).then().statusCode(200).body("statusReason", nullValue());
        given().auth().oauth2(Tokens.govLiaison()).get(path).then().statusCode(200).body("statusReason", nullValue());
        // Its own org claim without a staff role is not its staff.
        given().auth().oauth2(Tokens.as(Roles.GOV_LIAISON).org(id).sign()).get(path).then().statusCode(200)
                .body("statusReason", nullValue());
        given().get("/api/directory/organizations?size=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.statusReason", nullValue());
    }

    @Test
    void onlyACoalitionAdminVerifiesAndAlwaysWithAReason() {
        UUID id = verifiedOrganization();
        given().auth().oauth2(Tokens.orgAdmin(id)).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED", "reason", "Self-suspension"))
                .put("/api/directory/organizations/" + id + "/verification").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED"))
                .put("/api/directory/organizations/" + id + "/verification")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reason"));
        given().get("/api/directory/organizations/" + id).then().statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void anOrgAdminEditsItsOwnOrganizationWithIfMatch() {
        UUID id = verifiedOrganization();
        Response current = given().auth().oauth2(Tokens.orgAdmin(id)).get("/api/directory/organizations/" + id);
        String etag = current.then().statusCode(200).extract().header("ETag");
        // Name, slug and worksWithLawEnforcement are the coalition's decision (issue 12 item 5): sent unchanged.
        Map<String, Object> changed = new java.util.HashMap<>(organization(current.path("slug")));
        changed.put("name", current.path("name"));
        changed.put("description", "Described anew");

        String newEtag = given().auth().oauth2(Tokens.orgAdmin(id)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).put("/api/directory/organizations/" + id)
                .then().statusCode(200).body("description", equalTo("Described anew"))
                .extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);

        // The old tag is stale now: 412, and nothing changes.
        changed.put("description", "Lost update");
        given().auth().oauth2(Tokens.orgAdmin(id)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).put("/api/directory/organizations/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(id)).contentType(ContentType.JSON)
                .body(changed).put("/api/directory/organizations/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        given().get("/api/directory/organizations/" + id).then().body("description", equalTo("Described anew"));
    }

    @Test
    void anOrgAdminCannotChangeAnotherOrganization() {
        UUID id = verifiedOrganization();
        String etag = given().get("/api/directory/organizations/" + id).then().extract().header("ETag");
        Map<String, Object> changed = new java.util.HashMap<>(organization(newSlug()));
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).put("/api/directory/organizations/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.caseworker(id)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).put("/api/directory/organizations/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        given().header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).put("/api/directory/organizations/" + id)
                .then().statusCode(401);
    }

    @Test
    void aDuplicateSlugIsAConflictAndNothingIsWritten() {
        String slug = newSlug();
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(organization(slug))
                .post("/api/directory/organizations").then().statusCode(201);
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(organization(slug))
                .post("/api/directory/organizations").then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("status", "PENDING").queryParam("size", 100)
                .get("/api/directory/organizations").then().statusCode(200);
    }

    @Test
    void badFieldsAreAllNamedAndNothingIsWritten() {
        Map<String, Object> bad = new java.util.HashMap<>(organization("Not A Slug"));
        bad.put("name", "x".repeat(201));
        bad.put("regions", List.of("51", "0000"));
        bad.put("website", "ftp://example.org");
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(bad)
                .post("/api/directory/organizations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("slug"))
                .body("errors.field", hasItem("website"));
        Map<String, Object> unknownRegion = new java.util.HashMap<>(organization(newSlug()));
        unknownRegion.put("regions", List.of("51", "0000"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(unknownRegion)
                .post("/api/directory/organizations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("regions[1]"));
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("status", "PENDING").queryParam("size", 100)
                .get("/api/directory/organizations")
                .then().statusCode(200).body("items.slug", not(hasItem(unknownRegion.get("slug"))));
    }

    @Test
    void anonymousCallersListOnlyVerifiedOrganizationsInPages() {
        UUID verified = verifiedOrganization();
        String pendingSlug = newSlug();
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(organization(pendingSlug))
                .post("/api/directory/organizations").then().statusCode(201);

        given().queryParam("size", 100).queryParam("status", "PENDING").get("/api/directory/organizations")
                .then().statusCode(200)
                .body("items.status", not(hasItem("PENDING")))
                .body("items.id", hasItem(verified.toString()));
        given().queryParam("size", 1).get("/api/directory/organizations")
                .then().statusCode(200)
                .header("Link", startsWith("<"))
                .body("size", equalTo(1));
        given().queryParam("size", 101).get("/api/directory/organizations").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void everyChangeArrivesOnKafkaAsTheOrganizationsFullState() {
        UUID id = verifiedOrganization();
        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.DIRECTORY_ORGANIZATIONS, id.toString(),
                seen -> seen.stream().anyMatch(event -> "VERIFIED".equals(event.data().path("status").asText())),
                Duration.ofSeconds(20));
        assertThat(events).hasSize(2);
        CloudEvent<JsonNode> latest = events.get(1);
        assertThat(latest.type()).isEqualTo("org.mitra.organization.changed.v1");
        assertThat(latest.subject()).isEqualTo(id.toString());
        assertThat(latest.source()).isEqualTo("/mitra/directory-service");
        assertThat(latest.data().path("status").asText()).isEqualTo("VERIFIED");
        assertThat(latest.data().path("worksWithLawEnforcement").asBoolean()).isTrue();
        assertThat(latest.data().path("regionCodes").get(0).asText()).isEqualTo("51");
        assertThat(events.get(0).data().path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void anOrganizationWhoseServiceNeverReportedCapacityCanBeVerifiedAndEdited() {
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.PENDING, "51");
        Service service = DirectoryFixtures.service(organization, "legal-aid", null, null, "51");
        // As the demo services and services offered without capacity are stored: every capacity column null.
        QuarkusTransaction.requiringNew().run(() -> Service.getEntityManager()
                .createNativeQuery("UPDATE service SET capacity_status = NULL, capacity_maximum = NULL, capacity_available = NULL,"
                        + " capacity_unit = NULL, capacity_updated_at = NULL WHERE id = :id")
                .setParameter("id", service.id).executeUpdate());

        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "Checked by the coalition"))
                .put("/api/directory/organizations/" + organization.id + "/verification").then().statusCode(200);
        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.DIRECTORY_ORGANIZATIONS, organization.id.toString(),
                found -> found.stream().anyMatch(event -> "VERIFIED".equals(event.data().path("status").asText())), Duration.ofSeconds(20));
        // Reading such a service changes nothing: the same version (ETag) however often it is read.
        String etag = given().get("/api/directory/services/" + service.id).then().statusCode(200).extract().header("ETag");
        given().get("/api/directory/services/" + service.id).then().statusCode(200).header("ETag", equalTo(etag));
        assertThat(events).anySatisfy(event -> {
            assertThat(event.data().path("status").asText()).isEqualTo("VERIFIED");
            assertThat(event.data().path("services").get(0).path("capacity").isNull()
                    || event.data().path("services").get(0).path("capacity").isMissingNode()).isTrue();
        });
    }

    @Test
    void aWebsiteInsideTheNetworkIsRefusedAndNothingIsStored() {
        for (String inside : List.of("http://169.254.169.254/latest/meta-data/", "http://2130706433/", "http://[::ffff:127.0.0.1]/",
                "http://pondokgerasa.org@10.0.0.1/", "http://localhost:8081/q/health")) {
            String slug = newSlug();
            Map<String, Object> organization = new java.util.HashMap<>(organization(slug));
            organization.put("website", inside);
            given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(organization)
                    .post("/api/directory/organizations")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("website"));
            assertThat(QuarkusTransaction.requiringNew().call(() -> Organization.count("slug", slug))).isZero();
        }
    }

    @Test
    void languageTagsUpToBcp47sThirtyFiveCharactersAreKept() {
        String longest = "zh-Hant-CN-private1-private2-abcdef"; // 35 characters
        Map<String, Object> organization = new java.util.HashMap<>(organization(newSlug()));
        organization.put("languages", List.of("id", longest));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(organization)
                .post("/api/directory/organizations").then().statusCode(201).body("languages", hasItem(longest));
        organization = new java.util.HashMap<>(organization(newSlug()));
        organization.put("languages", List.of(longest + "-xy"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(organization)
                .post("/api/directory/organizations").then().statusCode(400).contentType(PROBLEM);
    }
}
