package org.mitra.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mitra.referral.ReferralFixtures.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.Tokens;

/** The subscription API: who may make, read and change a subscription, what an endpoint must prove, what is kept. */
@QuarkusTest
class WebhookSubscriptionTest {
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final String PATH = "/api/webhooks/subscriptions";

    @Inject
    DataSource dataSource;

    WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    static ValidatableResponse subscribe(String token, String url, List<String> types) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", types, "description", "case system"))
                .post(PATH).then();
    }

    @Test
    void anEndpointThatEchoesTheSignedChallengeIsActiveAndTheSecretIsShownOnceAndKeptOnlyWrapped() throws Exception {
        UUID shelter = organization(false, SHELTER);
        var created = subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received"))
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("organizationId", equalTo(shelter.toString()))
                .body("eventTypes", equalTo(List.of("referral.received")))
                .body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(PATH + "/" + id);
        String secret = given().auth().oauth2(Tokens.partnerApp(shelter)).get(PATH + "/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("secret", nullValue()).extract().path("secret");
        assertThat(secret).isNull();

        // The challenge was signed with the secret the subscriber got.
        assertThat(receiver.challenges).hasSize(1);
        String shown = rotate(shelter, id);
        assertThat(shown).startsWith("whsec_");

        // At rest only wrapped: no column of the row holds the secret's bytes.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT secret_wrapped, previous_secret_wrapped FROM webhook_subscription WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (int column = 1; column <= 2; column++) {
                    String stored = new String(row.getBytes(column), StandardCharsets.ISO_8859_1);
                    assertThat(stored).doesNotContain(shown).doesNotContain(shown.substring("whsec_".length()));
                }
            }
        }
    }

    private static String rotate(UUID organization, String id) {
        return given().auth().oauth2(Tokens.orgAdmin(organization)).post(PATH + "/{id}/secret", id).then().statusCode(200)
                .body("previousSecretValidUntil", notNullValue()).extract().path("secret");
    }

    @Test
    void theChallengeIsSignedWithTheSecretShownToTheSubscriber() {
        UUID shelter = organization(false, SHELTER);
        String secret = subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received"))
                .statusCode(201).extract().path("secret");
        receiver.challenges.get(0).verify(secret);
    }

    @Test
    void anEndpointThatDoesNotEchoStaysPendingWithTheReasonAndReceivesNothingUntilVerified() {
        UUID shelter = organization(false, SHELTER);
        receiver.echoChallenges = false;
        String id = subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received"))
                .statusCode(201).body("status", equalTo("PENDING_VERIFICATION"))
                .body("statusReason", org.hamcrest.Matchers.containsString("did not echo the challenge"))
                .extract().path("id");
        given().auth().oauth2(Tokens.orgAdmin(shelter)).post(PATH + "/{id}/verification", id).then().statusCode(422)
                .contentType("application/problem+json");
        receiver.echoChallenges = true;
        given().auth().oauth2(Tokens.orgAdmin(shelter)).post(PATH + "/{id}/verification", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("statusReason", nullValue());
    }

    @Test
    void anEndpointNobodyListensOnStaysPending() {
        UUID shelter = organization(false, SHELTER);
        receiver.stop();
        subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received")).statusCode(201)
                .body("status", equalTo("PENDING_VERIFICATION"))
                .body("statusReason", org.hamcrest.Matchers.containsString("did not answer"));
    }

    @Test
    void onlyHttpsToPublicAddressesIsAcceptedBesidesTheLoopbackOfTheLocalRun() {
        UUID shelter = organization(false, SHELTER);
        String admin = Tokens.orgAdmin(shelter);
        for (String url : List.of("http://cases.example.org/hook", "ftp://127.0.0.1/hook", "https://10.1.2.3/hook",
                "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook", "https://192.168.1.20/hook",
                "https://user:password@127.0.0.1/hook", "/relative", "https://", "https://[::ffff:10.0.0.1]/hook",
                "http://10.0.0.7/hook")) {
            subscribe(admin, url, List.of("referral.received")).statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(admin).get(PATH).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void anUnknownTypeOrNoTypeIsAClientErrorNotA500() {
        UUID shelter = organization(false, SHELTER);
        subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.viewed")).statusCode(400)
                .contentType("application/problem+json");
        subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of()).statusCode(400)
                .contentType("application/problem+json");
        assertThat(receiver.challenges).isEmpty();
    }

    @Test
    void anotherOrganizationCannotTellTheSubscriptionExistsNorTouchIt() {
        UUID shelter = organization(false, SHELTER);
        UUID other = organization(false, SHELTER);
        String id = subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received"))
                .statusCode(201).extract().path("id");
        String stranger = Tokens.orgAdmin(other);
        given().auth().oauth2(stranger).get(PATH + "/{id}", id).then().statusCode(404);
        given().auth().oauth2(stranger).get(PATH + "/{id}/deliveries", id).then().statusCode(404);
        given().auth().oauth2(stranger).post(PATH + "/{id}/secret", id).then().statusCode(404);
        given().auth().oauth2(stranger).post(PATH + "/{id}/verification", id).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("since", "2020-01-01T00:00:00Z"))
                .post(PATH + "/{id}/replay", id).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON)
                .body(Map.of("url", "https://attacker.example/hook", "eventTypes", List.of("referral.received")))
                .put(PATH + "/{id}", id).then().statusCode(404);
        given().auth().oauth2(stranger).delete(PATH + "/{id}", id).then().statusCode(404);
        given().auth().oauth2(stranger).get(PATH).then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(Tokens.orgAdmin(shelter)).get(PATH + "/{id}", id).then().statusCode(200)
                .body("url", equalTo(receiver.url()));
    }

    @Test
    void caseworkersLiaisonsCoalitionAdminsAndAnonymousCallersHaveNoSubscriptions() {
        UUID shelter = organization(false, SHELTER);
        String id = subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received"))
                .statusCode(201).extract().path("id");
        for (String token : List.of(Tokens.caseworker(shelter), Tokens.govLiaison(), Tokens.coalitionAdmin())) {
            subscribe(token, receiver.url(), List.of("referral.received")).statusCode(403);
            given().auth().oauth2(token).get(PATH + "/{id}", id).then().statusCode(403);
        }
        given().get(PATH).then().statusCode(401);
        assertThat(receiver.challenges).hasSize(1);
    }

    @Test
    void aSuspendedOrganizationCanNeitherSubscribeNorReadItsSubscriptions() {
        UUID suspended = organization(OrganizationStatus.SUSPENDED, false, SHELTER);
        subscribe(Tokens.orgAdmin(suspended), receiver.url(), List.of("referral.received")).statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("organization-not-verified"));
        given().auth().oauth2(Tokens.partnerApp(suspended)).get(PATH).then().statusCode(403);
        assertThat(receiver.challenges).isEmpty();
    }

    @Test
    void anOrganizationHasAtMostTenSubscriptions() {
        UUID shelter = organization(false, SHELTER);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WebhookResource.MAX_PER_ORGANIZATION; i++) {
            ids.add(subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received")).statusCode(201)
                    .extract().path("id"));
        }
        subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received")).statusCode(422);
        given().auth().oauth2(Tokens.orgAdmin(shelter)).delete(PATH + "/{id}", ids.get(0)).then().statusCode(204);
        subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received")).statusCode(201);
    }

    @Test
    void aNewUrlIsVerifiedBeforeAnythingIsSentToIt() {
        UUID shelter = organization(false, SHELTER);
        String id = subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received"))
                .statusCode(201).extract().path("id");
        try (WebhookReceiver silent = new WebhookReceiver()) {
            silent.echoChallenges = false;
            given().auth().oauth2(Tokens.orgAdmin(shelter)).contentType(ContentType.JSON)
                    .body(Map.of("url", silent.url(), "eventTypes", List.of("referral.received", "referral.accepted")))
                    .put(PATH + "/{id}", id).then().statusCode(200)
                    .body("status", equalTo("PENDING_VERIFICATION"))
                    .body("eventTypes", equalTo(List.of("referral.received", "referral.accepted")));
            assertThat(silent.challenges).hasSize(1);
        }
    }

    @Test
    void aBadOrOutOfRangeTimeIsA400NotA404OrA500() {
        UUID shelter = organization(false, SHELTER);
        String id = subscribe(Tokens.orgAdmin(shelter), receiver.url(), List.of("referral.received"))
                .statusCode(201).extract().path("id");
        String admin = Tokens.orgAdmin(shelter);
        for (String since : List.of("yesterday", "2026-13-01T00:00:00Z", "+1000000000-01-01T00:00:00Z")) {
            given().auth().oauth2(admin).queryParam("since", since).get(PATH + "/{id}/deliveries", id).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("since", "+1000000000-01-01T00:00:00Z"))
                .post(PATH + "/{id}/replay", id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("since", "1970-01-01T00:00:00Z"))
                .post(PATH + "/{id}/replay", id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).queryParam("since", "2026-01-01T00:00:00Z").get(PATH + "/{id}/deliveries", id)
                .then().statusCode(200);
    }

    @Test
    void anHttpsEndpointOnAnotherPortThan443IsRefused() {
        UUID shelter = organization(false, SHELTER);
        // The local run (and this test profile) allow any port on loopback; elsewhere only 443 leaves the cluster.
        assertThat(EndpointAddresses.refusedUrl("https://partner.example.org:8443/hook", false)).isPresent();
        subscribe(Tokens.orgAdmin(shelter), "https://partner.example.org:8443/hook", List.of("referral.received"))
                .statusCode(400);
    }
}
