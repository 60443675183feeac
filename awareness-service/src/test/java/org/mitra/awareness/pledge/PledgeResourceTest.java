package org.mitra.awareness.pledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.awareness.AwarenessFixtures.PROBLEM;
import static org.mitra.awareness.AwarenessFixtures.campaign;
import static org.mitra.awareness.AwarenessFixtures.draft;
import static org.mitra.awareness.AwarenessFixtures.launched;
import static org.mitra.awareness.AwarenessFixtures.region;
import static org.mitra.awareness.AwarenessFixtures.transition;
import static org.mitra.awareness.AwarenessFixtures.verifiedMember;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.AwarenessFixtures.Launched;
import org.mitra.testkit.Tokens;

@QuarkusTest
class PledgeResourceTest {

    static String pledges(UUID campaign) {
        return "/api/awareness/campaigns/" + campaign + "/pledges";
    }

    static Map<String, Object> person(String email, boolean consent) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", "AU",
                "source", "hotel-flyer", "contactConsent", consent));
        if (email != null) {
            body.put("email", email);
        }
        return body;
    }

    static Map<String, Object> business(String name, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "BUSINESS", "businessName", name, "businessType", "HOTEL",
                "commitment", "child-safe-code", "country", "ID", "contactConsent", true, "email", email,
                "criteria", List.of("POLICY_AND_PROCEDURES")));
        return body;
    }

    /** A fresh client address, so the per-source limit of one test never touches another's. */
    static String client() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + ", 10.0.0.1";
    }

    static Response pledge(UUID campaign, Map<String, Object> body) {
        return given().header("X-Forwarded-For", client()).contentType(ContentType.JSON).body(body).post(pledges(campaign));
    }

    static long stored(UUID campaign) {
        return QuarkusTransaction.requiringNew().call(() -> Pledge.count("campaignId", campaign));
    }

    static long counted(UUID campaign) {
        return QuarkusTransaction.requiringNew().call(() -> Pledge.count("campaignId = ?1 and counted = true", campaign));
    }

    static Pledge find(UUID pledge) {
        return QuarkusTransaction.requiringNew().call(() -> Pledge.<Pledge>findById(pledge));
    }

    static String email() {
        return "pledger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void anyonePledgesWithoutAnAccountAndGetsAReceiptWithATokenOnce() {
        Launched launched = launched();
        Response made = pledge(launched.campaign(), business("Villa Example", email()));
        made.then().statusCode(201)
                .header("Location", notNullValue())
                .body("kind", equalTo("BUSINESS"))
                .body("commitment", equalTo("child-safe-code"))
                .body("token", notNullValue())
                .body("unsubscribeLink", notNullValue());
        UUID id = UUID.fromString(made.path("id"));
        String token = made.path("token");
        Pledge stored = find(id);
        assertThat(stored.tokenHash).isNotEqualTo(token).hasSize(64);
        assertThat(stored.emailHash).hasSize(64);

        given().get(pledges(launched.campaign())).then().statusCode(200)
                .body("items.id", contains(id.toString()))
                .body("items[0].businessName", equalTo("Villa Example"))
                .body("items[0].checklist.met", contains("POLICY_AND_PROCEDURES"))
                .body("items[0].checklist.metCount", equalTo(1))
                .body("items[0].checklist.of", equalTo(6))
                .body("items[0].token", nullValue());
    }

    @Test
    void contactsAreSeenOnlyByTheCampaignsOrganizationsAndOnlyWithConsent() {
        UUID owner = verifiedMember();
        UUID coSponsor = verifiedMember();
        Map<String, Object> body = campaign(region());
        body.put("coSponsors", List.of(coSponsor.toString()));
        UUID campaign = draft(owner, body);
        transition(owner, campaign, "LAUNCH");
        given().auth().oauth2(Tokens.orgAdmin(coSponsor)).post("/api/awareness/campaigns/" + campaign + "/co-sponsorship")
                .then().statusCode(200);
        String consenting = email();
        String silent = email();
        pledge(campaign, person(consenting, true)).then().statusCode(201);
        UUID withoutConsent = UUID.fromString(pledge(campaign, person(silent, false)).then().statusCode(201).extract().path("id"));

        for (String token : List.of(Tokens.orgAdmin(owner), Tokens.caseworker(coSponsor))) {
            given().auth().oauth2(token).get(pledges(campaign)).then().statusCode(200)
                    .body("items.email", containsInAnyOrder(consenting, null));
        }
        for (String token : List.of(Tokens.orgAdmin(verifiedMember()), Tokens.coalitionAdmin(), Tokens.govLiaison())) {
            given().auth().oauth2(token).get(pledges(campaign)).then().statusCode(200)
                    .body("items.email", everyItem(nullValue()));
        }
        given().get(pledges(campaign)).then().statusCode(200).body("items.email", everyItem(nullValue()))
                .body("items.kind", everyItem(equalTo("PERSON")));
        assertThat(find(withoutConsent).email).isNull();
    }

    @Test
    void pledgesByTheSameEmailAreCountedOncePerCampaign() {
        Launched launched = launched();
        String email = email();
        pledge(launched.campaign(), person(email, true)).then().statusCode(201);
        pledge(launched.campaign(), person(email.toUpperCase(), false)).then().statusCode(201);
        pledge(launched.campaign(), business("Warung Example", email)).then().statusCode(201);
        pledge(launched.campaign(), person(email(), false)).then().statusCode(201);
        pledge(launched.campaign(), person(null, false)).then().statusCode(201);

        assertThat(stored(launched.campaign())).isEqualTo(5);
        assertThat(counted(launched.campaign())).isEqualTo(3);

        Launched other = launched();
        pledge(other.campaign(), person(email, false)).then().statusCode(201);
        assertThat(counted(other.campaign())).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMakesNoSecondPledge() {
        Launched launched = launched();
        Map<String, Object> body = person(email(), true);
        String key = UUID.randomUUID().toString();
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(pledges(launched.campaign())).then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(pledges(launched.campaign())).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first))
                .body("token", nullValue())
                .body("unsubscribeLink", nullValue());
        assertThat(stored(launched.campaign())).isEqualTo(1);
    }

    @Test
    void badPledgesAreRefusedAndNothingIsStored() {
        Launched launched = launched();
        Map<String, Object> body = person("not-an-email", true);
        pledge(launched.campaign(), body).then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("email"));
        body = person("a@b", true);
        pledge(launched.campaign(), body).then().statusCode(400).body("errors.field", contains("email"));

        body = person(email(), true);
        body.put("commitment", "give-money");
        body.put("country", "XX");
        pledge(launched.campaign(), body).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("commitment", "country"));
        body = person(email(), true);
        body.put("country", "au");
        pledge(launched.campaign(), body).then().statusCode(400).body("errors.field", contains("country"));
        body = person(null, true);
        pledge(launched.campaign(), body).then().statusCode(400).body("errors.field", contains("email"));
        body = business("Hotel", email());
        body.remove("businessType");
        body.put("businessName", " ");
        pledge(launched.campaign(), body).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("businessName", "businessType"));
        body = business("x".repeat(10_000), email());
        pledge(launched.campaign(), body).then().statusCode(400).body("errors.field", hasItem("businessName"));
        body = business("Hotel", email());
        body.put("businessType", "SPACESHIP");
        pledge(launched.campaign(), body).then().statusCode(400).contentType(PROBLEM);
        body = person(email(), true);
        body.put("source", "<b>friend</b>");
        pledge(launched.campaign(), body).then().statusCode(400).body("errors.field", contains("source"));
        assertThat(stored(launched.campaign())).isZero();

        UUID owner = verifiedMember();
        UUID drafted = draft(owner, campaign(region()));
        pledge(drafted, person(email(), true)).then().statusCode(404).contentType(PROBLEM);
        transition(owner, drafted, "LAUNCH");
        transition(owner, drafted, "END");
        pledge(drafted, person(email(), true)).then().statusCode(409).contentType(PROBLEM).body("currentState", equalTo("ENDED"));
        pledge(UUID.randomUUID(), person(email(), true)).then().statusCode(404);
        assertThat(stored(drafted)).isZero();
    }

    @Test
    void scriptInABusinessNameIsStoredInertly() {
        Launched launched = launched();
        String name = "<script>alert(document.cookie)</script> Hotel & Spa";
        pledge(launched.campaign(), business(name, email())).then().statusCode(201);
        given().get(pledges(launched.campaign())).then().statusCode(200).contentType(ContentType.JSON)
                .body("items[0].businessName", equalTo(name));
    }

    @Test
    void aBusinessUpdatesItsChecklistWithItsToken() {
        Launched launched = launched();
        Response made = pledge(launched.campaign(), business("Tours Example", email()));
        String token = made.path("token");
        String checklist = pledges(launched.campaign()) + "/" + made.path("id") + "/checklist";
        Map<String, Object> update = Map.of("met", List.of("POLICY_AND_PROCEDURES", "STAFF_TRAINING_AND_REPORTING", "YEARLY_REPORTING"));

        given().contentType(ContentType.JSON).body(update).put(checklist).then().statusCode(400)
                .body("errors.field", contains("Pledge-Token"));
        given().header("Pledge-Token", org.mitra.awareness.SecretTokens.newToken()).contentType(ContentType.JSON).body(update).put(checklist)
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Pledge-Token", token).contentType(ContentType.JSON).body(Map.of("met", List.of("BRIBERY"))).put(checklist)
                .then().statusCode(400);
        given().header("Pledge-Token", token).contentType(ContentType.JSON).body(update).put(checklist)
                .then().statusCode(200).body("checklist.metCount", equalTo(3));
        given().queryParam("kind", "BUSINESS").get(pledges(launched.campaign())).then()
                .body("items[0].checklist.met", contains("POLICY_AND_PROCEDURES", "STAFF_TRAINING_AND_REPORTING", "YEARLY_REPORTING"));

        Response person = pledge(launched.campaign(), person(email(), false));
        given().header("Pledge-Token", (String) person.path("token")).contentType(ContentType.JSON).body(update)
                .put(pledges(launched.campaign()) + "/" + person.path("id") + "/checklist").then().statusCode(409);
        given().queryParam("kind", "BUSINESS").get(pledges(launched.campaign())).then().header("X-Total-Count", "1");
    }

    @Test
    void theUnsubscribeLinkStopsContactAndForgetsTheEmail() {
        Launched launched = launched();
        String email = email();
        Response made = pledge(launched.campaign(), person(email, true));
        UUID id = UUID.fromString(made.path("id"));
        String link = made.path("unsubscribeLink");
        given().auth().oauth2(Tokens.orgAdmin(launched.owner())).get(pledges(launched.campaign())).then()
                .body("items[0].email", equalTo(email));

        given().get(link.replace("token=", "token=wrong")).then().statusCode(404);
        given().get(link).then().statusCode(204);
        given().post(link).then().statusCode(204);

        given().auth().oauth2(Tokens.orgAdmin(launched.owner())).get(pledges(launched.campaign())).then()
                .body("items[0].email", nullValue());
        Pledge stored = find(id);
        assertThat(stored.email).isNull();
        assertThat(stored.unsubscribedAt).isNotNull();
        assertThat(stored.counted).isTrue();
    }

    @Test
    void aPledgerErasesTheirPledgeWithTheToken() {
        Launched launched = launched();
        String email = email();
        Response first = pledge(launched.campaign(), person(email, true));
        Response second = pledge(launched.campaign(), person(email, false));
        String path = pledges(launched.campaign()) + "/" + first.path("id");

        given().header("Pledge-Token", (String) second.path("token")).delete(path).then().statusCode(404);
        given().header("Pledge-Token", (String) first.path("token")).delete(path).then().statusCode(204);
        given().header("Pledge-Token", (String) first.path("token")).delete(path).then().statusCode(404);

        assertThat(find(UUID.fromString(first.path("id")))).isNull();
        assertThat(stored(launched.campaign())).isEqualTo(1);
        assertThat(counted(launched.campaign())).as("the later pledge by the same email now counts").isEqualTo(1);
        given().get(pledges(launched.campaign())).then().body("items.id", contains((String) second.path("id")));
    }

    @Test
    void pledgeSpamFromOneSourceIsHeldBackPerCampaign() {
        Launched launched = launched();
        Launched other = launched();
        String source = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", source + ", 10.0.0.2").contentType(ContentType.JSON).body(person(null, false))
                    .post(pledges(launched.campaign())).then().statusCode(201);
        }
        given().header("X-Forwarded-For", source).contentType(ContentType.JSON).body(person(null, false))
                .post(pledges(launched.campaign())).then().statusCode(429).contentType(PROBLEM)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("requestId", notNullValue());
        given().header("X-Forwarded-For", source).contentType(ContentType.JSON).body(person(null, false))
                .post(pledges(other.campaign())).then().statusCode(201);
        given().header("X-Forwarded-For", client()).contentType(ContentType.JSON).body(person(null, false))
                .post(pledges(launched.campaign())).then().statusCode(201);
        assertThat(stored(launched.campaign())).isEqualTo(21);
    }

    @Test
    void pledgesByOneEmailAtTheSameTimeAreStillCountedOnce() throws Exception {
        Launched launched = launched();
        String email = email();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> pledge(launched.campaign(), person(email, true)).statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(stored(launched.campaign())).isEqualTo(6);
        assertThat(counted(launched.campaign())).isEqualTo(1);
    }
}
