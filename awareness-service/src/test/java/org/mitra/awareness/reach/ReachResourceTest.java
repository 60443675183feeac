package org.mitra.awareness.reach;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.awareness.AwarenessFixtures.campaign;
import static org.mitra.awareness.AwarenessFixtures.draft;
import static org.mitra.awareness.AwarenessFixtures.launched;
import static org.mitra.awareness.AwarenessFixtures.region;
import static org.mitra.awareness.AwarenessFixtures.verifiedMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.AwarenessFixtures.Launched;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ReachResourceTest {

    static void pledge(UUID campaign, Map<String, Object> body) {
        given().header("X-Forwarded-For", "192.0.2." + (1 + (int) (Math.random() * 250))).contentType(ContentType.JSON).body(body)
                .post("/api/awareness/campaigns/" + campaign + "/pledges").then().statusCode(201);
    }

    static Map<String, Object> person(String country, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", country,
                "source", "instagram", "contactConsent", email != null));
        if (email != null) {
            body.put("email", email);
        }
        return body;
    }

    static Map<String, Object> business(String name, String type, List<String> criteria) {
        return Map.of("kind", "BUSINESS", "businessName", name, "businessType", type, "commitment", "child-safe-code",
                "country", "ID", "source", "hotel-flyer", "contactConsent", true, "email", name.toLowerCase() + "@example.org",
                "criteria", criteria);
    }

    static void activity(Launched launched, Integer attendance) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        Map<String, Object> body = new HashMap<>(Map.of("kind", "STAND", "title", "Stand", "startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "place", "Beach front", "language", "en"));
        if (attendance != null) {
            body.put("attendance", attendance);
        }
        String id = given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON).body(body)
                .post("/api/awareness/campaigns/" + launched.campaign() + "/activities").then().statusCode(201).extract().path("id");
        if (attendance == null) {
            for (String name : List.of("Komang", "Nyoman")) {
                given().contentType(ContentType.JSON).body(Map.of("name", name, "contact", name + "@example.org"))
                        .post("/api/awareness/campaigns/" + launched.campaign() + "/activities/" + id + "/registrations")
                        .then().statusCode(201);
            }
        }
    }

    @Test
    void reachCountsEachEmailOnceAndNamesNoOne() {
        Launched launched = launched();
        String email = "reach-" + UUID.randomUUID() + "@example.org";
        pledge(launched.campaign(), person("AU", email));
        pledge(launched.campaign(), person("AU", email.toUpperCase()));
        pledge(launched.campaign(), person("NZ", null));
        pledge(launched.campaign(), business("Harbour-Hotel", "HOTEL", List.of("POLICY_AND_PROCEDURES",
                "STAFF_TRAINING_AND_REPORTING", "SUPPLIER_CONTRACT_CLAUSE", "TRAVELLER_INFORMATION", "LOCAL_STAKEHOLDERS",
                "YEARLY_REPORTING")));
        pledge(launched.campaign(), business("Ketut-Driver", "DRIVER", List.of("POLICY_AND_PROCEDURES")));
        activity(launched, null);
        activity(launched, 15);

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        given().get("/api/awareness/campaigns/" + launched.campaign() + "/reach").then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("pledges.total", equalTo(4))
                .body("pledges.byKind.PERSON", equalTo(2))
                .body("pledges.byKind.BUSINESS", equalTo(2))
                .body("pledges.byCountry.AU", equalTo(1))
                .body("pledges.byCountry.NZ", equalTo(1))
                .body("pledges.byCountry.ID", equalTo(2))
                .body("pledges.byBusinessType.HOTEL", equalTo(1))
                .body("pledges.byBusinessType.DRIVER", equalTo(1))
                .body("pledges.bySource.instagram", equalTo(2))
                .body("pledges.bySource.hotel-flyer", equalTo(2))
                .body("pledges.overTime.month", contains(month))
                .body("pledges.overTime.count", contains(4))
                .body("businesses.pledged", equalTo(2))
                .body("businesses.meetingCriterion.POLICY_AND_PROCEDURES", equalTo(2))
                .body("businesses.meetingCriterion.YEARLY_REPORTING", equalTo(1))
                .body("businesses.meetingAll", equalTo(1))
                .body("activities.count", equalTo(2))
                .body("activities.registered", equalTo(2))
                .body("activities.attended", equalTo(15))
                .body("activities.reached", equalTo(17))
                .body("goals.pledges.goal", equalTo(10))
                .body("goals.pledges.reached", equalTo(4))
                .body("goals.pledges.percent", equalTo(40))
                .body("goals.businessPledges.percent", equalTo(50))
                .body("goals.attendance.reached", equalTo(17))
                .body(not(containsString("@")))
                .body(not(containsString("Harbour-Hotel")))
                .body(not(containsString("Komang")));
    }

    @Test
    void aDraftsReachIsHiddenAndAFreshCampaignHasNoFigures() {
        UUID owner = verifiedMember();
        Map<String, Object> body = campaign(region());
        body.remove("goals");
        UUID drafted = draft(owner, body);
        given().get("/api/awareness/campaigns/" + drafted + "/reach").then().statusCode(404);
        given().auth().oauth2(Tokens.orgAdmin(owner)).get("/api/awareness/campaigns/" + drafted + "/reach").then().statusCode(200)
                .body("pledges.total", equalTo(0))
                .body("businesses.meetingCriterion.POLICY_AND_PROCEDURES", equalTo(0))
                .body("activities.reached", equalTo(0))
                .body("goals.pledges", nullValue());
    }
}
