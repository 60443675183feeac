package org.mitra.awareness.probing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.awareness.AwarenessFixtures.launched;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.AwarenessFixtures.Launched;
import org.mitra.testkit.Tokens;

/**
 * Issue 12 item 13 (ReDoS): every string field an anonymous caller can send is given a 1 MB value built to be the
 * worst case for its check (many repetitions of the prefix its pattern partly matches), and the service must refuse
 * it with a 400 within a second. Before the fix the registration contact pattern was quadratic (hours for 1 MB) and
 * the channel-code pattern of a pledge's source overflowed the stack.
 */
@QuarkusTest
class AdversarialInputTest {
    /** Just under the 1 MiB body limit once wrapped in JSON. */
    static final int MEGABYTE = 1_000_000;
    static final Duration BOUND = Duration.ofSeconds(1);
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code unit} repeated to about a megabyte, then {@code end}: what the pattern partly matches, then what spoils it. */
    static String adversarial(String unit, String end) {
        return unit.repeat((MEGABYTE - end.length()) / unit.length()) + end;
    }

    /** The worst case of each public field's check. */
    static final Map<String, String> PLEDGE_FIELDS = new LinkedHashMap<>();
    static final Map<String, String> REGISTRATION_FIELDS = new LinkedHashMap<>();

    static {
        PLEDGE_FIELDS.put("kind", adversarial("PERSON", "!"));
        PLEDGE_FIELDS.put("businessName", adversarial("Villa ", "!"));
        PLEDGE_FIELDS.put("businessType", adversarial("HOTEL", "!"));
        PLEDGE_FIELDS.put("commitment", adversarial("report-suspicions-", "!"));
        PLEDGE_FIELDS.put("country", adversarial("A", "1"));
        PLEDGE_FIELDS.put("source", adversarial("a-", "!"));
        PLEDGE_FIELDS.put("email", "a@" + adversarial("a.", "@"));
        PLEDGE_FIELDS.put("criteria", adversarial("POLICY_", "!"));
        REGISTRATION_FIELDS.put("name", adversarial("Made ", "!"));
        REGISTRATION_FIELDS.put("contact", "a@" + adversarial("a.", "@"));
    }

    static String client() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    static Map<String, Object> businessPledge() {
        return new HashMap<>(Map.of("kind", "BUSINESS", "businessName", "Villa Example", "businessType", "HOTEL",
                "commitment", "child-safe-code", "country", "ID", "source", "hotel-flyer", "contactConsent", true,
                "email", "guest@example.org", "criteria", List.of("POLICY_AND_PROCEDURES")));
    }

    record Answer(int status, Duration took) {
    }

    Answer send(String method, String path, Map<String, Object> body, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), Duration.ofNanos(System.nanoTime() - start));
        } catch (HttpTimeoutException timedOut) {
            return new Answer(-1, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    UUID activityOf(Launched launched) {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return UUID.fromString(given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON)
                .body(Map.of("kind", "TALK", "title", "A talk", "startsAt", start.toString(),
                        "endsAt", start.plus(1, ChronoUnit.HOURS).toString(), "place", "Community hall", "language", "en"))
                .post("/api/awareness/campaigns/" + launched.campaign() + "/activities").then().statusCode(201)
                .extract().path("id"));
    }

    @Test
    void everyPublicStringFieldRefusesAMegabyteOfItsWorstCaseWithin1s() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        Launched launched = launched();
        String pledges = "api/awareness/campaigns/" + launched.campaign() + "/pledges";
        Map<String, Object> warmUp = businessPledge();
        warmUp.put("businessName", adversarial("Villa ", "!"));
        send("POST", pledges, warmUp, client()); // the first megabyte parsed in this JVM is slow for reasons of its own
        for (Map.Entry<String, String> field : PLEDGE_FIELDS.entrySet()) {
            Map<String, Object> body = businessPledge();
            body.put(field.getKey(), field.getKey().equals("criteria") ? List.of(field.getValue()) : field.getValue());
            Answer answer = send("POST", pledges, body, client());
            softly.assertThat(answer.status()).as("pledge %s: status", field.getKey()).isEqualTo(400);
            softly.assertThat(answer.took()).as("pledge %s: time", field.getKey()).isLessThan(BOUND);
        }

        Answer checklist = send("PUT", pledges + "/" + UUID.randomUUID() + "/checklist",
                Map.of("met", List.of(adversarial("POLICY_", "!"))), null);
        softly.assertThat(checklist.status()).as("checklist: status").isEqualTo(400);
        softly.assertThat(checklist.took()).as("checklist: time").isLessThan(BOUND);

        String registrations = "api/awareness/campaigns/" + launched.campaign() + "/activities/" + activityOf(launched)
                + "/registrations";
        for (Map.Entry<String, String> field : REGISTRATION_FIELDS.entrySet()) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Made Example", "contact", "made@example.org"));
            body.put(field.getKey(), field.getValue());
            Answer answer = send("POST", registrations, body, client());
            softly.assertThat(answer.status()).as("registration %s: status", field.getKey()).isEqualTo(400);
            softly.assertThat(answer.took()).as("registration %s: time", field.getKey()).isLessThan(BOUND);
        }
        softly.assertAll();
    }

    /** The anonymous query parameters: as long as a request line may be (4096), each refused at once. */
    @Test
    void everyPublicQueryParameterRefusesItsWorstCaseAtOnce() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("region", adversarial("12", "1").substring(0, 3_900));
        parameters.put("audience", adversarial("tourists", "!").substring(0, 3_900));
        parameters.put("status", adversarial("ACTIVE", "!").substring(0, 3_900));
        parameters.put("kind", adversarial("PERSON", "!").substring(0, 3_900));
        Launched launched = launched();
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String path = parameter.getKey().equals("kind")
                    ? "api/awareness/campaigns/" + launched.campaign() + "/pledges" : "api/awareness/campaigns";
            long start = System.nanoTime();
            int status = given().queryParam(parameter.getKey(), parameter.getValue() + "!").get("/" + path).statusCode();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            softly.assertThat(status).as("%s: status", parameter.getKey()).isEqualTo(400);
            softly.assertThat(took).as("%s: time", parameter.getKey()).isLessThan(BOUND);
        }
        softly.assertAll();
    }

    @Test
    void aSourceOverItsLimitIsRefusedBeforeItsBodyIsValidated() throws Exception {
        Launched launched = launched();
        String pledges = "api/awareness/campaigns/" + launched.campaign() + "/pledges";
        String source = client();
        Map<String, Object> valid = new HashMap<>(Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", "AU",
                "contactConsent", false));
        for (int i = 0; i < 20; i++) {
            assertThat(send("POST", pledges, valid, source).status()).isEqualTo(201);
        }
        Map<String, Object> adversarial = new HashMap<>(valid);
        adversarial.put("email", PLEDGE_FIELDS.get("email"));
        Answer answer = send("POST", pledges, adversarial, source);
        assertThat(answer.status()).as("the limit answers before validation runs").isEqualTo(429);

        String registrations = "api/awareness/campaigns/" + launched.campaign() + "/activities/" + activityOf(launched)
                + "/registrations";
        for (int i = 0; i < 20; i++) {
            send("POST", registrations, Map.of("name", "Spam", "contact", "spam@example.org"), source);
        }
        Answer registration = send("POST", registrations, Map.of("name", "Spam", "contact", REGISTRATION_FIELDS.get("contact")),
                source);
        assertThat(registration.status()).as("the limit answers before validation runs").isEqualTo(429);
    }
}
