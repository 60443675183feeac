package org.mitra.directory.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mitra.directory.DirectoryFixtures;
import org.mitra.directory.region.Region;
import org.mitra.directory.services.Service;
import org.mitra.web.MemberStandings;
import org.mitra.testkit.Tokens;
import org.mitra.web.Roles;

/**
 * Issue 12 items 4 and 6 in the directory: who counts as an organization's staff (a staff role and
 * the org claim together), and what the staff of a pending or suspended organization may still do.
 */
@QuarkusTest
class MemberStandingTest {
    static final String PROBLEM = "application/problem+json";
    static final String NOT_VERIFIED = "/problems/organization-not-verified";
    static final String SHELTER_ADDRESS = "Jl. Tersembunyi 12";

    @Inject
    MemberStandings standings;

    static Map<String, Object> profile(String slug) {
        Map<String, Object> organization = new HashMap<>();
        organization.put("name", "Organization " + slug);
        organization.put("slug", slug);
        organization.put("description", "Works in Bali");
        organization.put("regions", List.of("51"));
        organization.put("worksWithLawEnforcement", false);
        return organization;
    }

    static UUID registered(Map<String, Object> profile) {
        return UUID.fromString(given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(profile)
                .post("/api/directory/organizations").then().statusCode(201).extract().path("id"));
    }

    static void decide(UUID organization, String status, String reason) {
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", status, "reason", reason))
                .put("/api/directory/organizations/" + organization + "/verification").then().statusCode(200);
    }

    static Map<String, Object> shelter(String region) {
        Map<String, Object> service = new HashMap<>();
        service.put("name", "Safe house");
        service.put("category", "shelter-and-safe-housing");
        service.put("regions", List.of(region));
        service.put("frontGateContact", "Call the front desk");
        service.put("locations", List.of(Map.of("name", "Safe house", "address", SHELTER_ADDRESS, "region", region,
                "confidential", true)));
        service.put("capacity", Map.of("unit", "beds", "maximum", 10, "available", 3, "status", "CAPACITY"));
        return service;
    }

    static String offer(String token, UUID organization, Map<String, Object> service) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(service)
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anOrgClaimWithoutAStaffRoleSeesOnlyTheFrontGate() {
        Region province = DirectoryFixtures.province(1);
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        UUID organization = registered(profile(slug));
        decide(organization, "VERIFIED", "Checked by the coalition");
        String id = offer(Tokens.orgAdmin(organization), organization, shelter(province.code));

        for (String outsider : List.of(Tokens.as(Roles.GOV_LIAISON).org(organization).sign(), Tokens.as().org(organization).sign(),
                Tokens.as("some-other-role").org(organization).sign())) {
            given().auth().oauth2(outsider).get("/api/directory/services/" + id)
                    .then().statusCode(200).body("locations", empty())
                    .body("frontGateContact", equalTo("Call the front desk"))
                    .body(not(containsString(SHELTER_ADDRESS)));
            given().auth().oauth2(outsider).get("/api/directory/organizations/" + organization + "/services")
                    .then().statusCode(200).body(not(containsString(SHELTER_ADDRESS)));
        }
        // The organization's own staff (role and claim together) do see it.
        given().auth().oauth2(Tokens.caseworker(organization)).get("/api/directory/services/" + id)
                .then().statusCode(200).body("locations[0].address", equalTo(SHELTER_ADDRESS));
    }

    @Test
    void anOrgClaimWithoutAStaffRoleSeesNoPendingOrganization() {
        UUID organization = registered(profile("org-" + UUID.randomUUID().toString().substring(0, 8)));
        given().auth().oauth2(Tokens.as(Roles.GOV_LIAISON).org(organization).sign())
                .get("/api/directory/organizations/" + organization).then().statusCode(404);
        given().auth().oauth2(Tokens.as().org(organization).sign())
                .get("/api/directory/organizations/" + organization).then().statusCode(404);
        given().auth().oauth2(Tokens.caseworker(organization))
                .get("/api/directory/organizations/" + organization).then().statusCode(200);
    }

    @Test
    void theDirectoryKnowsEachOrganizationsStandingFromItsOwnTable() {
        UUID organization = registered(profile("org-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(standing(organization)).contains("PENDING");
        decide(organization, "VERIFIED", "Checked");
        assertThat(standing(organization)).contains("VERIFIED");
        decide(organization, "SUSPENDED", "Under review");
        assertThat(standing(organization)).contains("SUSPENDED");
        assertThat(standing(UUID.randomUUID())).isEmpty();
    }

    private java.util.Optional<String> standing(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> standings.statusOf(organization));
    }

    /** Every directory write, as the given caller, against the organization and one of its services. */
    private static Map<String, Function<RequestSpecification, Response>> everyWrite(UUID organization, String service,
            String serviceEtag, String organizationEtag, Map<String, Object> profile, Map<String, Object> shelter) {
        Map<String, Function<RequestSpecification, Response>> writes = new LinkedHashMap<>();
        writes.put("PUT organization", request -> request.header("If-Match", organizationEtag).body(profile)
                .put("/api/directory/organizations/" + organization));
        writes.put("POST service", request -> request.body(shelter)
                .post("/api/directory/organizations/" + organization + "/services"));
        writes.put("PUT service", request -> request.header("If-Match", serviceEtag).body(shelter)
                .put("/api/directory/services/" + service));
        writes.put("PUT availability", request -> request.body(Map.of("available", 0, "status", "NO_CAPACITY"))
                .put("/api/directory/services/" + service + "/availability"));
        writes.put("POST confirmation", request -> request.post("/api/directory/services/" + service + "/confirmation"));
        writes.put("DELETE service", request -> request.header("If-Match", serviceEtag)
                .delete("/api/directory/services/" + service));
        writes.put("PUT verification", request -> request.body(Map.of("status", "VERIFIED", "reason", "Self-verified"))
                .put("/api/directory/organizations/" + organization + "/verification"));
        writes.put("POST organization", request -> request.body(profile("org-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/directory/organizations"));
        writes.put("POST region", request -> request.body(Map.of("code", "9" + UUID.randomUUID().toString().substring(0, 5)
                        .replaceAll("[^0-9a-f]", "0"), "name", "Fake", "level", "REGENCY", "parent", "51"))
                .post("/api/directory/regions"));
        writes.put("PUT region", request -> request.header("If-Match", "\"x\"").body(Map.of("name", "Renamed"))
                .put("/api/directory/regions/5171"));
        writes.put("POST taxonomy", request -> request.body(Map.of("code", "fake-" + UUID.randomUUID().toString().substring(0, 6),
                        "slice", "rehabilitation", "names", Map.of("en", "Fake", "id", "Palsu")))
                .post("/api/directory/taxonomy"));
        writes.put("PUT taxonomy", request -> request.header("If-Match", "\"x\"")
                .body(Map.of("names", Map.of("en", "Renamed", "id", "Diganti")))
                .put("/api/directory/taxonomy/legal-aid"));
        return writes;
    }

    @Test
    void aSuspendedOrganizationsStaffAndPartnerSystemsChangeNothingInTheDirectory() {
        Region province = DirectoryFixtures.province(1);
        Map<String, Object> profile = profile("org-" + UUID.randomUUID().toString().substring(0, 8));
        UUID organization = registered(profile);
        decide(organization, "VERIFIED", "Checked by the coalition");
        String service = offer(Tokens.orgAdmin(organization), organization, shelter(province.code));
        decide(organization, "SUSPENDED", "Reports of abuse under investigation");
        Response before = given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/directory/services/" + service)
                .then().statusCode(200).extract().response();
        String serviceEtag = before.header("ETag");
        String detailsConfirmedAt = before.jsonPath().getString("freshness.detailsConfirmedAt");
        String organizationEtag = given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/directory/organizations/" + organization)
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> changedProfile = new HashMap<>(profile);
        changedProfile.put("description", "Changed while suspended");
        Map<String, Object> changedShelter = shelter(province.code);
        changedShelter.put("name", "Changed while suspended");

        Map<String, String> tokens = Map.of(
                Roles.ORG_ADMIN, Tokens.orgAdmin(organization),
                Roles.CASEWORKER, Tokens.caseworker(organization),
                Roles.PARTNER_APP, Tokens.partnerApp(organization));
        List<String> organizationScoped = List.of("PUT organization", "POST service", "PUT service", "PUT availability",
                "POST confirmation", "DELETE service");
        tokens.forEach((role, token) -> everyWrite(organization, service, serviceEtag, organizationEtag, changedProfile,
                changedShelter).forEach((write, call) -> {
                    Response response = call.apply(given().auth().oauth2(token).contentType(ContentType.JSON));
                    assertThat(response.statusCode()).as(role + " " + write).isEqualTo(403);
                    assertThat(response.contentType()).as(role + " " + write).startsWith(PROBLEM);
                    if (organizationScoped.contains(write) && (role.equals(Roles.ORG_ADMIN)
                            || role.equals(Roles.CASEWORKER) && Set.of("PUT availability", "POST confirmation").contains(write))) {
                        assertThat(response.jsonPath().getString("type")).as(role + " " + write).isEqualTo(NOT_VERIFIED);
                        assertThat(response.jsonPath().getString("organizationStatus")).isEqualTo("SUSPENDED");
                    }
                }));

        // Nothing changed: the same versions, the same one service.
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/directory/services/" + service)
                .then().statusCode(200).header("ETag", equalTo(serviceEtag)).body("name", equalTo("Safe house"))
                .body("freshness.detailsConfirmedAt", equalTo(detailsConfirmedAt))
                .body("capacity.available", equalTo(3));
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/directory/organizations/" + organization)
                .then().statusCode(200).header("ETag", equalTo(organizationEtag)).body("description", equalTo("Works in Bali"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Service.count("organization.id", organization))).isEqualTo(1);
    }

    @Test
    void aSuspendedOrganizationsStaffStillReadTheirOwnEntryAndTheReason() {
        UUID organization = registered(profile("org-" + UUID.randomUUID().toString().substring(0, 8)));
        decide(organization, "VERIFIED", "Checked by the coalition");
        decide(organization, "SUSPENDED", "Registration lapsed; renew it with the ministry");
        given().get("/api/directory/organizations/" + organization).then().statusCode(404);
        for (String staff : List.of(Tokens.orgAdmin(organization), Tokens.caseworker(organization))) {
            given().auth().oauth2(staff).get("/api/directory/organizations/" + organization)
                    .then().statusCode(200).body("status", equalTo("SUSPENDED"))
                    .body("statusReason", equalTo("Registration lapsed; renew it with the ministry"));
        }
    }

    @Test
    void aPendingOrganizationsAdminCompletesItsProfileAndFirstServicesWhichStayHidden() {
        Region province = DirectoryFixtures.province(1);
        Map<String, Object> profile = profile("org-" + UUID.randomUUID().toString().substring(0, 8));
        UUID organization = registered(profile);
        String etag = given().auth().oauth2(Tokens.orgAdmin(organization)).get("/api/directory/organizations/" + organization)
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> completed = new HashMap<>(profile);
        completed.put("description", "Shelter and counselling for survivors");
        completed.put("website", "https://example.org");
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(completed).put("/api/directory/organizations/" + organization)
                .then().statusCode(200).body("description", equalTo("Shelter and counselling for survivors"));

        // Its first services are offered but nobody outside sees them until the coalition verifies it.
        String service = offer(Tokens.orgAdmin(organization), organization, shelter(province.code));
        given().get("/api/directory/services/" + service).then().statusCode(404);
        given().queryParam("region", province.code).get("/api/directory/services")
                .then().statusCode(200).body("items.id", not(hasItem(service)));
        // Day-to-day changes wait for verification; caseworkers and partner systems act only for verified organizations.
        given().auth().oauth2(Tokens.caseworker(organization)).contentType(ContentType.JSON)
                .body(Map.of("available", 0, "status", "NO_CAPACITY"))
                .put("/api/directory/services/" + service + "/availability")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(NOT_VERIFIED))
                .body("organizationStatus", equalTo("PENDING"));

        decide(organization, "VERIFIED", "Visited");
        given().get("/api/directory/services/" + service).then().statusCode(200);
        given().auth().oauth2(Tokens.caseworker(organization)).contentType(ContentType.JSON)
                .body(Map.of("available", 0, "status", "NO_CAPACITY"))
                .put("/api/directory/services/" + service + "/availability").then().statusCode(200);
    }
}
