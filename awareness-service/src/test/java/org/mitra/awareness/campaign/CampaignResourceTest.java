package org.mitra.awareness.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.mitra.awareness.AwarenessFixtures.PROBLEM;
import static org.mitra.awareness.AwarenessFixtures.campaign;
import static org.mitra.awareness.AwarenessFixtures.draft;
import static org.mitra.awareness.AwarenessFixtures.member;
import static org.mitra.awareness.AwarenessFixtures.region;
import static org.mitra.awareness.AwarenessFixtures.transition;
import static org.mitra.awareness.AwarenessFixtures.verifiedMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.Tokens;

@QuarkusTest
class CampaignResourceTest {

    @Test
    void aDraftIsSeenOnlyByItsOwnerAndTheCoalitionUntilLaunched() {
        UUID owner = verifiedMember();
        Response created = given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(campaign(region()))
                .post("/api/awareness/campaigns");
        created.then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("status", equalTo("DRAFT"))
                .body("organizationId", equalTo(owner.toString()))
                .body("content.en.title", equalTo("Child-safe tourism"))
                .body("content.id.title", equalTo("Pariwisata ramah anak"))
                .body("pledgeOptions.code", contains("report-suspicions", "child-safe-code"))
                .body("goals.pledges", equalTo(10));
        String id = created.path("id");

        given().get("/api/awareness/campaigns/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(verifiedMember())).get("/api/awareness/campaigns/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.caseworker(owner)).get("/api/awareness/campaigns/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/awareness/campaigns/" + id).then().statusCode(200);

        transition(owner, UUID.fromString(id), "LAUNCH");
        given().get("/api/awareness/campaigns/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void theLifecycleMovesOnlyByExplicitAllowedTransitions() {
        UUID owner = verifiedMember();
        UUID id = draft(owner, campaign(region()));
        String transitions = "/api/awareness/campaigns/" + id + "/transitions";

        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(Map.of("action", "END"))
                .post(transitions).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("/problems/invalid-transition"))
                .body("currentState", equalTo("DRAFT"))
                .body("allowedActions", containsInAnyOrder("LAUNCH", "CANCEL"));

        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON)
                .body(Map.of("action", "LAUNCH", "reason", "Materials ready"))
                .post(transitions).then().statusCode(200).body("status", equalTo("ACTIVE")).body("statusReason", equalTo("Materials ready"));
        given().auth().oauth2(Tokens.orgAdmin(verifiedMember())).contentType(ContentType.JSON).body(Map.of("action", "END"))
                .post(transitions).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(Map.of("action", "END"))
                .post(transitions).then().statusCode(200).body("status", equalTo("ENDED"));
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(Map.of("action", "CANCEL"))
                .post(transitions).then().statusCode(409).body("currentState", equalTo("ENDED"));
        given().get("/api/awareness/campaigns/" + id).then().statusCode(200).body("status", equalTo("ENDED"));

        String etag = given().auth().oauth2(Tokens.orgAdmin(owner)).get("/api/awareness/campaigns/" + id).header("ETag");
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(campaign(region())).put("/api/awareness/campaigns/" + id).then().statusCode(409);

        UUID cancelled = draft(owner, campaign(region()));
        transition(owner, cancelled, "CANCEL");
        given().get("/api/awareness/campaigns/" + cancelled).then().statusCode(404);
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(Map.of("action", "bogus"))
                .post("/api/awareness/campaigns/" + cancelled + "/transitions").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void editsNeedTheCurrentETagAndTheOwnersAdmin() {
        UUID owner = verifiedMember();
        Map<String, Object> body = campaign(region());
        UUID id = draft(owner, body);
        String path = "/api/awareness/campaigns/" + id;
        String etag = given().auth().oauth2(Tokens.orgAdmin(owner)).get(path).then().statusCode(200).extract().header("ETag");
        body.put("goals", Map.of("pledges", 99));

        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(428).contentType(PROBLEM);
        given().auth().oauth2(Tokens.caseworker(owner)).contentType(ContentType.JSON).header("If-Match", etag).body(body).put(path)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).header("If-Match", etag).body(body).put(path)
                .then().statusCode(200).body("goals.pledges", equalTo(99));
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).header("If-Match", etag).body(body).put(path)
                .then().statusCode(412).contentType(PROBLEM);

        transition(owner, id, "LAUNCH");
        String launched = given().get(path).header("ETag");
        given().auth().oauth2(Tokens.orgAdmin(verifiedMember())).contentType(ContentType.JSON).header("If-Match", launched)
                .body(body).put(path).then().statusCode(403);
        body.put("organizationId", verifiedMember().toString());
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).header("If-Match", launched)
                .body(body).put(path).then().statusCode(403);
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).header("If-Match", launched)
                .body(body).put(path).then().statusCode(200).body("organizationId", equalTo(body.get("organizationId")));
    }

    @Test
    void ownersAndCoSponsorsMustBeVerifiedMembers() {
        UUID owner = verifiedMember();
        UUID verified = verifiedMember();
        UUID pending = member(OrganizationStatus.PENDING);
        Map<String, Object> body = campaign(region());
        body.put("coSponsors", List.of(verified.toString(), pending.toString(), UUID.randomUUID().toString()));
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(body).post("/api/awareness/campaigns")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("coSponsors[1]", "coSponsors[2]"));

        body.put("coSponsors", List.of(verified.toString()));
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(body).post("/api/awareness/campaigns")
                .then().statusCode(201).body("coSponsors", contains(verified.toString()));

        given().auth().oauth2(Tokens.orgAdmin(pending)).contentType(ContentType.JSON).body(campaign(region()))
                .post("/api/awareness/campaigns").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("/problems/organization-not-verified"))
                .body("organizationStatus", equalTo("PENDING"));
        Map<String, Object> other = campaign(region());
        other.put("organizationId", verified.toString());
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(other)
                .post("/api/awareness/campaigns").then().statusCode(403);
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(other)
                .post("/api/awareness/campaigns").then().statusCode(201).body("organizationId", equalTo(verified.toString()));
        other.put("slug", org.mitra.awareness.AwarenessFixtures.slug());
        other.put("organizationId", pending.toString());
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(other)
                .post("/api/awareness/campaigns").then().statusCode(400).body("errors.field", contains("organizationId"));
        given().auth().oauth2(Tokens.caseworker(owner)).contentType(ContentType.JSON).body(campaign(region()))
                .post("/api/awareness/campaigns").then().statusCode(403);
        given().contentType(ContentType.JSON).body(campaign(region())).post("/api/awareness/campaigns").then().statusCode(401);
    }

    @Test
    void badCampaignsAreRefusedWithEveryBadField() {
        UUID owner = verifiedMember();
        Map<String, Object> body = campaign(region());
        body.put("content", Map.of("en", org.mitra.awareness.AwarenessFixtures.content("Only English")));
        body.put("startDate", LocalDate.now().plusDays(10).toString());
        body.put("endDate", LocalDate.now().toString());
        body.put("audiences", List.of("tourists", "aliens"));
        body.put("regions", List.of("Bali"));
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(body).post("/api/awareness/campaigns")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem("audiences[1]"))
                .body("errors.field", hasItem("regions[0]"));

        body = campaign(region());
        body.put("content", Map.of("en", org.mitra.awareness.AwarenessFixtures.content("Only English")));
        body.put("startDate", LocalDate.now().plusDays(10).toString());
        body.put("endDate", LocalDate.now().toString());
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(body).post("/api/awareness/campaigns")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("content.id", "endDate"));
        String refused = (String) body.get("slug");
        org.assertj.core.api.Assertions.assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Campaign.count("slug", refused))).isZero();

        body = campaign(region());
        body.put("content", Map.of("en", org.mitra.awareness.AwarenessFixtures.content("x".repeat(5000)),
                "id", org.mitra.awareness.AwarenessFixtures.content("Judul")));
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(body).post("/api/awareness/campaigns")
                .then().statusCode(400).contentType(PROBLEM);

        body = campaign(region());
        draft(owner, body);
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(body).post("/api/awareness/campaigns")
                .then().statusCode(409).contentType(PROBLEM).body("slug", equalTo(body.get("slug")));
    }

    @Test
    void scriptInFreeTextIsStoredInertlyAndReturnedAsTheSameText() {
        UUID owner = verifiedMember();
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\"";
        Map<String, Object> body = campaign(region());
        body.put("content", Map.of("en", org.mitra.awareness.AwarenessFixtures.content(script),
                "id", org.mitra.awareness.AwarenessFixtures.content("Judul")));
        UUID id = draft(owner, body);
        transition(owner, id, "LAUNCH");
        given().get("/api/awareness/campaigns/" + id).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("content.en.title", equalTo(script));
    }

    @Test
    void theListShowsPublicCampaignsFilteredByStatusRegionAndAudience() {
        UUID owner = verifiedMember();
        String region = region();
        UUID active = draft(owner, campaign(region));
        transition(owner, active, "LAUNCH");
        Map<String, Object> schools = campaign(region);
        schools.put("audiences", List.of("schools", "parents"));
        UUID ended = draft(owner, schools);
        transition(owner, ended, "LAUNCH");
        transition(owner, ended, "END");
        UUID drafted = draft(owner, campaign(region));

        given().queryParam("region", region).get("/api/awareness/campaigns").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("items.id", containsInAnyOrder(active.toString(), ended.toString()));
        given().queryParam("region", region).queryParam("audience", "tourists").get("/api/awareness/campaigns").then()
                .body("items.id", contains(active.toString()));
        given().queryParam("region", region).queryParam("status", "ENDED").get("/api/awareness/campaigns").then()
                .body("items.id", contains(ended.toString()));
        given().auth().oauth2(Tokens.orgAdmin(owner)).queryParam("region", region).get("/api/awareness/campaigns").then()
                .body("items.id", containsInAnyOrder(active.toString(), ended.toString(), drafted.toString()));
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", region).queryParam("status", "DRAFT")
                .get("/api/awareness/campaigns").then().body("items.id", contains(drafted.toString()));
        given().auth().oauth2(Tokens.orgAdmin(verifiedMember())).queryParam("region", region).queryParam("status", "DRAFT")
                .get("/api/awareness/campaigns").then().header("X-Total-Count", "0");
        given().queryParam("audience", "aliens").get("/api/awareness/campaigns").then().statusCode(400)
                .body("errors.field", contains("audience"));
        given().queryParam("size", 500).get("/api/awareness/campaigns").then().statusCode(400);
        given().queryParam("status", "PAUSED").get("/api/awareness/campaigns").then().statusCode(400).contentType(PROBLEM);
    }
}
