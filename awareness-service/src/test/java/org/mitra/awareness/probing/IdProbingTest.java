package org.mitra.awareness.probing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.awareness.AwarenessFixtures.PROBLEM;
import static org.mitra.awareness.AwarenessFixtures.launched;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.AwarenessFixtures.Launched;
import org.mitra.awareness.SecretTokens;
import org.mitra.awareness.activity.Registration;
import org.mitra.awareness.pledge.Pledge;
import org.mitra.testkit.Tokens;

/**
 * OWASP API1 (finding AWR-1): without the right token nobody may tell which pledge or registration ids
 * exist. A wrong or foreign token, an object under another campaign or activity and an unknown id must
 * all give the very same answer, apart from the id the caller sent.
 */
@QuarkusTest
class IdProbingTest {

    /** One token-guarded operation: (path of the object, token) to the answer. */
    interface Operation extends BiFunction<String, String, Response> {
    }

    /** What an answer tells the caller: status, media type, problem members, and the detail without the id. */
    record Answer(int status, String contentType, TreeSet<String> members, String type, String title, String detail) {
        static Answer of(Response response, UUID id) {
            Map<String, Object> body = response.jsonPath().getMap("");
            return new Answer(response.statusCode(), response.contentType(), new TreeSet<>(body.keySet()),
                    response.path("type"), response.path("title"),
                    ((String) response.path("detail")).replace(id.toString(), "<id>"));
        }
    }

    static String client() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + ", 10.0.0.3";
    }

    static String pledges(UUID campaign) {
        return "/api/awareness/campaigns/" + campaign + "/pledges";
    }

    static Response businessPledge(UUID campaign) {
        return given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("kind", "BUSINESS", "businessName", "Probe Tours", "businessType", "HOTEL",
                        "commitment", "child-safe-code", "country", "ID", "contactConsent", true,
                        "email", "probe-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org"))
                .post(pledges(campaign)).then().statusCode(201).extract().response();
    }

    static RequestSpecification withHeader(String header, String token) {
        return given().header(header, token);
    }

    static final Operation CHECKLIST = (path, token) -> withHeader("Pledge-Token", token).contentType(ContentType.JSON)
            .body(Map.of("met", java.util.List.of("STAFF_TRAINING_AND_REPORTING"))).put(path + "/checklist");
    static final Operation UNSUBSCRIBE_LINK = (path, token) -> given().queryParam("token", token).get(path + "/unsubscribe");
    static final Operation UNSUBSCRIBE = (path, token) -> given().queryParam("token", token).post(path + "/unsubscribe");
    static final Operation ERASE = (path, token) -> withHeader("Pledge-Token", token).delete(path);
    static final Operation CANCEL = (path, token) -> withHeader("Registration-Token", token).delete(path);

    /** Every probe of an existing pledge without its token answers exactly as an unknown pledge id does. */
    void pledgeProbesLookUnknown(Operation operation, int success) {
        Launched launched = launched();
        Launched other = launched();
        Response target = businessPledge(launched.campaign());
        Response foreign = businessPledge(launched.campaign());
        Response elsewhere = businessPledge(other.campaign());
        UUID id = UUID.fromString(target.path("id"));
        String token = target.path("token");
        String path = pledges(launched.campaign()) + "/" + id;

        UUID unknown = UUID.randomUUID();
        Answer expected = Answer.of(operation.apply(pledges(launched.campaign()) + "/" + unknown, SecretTokens.newToken()), unknown);
        assertThat(expected.status()).isEqualTo(404);
        assertThat(expected.contentType()).startsWith(PROBLEM);
        assertThat(expected.detail()).isEqualTo("Pledge <id> does not exist");
        assertThat(Answer.of(operation.apply(pledges(launched.campaign()) + "/" + unknown, token), unknown))
                .as("an unknown id with a real token of another pledge").isEqualTo(expected);

        assertThat(Answer.of(operation.apply(path, SecretTokens.newToken()), id)).as("a wrong token").isEqualTo(expected);
        assertThat(Answer.of(operation.apply(path, "wrong"), id)).as("a short wrong token").isEqualTo(expected);
        assertThat(Answer.of(operation.apply(path, foreign.path("token")), id)).as("another pledge's token").isEqualTo(expected);
        assertThat(Answer.of(operation.apply(path, elsewhere.path("token")), id)).as("another campaign's pledge token").isEqualTo(expected);
        assertThat(Answer.of(operation.apply(pledges(other.campaign()) + "/" + id, token), id))
                .as("the pledge under another campaign's id, even with its own token").isEqualTo(expected);
        assertThat(Answer.of(operation.apply(pledges(UUID.randomUUID()) + "/" + id, token), id))
                .as("the pledge under an unknown campaign id").isEqualTo(expected);
        UUID elsewhereId = UUID.fromString(elsewhere.path("id"));
        assertThat(Answer.of(operation.apply(pledges(launched.campaign()) + "/" + elsewhereId, elsewhere.path("token")), elsewhereId))
                .as("another campaign's pledge under this campaign's id").isEqualTo(expected);

        QuarkusTransaction.requiringNew().run(() -> {
            Pledge untouched = Pledge.findById(id);
            assertThat(untouched).as("no probe changed or erased the pledge").isNotNull();
            assertThat(untouched.unsubscribedAt).isNull();
            assertThat(untouched.criteria).isEmpty();
        });

        operation.apply(path, token).then().statusCode(success);
    }

    @Test
    void theChecklistOfAPledgeCannotBeProbed() {
        pledgeProbesLookUnknown(CHECKLIST, 200);
    }

    @Test
    void theUnsubscribeLinkOfAPledgeCannotBeProbed() {
        pledgeProbesLookUnknown(UNSUBSCRIBE_LINK, 204);
    }

    @Test
    void unsubscribingFromAPledgeCannotBeProbed() {
        pledgeProbesLookUnknown(UNSUBSCRIBE, 204);
    }

    @Test
    void erasingAPledgeCannotBeProbed() {
        pledgeProbesLookUnknown(ERASE, 204);
    }

    static String activities(UUID campaign) {
        return "/api/awareness/campaigns/" + campaign + "/activities";
    }

    static UUID activity(Launched launched) {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return UUID.fromString(given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON)
                .body(Map.of("kind", "TALK", "title", "Safe travel", "startsAt", start.toString(),
                        "endsAt", start.plus(1, ChronoUnit.HOURS).toString(), "place", "Hall", "regionCode", "5103",
                        "language", "en", "capacity", 1))
                .post(activities(launched.campaign())).then().statusCode(201).extract().path("id"));
    }

    static Response register(UUID campaign, UUID activity) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Probe", "contact", "probe@example.org"))
                .post(activities(campaign) + "/" + activity + "/registrations").then().statusCode(201).extract().response();
    }

    static String registration(UUID campaign, UUID activity, Object registration) {
        return activities(campaign) + "/" + activity + "/registrations/" + registration;
    }

    @Test
    void cancellingARegistrationCannotBeProbed() {
        Launched launched = launched();
        Launched other = launched();
        UUID activity = activity(launched);
        UUID sibling = activity(launched);
        UUID otherActivity = activity(other);
        Response target = register(launched.campaign(), activity);
        Response waiting = register(launched.campaign(), activity);
        Response elsewhere = register(other.campaign(), otherActivity);
        UUID id = UUID.fromString(target.path("id"));
        String token = target.path("token");
        String path = registration(launched.campaign(), activity, id);

        UUID unknown = UUID.randomUUID();
        Answer expected = Answer.of(CANCEL.apply(registration(launched.campaign(), activity, unknown), SecretTokens.newToken()), unknown);
        assertThat(expected.status()).isEqualTo(404);
        assertThat(expected.contentType()).startsWith(PROBLEM);
        assertThat(expected.detail()).isEqualTo("Registration <id> does not exist");
        assertThat(Answer.of(CANCEL.apply(registration(launched.campaign(), activity, unknown), token), unknown))
                .as("an unknown id with a real token of another registration").isEqualTo(expected);

        assertThat(Answer.of(CANCEL.apply(path, SecretTokens.newToken()), id)).as("a wrong token").isEqualTo(expected);
        assertThat(Answer.of(CANCEL.apply(path, "wrong"), id)).as("a short wrong token").isEqualTo(expected);
        assertThat(Answer.of(CANCEL.apply(path, waiting.path("token")), id)).as("another registration's token").isEqualTo(expected);
        assertThat(Answer.of(CANCEL.apply(path, elsewhere.path("token")), id)).as("another campaign's registration token")
                .isEqualTo(expected);
        assertThat(Answer.of(CANCEL.apply(registration(launched.campaign(), sibling, id), token), id))
                .as("the registration under another activity of the campaign").isEqualTo(expected);
        assertThat(Answer.of(CANCEL.apply(registration(other.campaign(), activity, id), token), id))
                .as("the registration under another campaign's id").isEqualTo(expected);
        assertThat(Answer.of(CANCEL.apply(registration(launched.campaign(), UUID.randomUUID(), id), token), id))
                .as("the registration under an unknown activity id").isEqualTo(expected);
        assertThat(Answer.of(CANCEL.apply(registration(UUID.randomUUID(), activity, id), token), id))
                .as("the registration under an unknown campaign id").isEqualTo(expected);
        UUID elsewhereId = UUID.fromString(elsewhere.path("id"));
        assertThat(Answer.of(CANCEL.apply(registration(launched.campaign(), activity, elsewhereId), elsewhere.path("token")), elsewhereId))
                .as("another activity's registration under this activity").isEqualTo(expected);

        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("activityId", activity))).isEqualTo(2);

        CANCEL.apply(path, token).then().statusCode(204);
        CANCEL.apply(path, token).then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(
                UUID.fromString(waiting.path("id"))).status)).as("the waiting list still moves up").isEqualTo(Registration.Status.REGISTERED);
    }

    @Test
    void theOpenApiDocumentPromisesA404AndNo403ForTheTokenGuardedOperations() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        String pledge = "/api/awareness/campaigns/{campaignId}/pledges/{pledgeId}";
        Map<String, String> operations = Map.of(pledge + "/checklist", "put", pledge + "/unsubscribe", "get",
                pledge, "delete", "/api/awareness/campaigns/{campaignId}/activities/{activityId}/registrations/{registrationId}", "delete");
        operations.forEach((path, method) -> assertResponses(paths, path, method));
        assertResponses(paths, pledge + "/unsubscribe", "post");
    }

    @SuppressWarnings("unchecked")
    static void assertResponses(Map<String, Map<String, Map<String, Object>>> paths, String path, String method) {
        Map<String, Object> responses = (Map<String, Object>) paths.get(path).get(method).get("responses");
        assertThat(responses).as(method + " " + path).containsKey("404").doesNotContainKey("403");
    }
}
