package org.mitra.directory.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.directory.organization.MemberStandingTest.profile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;
import org.mitra.web.Roles;

/**
 * Issue 12 item 5: whether an organization works with law enforcement (and so receives intervention
 * referrals), its name and its slug are the coalition's decision, recorded with who and why; an
 * organization's own admins cannot change them, and intervention services need that recognition.
 */
@QuarkusTest
class LawEnforcementDecisionTest {
    static final String PROBLEM = "application/problem+json";
    static final String FORBIDDEN = "/problems/forbidden";

    static UUID verified(Map<String, Object> profile) {
        UUID id = UUID.fromString(given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(profile)
                .post("/api/directory/organizations").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "Checked by the coalition"))
                .put("/api/directory/organizations/" + id + "/verification").then().statusCode(200);
        return id;
    }

    static String etag(UUID organization) {
        return given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/directory/organizations/" + organization)
                .then().statusCode(200).extract().header("ETag");
    }

    static Map<String, Object> service(String category) {
        Map<String, Object> service = new HashMap<>();
        service.put("name", "Service " + category);
        service.put("category", category);
        service.put("regions", List.of("51"));
        return service;
    }

    @Test
    void anOrgAdminCannotDeclareLawEnforcementWorkRenameItsOrganizationOrMoveItsSlug() {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> profile = profile(slug);
        UUID organization = verified(profile);
        Map<String, Map<String, Object>> attempts = new HashMap<>();
        Map<String, Object> lawEnforcement = new HashMap<>(profile);
        lawEnforcement.put("worksWithLawEnforcement", true);
        attempts.put("worksWithLawEnforcement", lawEnforcement);
        Map<String, Object> renamed = new HashMap<>(profile);
        renamed.put("name", "Bali Police Partner Foundation");
        attempts.put("name", renamed);
        Map<String, Object> moved = new HashMap<>(profile);
        moved.put("slug", "org-" + UUID.randomUUID().toString().substring(0, 8));
        attempts.put("slug", moved);

        attempts.forEach((field, body) -> {
            for (String token : List.of(Tokens.orgAdmin(organization), Tokens.coalitionAdmin())) {
                given().auth().oauth2(token).header("If-Match", etag(organization)).contentType(ContentType.JSON)
                        .body(body).put("/api/directory/organizations/" + organization)
                        .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN))
                        .body("fields", equalTo(List.of(field)));
            }
        });
        JsonPath stored = given().get("/api/directory/organizations/" + organization).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getBoolean("worksWithLawEnforcement")).isFalse();
        assertThat(stored.getString("name")).isEqualTo("Organization " + slug);
        assertThat(stored.getString("slug")).isEqualTo(slug);

        // Everything else stays the organization's own to edit.
        Map<String, Object> described = new HashMap<>(profile);
        described.put("description", "Shelter and counselling");
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("If-Match", etag(organization)).contentType(ContentType.JSON)
                .body(described).put("/api/directory/organizations/" + organization)
                .then().statusCode(200).body("description", equalTo("Shelter and counselling"));
    }

    @Test
    void onlyACoalitionDecisionChangesThemAndItIsRecordedWithWhoAndWhy() {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        UUID organization = verified(profile(slug));
        String newSlug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "coalition-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.as(Roles.COALITION_ADMIN).username(admin).sign()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "MoU with Polda Bali seen on 2026-11-30",
                        "worksWithLawEnforcement", true, "name", "Renamed by the coalition", "slug", newSlug))
                .put("/api/directory/organizations/" + organization + "/verification")
                .then().statusCode(200).body("worksWithLawEnforcement", equalTo(true))
                .body("name", equalTo("Renamed by the coalition")).body("slug", equalTo(newSlug));

        JsonPath decisions = given().auth().oauth2(Tokens.coalitionAdmin())
                .get("/api/directory/organizations/" + organization + "/decisions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(decisions.getList("decidedBy")).first().isEqualTo(admin);
        assertThat(decisions.getString("[0].reason")).isEqualTo("MoU with Polda Bali seen on 2026-11-30");
        assertThat(decisions.getBoolean("[0].worksWithLawEnforcement")).isTrue();
        assertThat(decisions.getString("[0].name")).isEqualTo("Renamed by the coalition");
        assertThat(decisions.getString("[0].slug")).isEqualTo(newSlug);
        assertThat(decisions.getString("[0].status")).isEqualTo("VERIFIED");
        assertThat(decisions.getList("status")).containsExactly("VERIFIED", "VERIFIED", "PENDING");

        given().auth().oauth2(Tokens.orgAdmin(organization)).get("/api/directory/organizations/" + organization + "/decisions")
                .then().statusCode(403);
        given().get("/api/directory/organizations/" + organization + "/decisions").then().statusCode(401);
    }

    @Test
    void interventionServicesNeedTheCoalitionsLawEnforcementRecognition() {
        UUID organization = verified(profile("org-" + UUID.randomUUID().toString().substring(0, 8)));
        for (String token : List.of(Tokens.orgAdmin(organization), Tokens.coalitionAdmin())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(service("removal-from-danger"))
                    .post("/api/directory/organizations/" + organization + "/services")
                    .then().statusCode(422).contentType(PROBLEM);
        }
        String legalAid = given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON)
                .body(service("legal-aid")).post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(201).extract().path("id");
        String etag = given().get("/api/directory/services/" + legalAid).then().extract().header("ETag");
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(service("removal-from-danger")).put("/api/directory/services/" + legalAid)
                .then().statusCode(422).contentType(PROBLEM);
        given().get("/api/directory/services/" + legalAid).then().body("category", equalTo("legal-aid"));

        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "Works with Polda Bali", "worksWithLawEnforcement", true))
                .put("/api/directory/organizations/" + organization + "/verification").then().statusCode(200);
        String removal = given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON)
                .body(service("removal-from-danger")).post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(201).body("slice", equalTo("intervention")).extract().path("id");
        given().get("/api/directory/services/" + removal).then().statusCode(200);

        // When the coalition withdraws the recognition, the intervention services go out of the public directory.
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "MoU with the police ended", "worksWithLawEnforcement", false))
                .put("/api/directory/organizations/" + organization + "/verification").then().statusCode(200);
        given().get("/api/directory/services/" + removal).then().statusCode(404);
        given().auth().oauth2(Tokens.orgAdmin(organization)).get("/api/directory/services/" + removal)
                .then().statusCode(200).body("status", equalTo("INACTIVE"));
        given().get("/api/directory/services/" + legalAid).then().statusCode(200);
    }
}
