package org.mitra.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.consent;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.referral;
import static org.mitra.referral.ReferralFixtures.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mitra.testkit.Tokens;

/**
 * Every referral endpoint × every kind of caller, with the status each must get. Each cell has its
 * own organizations and referral, so cells that change state do not affect each other.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final String POLICE = "removal-from-danger";

    enum Caller { SENDER_STAFF, RECEIVER_STAFF, THIRD_ORGANIZATION_STAFF, COALITION_ADMIN, GOV_LIAISON, ANONYMOUS }

    /** The organizations of one cell and a referral between them. */
    record Cell(UUID sender, UUID receiver, UUID third, UUID referral) {
        String token(Caller caller) {
            return switch (caller) {
                case SENDER_STAFF -> Tokens.caseworker(sender);
                case RECEIVER_STAFF -> Tokens.caseworker(receiver);
                case THIRD_ORGANIZATION_STAFF -> Tokens.caseworker(third);
                case COALITION_ADMIN -> Tokens.coalitionAdmin();
                case GOV_LIAISON -> Tokens.govLiaison();
                case ANONYMOUS -> null;
            };
        }
    }

    enum Endpoint {
        CREATE(Setup.SUBMITTED, (cell, call) -> call.contentType(ContentType.JSON).body(request(cell.receiver(), SHELTER))
                .post("/api/referrals").statusCode(), 201, 400, 201, 403, 403, 401),
        LIST(Setup.SUBMITTED, (cell, call) -> call.queryParam("box", "sent").get("/api/referrals").statusCode(),
                200, 200, 200, 400, 403, 401),
        READ(Setup.SUBMITTED, (cell, call) -> call.get("/api/referrals/{id}", cell.referral()).statusCode(),
                200, 200, 404, 200, 404, 401),
        TRANSITION(Setup.SUBMITTED, (cell, call) -> call.contentType(ContentType.JSON).body(Map.of("action", "accept"))
                .post("/api/referrals/{id}/transitions", cell.referral()).statusCode(), 403, 200, 404, 403, 403, 401),
        BUSINESS_STATUS(Setup.INTERVENTION_ACCEPTED, (cell, call) -> call.contentType(ContentType.JSON)
                .body(Map.of("businessStatus", "POLICE_NOTIFIED")).put("/api/referrals/{id}/business-status", cell.referral())
                .statusCode(), 403, 200, 404, 403, 403, 401),
        HISTORY(Setup.SUBMITTED, (cell, call) -> call.get("/api/referrals/{id}/history", cell.referral()).statusCode(),
                200, 200, 404, 200, 404, 401),
        IDENTITY(Setup.SUBMITTED, (cell, call) -> call.get("/api/referrals/{id}/identity", cell.referral()).statusCode(),
                200, 200, 404, 403, 404, 401),
        RECORD_CONSENT(Setup.DRAFT, (cell, call) -> call.contentType(ContentType.JSON).body(consent(cell.receiver()))
                .put("/api/referrals/{id}/consent", cell.referral()).statusCode(), 200, 404, 404, 403, 403, 401),
        WITHDRAW_CONSENT(Setup.SUBMITTED, (cell, call) -> call.contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("withdrawnBy", "SUBJECT", "reasonCode", "NO_LONGER_INTERESTED"))
                .delete("/api/referrals/{id}/consent", cell.referral()).statusCode(), 200, 200, 404, 403, 403, 401),
        // Issue 17: the sender forwards a referral its receiver rejected for want of capacity; nobody else may.
        FORWARD(Setup.REJECTED_NO_CAPACITY, (cell, call) -> call.contentType(ContentType.JSON)
                .body(Map.of("consent", Map.of("consentedBy", "SUBJECT", "consentedAt", java.time.Instant.now().toString(),
                        "shares", List.of("PROFILE"), "mayContact", true)))
                .post("/api/referrals/{id}/forward", cell.referral()).statusCode(), 201, 403, 404, 403, 403, 401),
        CONTACT_ATTEMPT(Setup.ACCEPTED, (cell, call) -> call.contentType(ContentType.JSON)
                .body(Map.of("attemptedAt", java.time.Instant.now().toString(), "channel", "PHONE", "reached", false))
                .post("/api/referrals/{id}/contact-attempts", cell.referral()).statusCode(), 403, 201, 404, 403, 403, 401),
        CONTACT_ATTEMPTS(Setup.ACCEPTED, (cell, call) -> call.get("/api/referrals/{id}/contact-attempts", cell.referral())
                .statusCode(), 200, 200, 404, 403, 403, 401),
        FOLLOW_UP(Setup.ACCEPTED, (cell, call) -> call.contentType(ContentType.JSON).body(Map.of("dueOn", "2026-06-15"))
                .put("/api/referrals/{id}/follow-up", cell.referral()).statusCode(), 403, 200, 404, 403, 403, 401),
        // Issue 17: any verified organization's staff record a referral to an agency outside the platform.
        EXTERNAL(Setup.NONE, (cell, call) -> call.contentType(ContentType.JSON).body(Map.of("agency", Map.of("name", "RSUP Prof. Ngoerah", "type", "HOSPITAL", "regionCode", "5171"),
                "categoryCode", "shelter-and-safe-housing", "regionCode", "5171", "urgency", "HIGH",
                "profile", Map.of("ageBand", "18-24", "gender", "FEMALE"),
                "consent", Map.of("consentedBy", "SUBJECT", "consentedAt", "2026-05-05T10:00:00Z",
                        "shares", List.of("PROFILE"), "mayContact", true)))
                .post("/api/referrals/external").statusCode(), 201, 201, 201, 403, 403, 401),
        // Issue 17: KPIs for coalition admins and an organization's admins, not its caseworkers (the matrix's staff).
        KPIS(Setup.NONE, (cell, call) -> call.get("/api/referrals/kpis").statusCode(), 403, 403, 403, 200, 403, 401),
        KPIS_SVG(Setup.NONE, (cell, call) -> call.get("/api/referrals/kpis.svg").statusCode(), 403, 403, 403, 200, 403, 401),
        // An offer nobody made to the caller: 404 for staff, whose organization it might have been offered to.
        OFFER(Setup.SUBMITTED, (cell, call) -> call.get("/api/referrals/offers/{id}", cell.referral()).statusCode(),
                404, 404, 404, 403, 403, 401),
        CLAIM(Setup.SUBMITTED, (cell, call) -> call.post("/api/referrals/offers/{id}/claim", cell.referral()).statusCode(),
                404, 404, 404, 403, 403, 401),
        // Issue 17: any verified organization's staff send an emergency open; offers are listed by staff only.
        OPEN(Setup.NONE, (cell, call) -> call.contentType(ContentType.JSON).body(Map.of("categoryCode", "shelter-and-safe-housing", "regionCode", "5171",
                "profile", Map.of("ageBand", "18-24", "gender", "FEMALE"),
                "consent", Map.of("consentedBy", "SUBJECT", "consentedAt", "2026-05-05T10:00:00Z",
                        "shares", List.of("PROFILE"), "mayContact", true)))
                .post("/api/referrals/open").statusCode(), 201, 201, 201, 403, 403, 401),
        OFFERS(Setup.NONE, (cell, call) -> call.get("/api/referrals/offers").statusCode(), 200, 200, 200, 403, 403, 401),
        MATCHES(Setup.NONE, (cell, call) -> call.queryParam("category", SHELTER).queryParam("region", "5171")
                .get("/api/referrals/matches").statusCode(), 200, 200, 200, 200, 403, 401),
        OVERDUE(Setup.NONE, (cell, call) -> call.get("/api/referrals/overdue").statusCode(), 403, 403, 403, 200, 403, 401),
        AUDIT(Setup.NONE, (cell, call) -> call.get("/api/referrals/audit").statusCode(), 403, 403, 403, 200, 403, 401),
        AUDIT_VERIFICATION(Setup.NONE, (cell, call) -> call.get("/api/referrals/audit/verification").statusCode(),
                403, 403, 403, 200, 403, 401),
        STATISTICS_FEED(Setup.NONE, (cell, call) -> call.get("/api/referrals/feeds/statistics").statusCode(),
                403, 403, 403, 200, 200, 401);

        final Setup setup;
        final BiFunction<Cell, RequestSpecification, Integer> call;
        final int[] expected;

        Endpoint(Setup setup, BiFunction<Cell, RequestSpecification, Integer> call, int... expected) {
            this.setup = setup;
            this.call = call;
            this.expected = expected;
        }
    }

    enum Setup { NONE, DRAFT, SUBMITTED, ACCEPTED, INTERVENTION_ACCEPTED, REJECTED_NO_CAPACITY }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(endpoint, caller, endpoint.expected[caller.ordinal()]));
            }
        }
        return cells.stream();
    }

    private static Cell cell(Setup setup) {
        UUID sender = organization(false);
        UUID receiver = organization(true, SHELTER, POLICE);
        UUID third = organization(false);
        UUID referral = switch (setup) {
            case NONE -> UUID.randomUUID();
            case DRAFT -> {
                Map<String, Object> body = request(receiver, SHELTER);
                body.remove("consent");
                body.remove("identity");
                body.remove("note");
                yield UUID.fromString(ReferralFixtures.create(Tokens.caseworker(sender), body).statusCode(201).extract().path("id"));
            }
            case SUBMITTED -> referral(sender, receiver, SHELTER, true);
            case ACCEPTED -> {
                UUID id = referral(sender, receiver, SHELTER, true);
                move(sender, receiver, id, "accept");
                yield id;
            }
            case REJECTED_NO_CAPACITY -> {
                UUID id = referral(sender, receiver, SHELTER, true);
                move(sender, receiver, id, "reject");
                yield id;
            }
            case INTERVENTION_ACCEPTED -> {
                UUID id = referral(sender, receiver, POLICE, true);
                move(sender, receiver, id, "accept");
                yield id;
            }
        };
        return new Cell(sender, receiver, third, referral);
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cells")
    void eachCallerGetsExactlyWhatTheMatrixSays(Endpoint endpoint, Caller caller, int expected) {
        Cell cell = cell(endpoint.setup);
        RequestSpecification call = given();
        String token = cell.token(caller);
        if (token != null) {
            call.auth().oauth2(token);
        }
        assertThat(endpoint.call.apply(cell, call)).as("%s as %s", endpoint, caller).isEqualTo(expected);
    }
}
