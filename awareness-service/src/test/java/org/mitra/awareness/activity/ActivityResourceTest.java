package org.mitra.awareness.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.awareness.AwarenessFixtures.PROBLEM;
import static org.mitra.awareness.AwarenessFixtures.campaign;
import static org.mitra.awareness.AwarenessFixtures.draft;
import static org.mitra.awareness.AwarenessFixtures.launched;
import static org.mitra.awareness.AwarenessFixtures.region;
import static org.mitra.awareness.AwarenessFixtures.transition;
import static org.mitra.awareness.AwarenessFixtures.verifiedMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.AwarenessFixtures.Launched;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ActivityResourceTest {

    static String activities(UUID campaign) {
        return "/api/awareness/campaigns/" + campaign + "/activities";
    }

    static Map<String, Object> activity(Integer capacity) {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>(Map.of("kind", "TRAINING", "title", "Child protection for hospitality staff",
                "startsAt", start.toString(), "endsAt", start.plus(3, ChronoUnit.HOURS).toString(),
                "place", "Community hall", "regionCode", "5103", "language", "en"));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return body;
    }

    static UUID add(Launched launched, Map<String, Object> body) {
        return UUID.fromString(given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON).body(body)
                .post(activities(launched.campaign())).then().statusCode(201).extract().path("id"));
    }

    static Response register(UUID campaign, UUID activity, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "contact", name.toLowerCase() + "@example.org"))
                .post(activities(campaign) + "/" + activity + "/registrations");
    }

    @Test
    void theOwnerAddsActivitiesThatAnyoneSees() {
        Launched launched = launched();
        given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON).body(activity(30))
                .post(activities(launched.campaign())).then().statusCode(201)
                .header("ETag", notNullValue())
                .body("kind", equalTo("TRAINING"))
                .body("capacity", equalTo(30))
                .body("placesLeft", equalTo(30));
        given().auth().oauth2(Tokens.orgAdmin(verifiedMember())).contentType(ContentType.JSON).body(activity(30))
                .post(activities(launched.campaign())).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.caseworker(launched.owner())).contentType(ContentType.JSON).body(activity(30))
                .post(activities(launched.campaign())).then().statusCode(403);
        given().contentType(ContentType.JSON).body(activity(30)).post(activities(launched.campaign())).then().statusCode(401);

        Map<String, Object> backwards = activity(30);
        backwards.put("endsAt", Instant.now().toString());
        given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON).body(backwards)
                .post(activities(launched.campaign())).then().statusCode(400).body("errors.field", contains("endsAt"));
        Map<String, Object> bad = activity(0);
        bad.put("language", "English");
        bad.put("title", "t".repeat(300));
        given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON).body(bad)
                .post(activities(launched.campaign())).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("capacity", "language", "title"));

        given().get(activities(launched.campaign())).then().statusCode(200).header("X-Total-Count", "1")
                .body("items[0].title", equalTo("Child protection for hospitality staff"));
    }

    @Test
    void aFullActivityKeepsAWaitingListThatMovesUpWhenAPlaceFrees() {
        Launched launched = launched();
        UUID activity = add(launched, activity(2));
        register(launched.campaign(), activity, "Ayu").then().statusCode(201).body("status", equalTo("REGISTERED"))
                .body("waitlistPosition", nullValue());
        Response second = register(launched.campaign(), activity, "Budi");
        second.then().statusCode(201).body("status", equalTo("REGISTERED")).body("token", notNullValue());
        register(launched.campaign(), activity, "Citra").then().statusCode(201).body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1));
        register(launched.campaign(), activity, "Dewi").then().statusCode(201).body("waitlistPosition", equalTo(2));

        String path = activities(launched.campaign()) + "/" + activity;
        given().get(path).then().statusCode(200).body("registered", equalTo(2)).body("waitlisted", equalTo(2))
                .body("placesLeft", equalTo(0));

        String cancel = path + "/registrations/" + second.path("id");
        given().delete(cancel).then().statusCode(400);
        given().header("Registration-Token", "not-the-token").delete(cancel).then().statusCode(404);
        given().header("Registration-Token", (String) second.path("token")).delete(cancel).then().statusCode(204);
        given().auth().oauth2(Tokens.orgAdmin(launched.owner())).get(path + "/registrations").then().statusCode(200)
                .body("items.name", contains("Ayu", "Citra", "Dewi"))
                .body("items.status", contains("REGISTERED", "REGISTERED", "WAITLISTED"));

        String etag = given().get(path).header("ETag");
        Map<String, Object> bigger = activity(5);
        given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON).body(bigger).put(path)
                .then().statusCode(428);
        given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON).header("If-Match", etag)
                .body(bigger).put(path).then().statusCode(200).body("registered", equalTo(3)).body("waitlisted", equalTo(0))
                .body("placesLeft", equalTo(2));
    }

    @Test
    void registrantsAreSeenOnlyByTheCampaignsOrganizations() {
        UUID owner = verifiedMember();
        UUID coSponsor = verifiedMember();
        Map<String, Object> body = campaign(region());
        body.put("coSponsors", List.of(coSponsor.toString()));
        UUID campaign = draft(owner, body);
        transition(owner, campaign, "LAUNCH");
        given().auth().oauth2(Tokens.orgAdmin(coSponsor)).post("/api/awareness/campaigns/" + campaign + "/co-sponsorship")
                .then().statusCode(200);
        Launched launched = new Launched(owner, campaign);
        UUID activity = add(launched, activity(null));
        register(campaign, activity, "Eka").then().statusCode(201).body("status", equalTo("REGISTERED"));
        String registrations = activities(campaign) + "/" + activity + "/registrations";

        for (String token : List.of(Tokens.caseworker(owner), Tokens.orgAdmin(coSponsor))) {
            given().auth().oauth2(token).get(registrations).then().statusCode(200)
                    .body("items.name", contains("Eka")).body("items.contact", contains("eka@example.org"));
        }
        for (String token : List.of(Tokens.orgAdmin(verifiedMember()), Tokens.coalitionAdmin(), Tokens.govLiaison())) {
            given().auth().oauth2(token).get(registrations).then().statusCode(403).contentType(PROBLEM)
                    .body(not(org.hamcrest.Matchers.containsString("eka@example.org")));
        }
        given().get(registrations).then().statusCode(401);
        given().get(activities(campaign)).then().statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString("Eka")))
                .body("items[0].registered", equalTo(1))
                .body("items[0].placesLeft", nullValue());
    }

    @Test
    void registrationsNeedAnActiveCampaignAndAContact() {
        UUID owner = verifiedMember();
        UUID campaign = draft(owner, campaign(region()));
        UUID activity = add(new Launched(owner, campaign), activity(10));
        register(campaign, activity, "Fajar").then().statusCode(404).contentType(PROBLEM);

        transition(owner, campaign, "LAUNCH");
        given().contentType(ContentType.JSON).body(Map.of("name", "Fajar", "contact", "<script>"))
                .post(activities(campaign) + "/" + activity + "/registrations").then().statusCode(400)
                .body("errors.field", contains("contact"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Fajar", "contact", "+62 361 000000"))
                .post(activities(campaign) + "/" + activity + "/registrations").then().statusCode(201);
        register(campaign, UUID.randomUUID(), "Fajar").then().statusCode(404);

        transition(owner, campaign, "END");
        register(campaign, activity, "Gede").then().statusCode(409).body("currentState", equalTo("ENDED"));
    }

    @Test
    void registrationSpamFromOneSourceIsHeldBack() {
        Launched launched = launched();
        UUID activity = add(launched, activity(null));
        String source = "203.0.113." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
        Map<String, Object> body = Map.of("name", "Spam", "contact", "spam@example.org");
        String registrations = activities(launched.campaign()) + "/" + activity + "/registrations";
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", source).contentType(ContentType.JSON).body(body).post(registrations)
                    .then().statusCode(201);
        }
        given().header("X-Forwarded-For", source).contentType(ContentType.JSON).body(body).post(registrations)
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", notNullValue());
        given().header("X-Forwarded-For", "192.0.2.200").contentType(ContentType.JSON).body(body).post(registrations)
                .then().statusCode(201);
    }
}
