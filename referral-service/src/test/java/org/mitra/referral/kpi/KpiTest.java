package org.mitra.referral.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.referral.ReferralFixtures.SURVIVOR_NAME;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.publish;
import static org.mitra.referral.ReferralFixtures.request;
import static org.mitra.referral.ReferralFixtures.transition;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.referral.overdue.OverdueJob;
import org.mitra.testkit.Tokens;

/**
 * Issue 17, coalition KPIs: exact figures for coalition admins (every organization) and an organization's admins (its
 * own referrals), aggregates only, and a picture of them.
 */
@QuarkusTest
class KpiTest {
    private static final String SHELTER = "shelter-and-safe-housing";
    /** A region of this test alone (no real code has letters). */
    private static final String REGION = "ZK01";

    @Inject
    OverdueJob job;

    static UUID sender;
    static UUID first;
    static UUID second;
    static final List<String> referralIds = new ArrayList<>();

    private UUID referral(UUID receiver) {
        Map<String, Object> body = request(receiver, SHELTER);
        body.put("regionCode", REGION);
        body.put("submit", true);
        UUID id = UUID.fromString(create(Tokens.caseworker(sender), body).statusCode(201).extract().path("id"));
        referralIds.add(id.toString());
        return id;
    }

    private static void complete(UUID receiver, UUID id, String outcome) {
        given().auth().oauth2(Tokens.caseworker(receiver)).contentType(ContentType.JSON)
                .body(Map.of("action", "complete", "outcome", outcome, "deliveries", List.of(Map.of("categoryCode", SHELTER,
                        "deliveredOn", LocalDate.now(ZoneId.of("Asia/Makassar")).toString()))))
                .post("/api/referrals/{id}/transitions", id).then().statusCode(200);
    }

    private static JsonPath kpis(String token, String groupBy) {
        return given().auth().oauth2(token).queryParam("groupBy", groupBy).get("/api/referrals/kpis").then().statusCode(200)
                .extract().jsonPath();
    }

    /** One sender's referrals in every state the KPIs count, to two receivers and on. */
    private void scene() {
        if (sender != null) {
            return;
        }
        sender = organization(false);
        first = organization(false, SHELTER);
        second = organization(false, SHELTER);
        var elsewhere = organizationChanged(UUID.randomUUID(), OrganizationStatus.VERIFIED, false, List.of("ZK"), 4, SHELTER);
        publish(elsewhere);
        // Expired first, before anything else of this test waits: the job closes every referral past its expiry.
        UUID expired = referral(first);
        job.expire(Instant.parse(given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/{id}", expired).then()
                .extract().path("expiresAt")).plusSeconds(1));
        UUID gotHelp = referral(first);
        move(sender, first, gotHelp, "accept");
        complete(first, gotHelp, "GOT_HELP");
        UUID partly = referral(first);
        move(sender, first, partly, "accept", "start");
        complete(first, partly, "PARTIALLY_HELPED");
        UUID noRoom = referral(second);
        transition(Tokens.caseworker(second), noRoom, "reject", "NO_CAPACITY", null).statusCode(200);
        referralIds.add(given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON)
                .body(Map.of("consent", Map.of("consentedBy", "SUBJECT", "consentedAt", Instant.now().toString(),
                        "shares", List.of("PROFILE"), "mayContact", true)))
                .post("/api/referrals/{id}/forward", noRoom).then().statusCode(201).extract().path("id"));
        UUID notEligible = referral(second);
        transition(Tokens.caseworker(second), notEligible, "reject", "NOT_ELIGIBLE", null).statusCode(200);
        UUID mistake = referral(first);
        transition(Tokens.caseworker(sender), mistake, "mark-entered-in-error", "DUPLICATE", null).statusCode(200);
        Map<String, Object> external = request(UUID.randomUUID(), SHELTER);
        external.remove("receivingOrganizationId");
        external.remove("submit");
        external.remove("identity");
        external.remove("note");
        external.put("regionCode", REGION);
        external.put("agency", Map.of("name", "Dinas Sosial Provinsi Bali", "type", "GOVERNMENT_SERVICE", "regionCode", "51"));
        external.put("consent", Map.of("consentedBy", "SUBJECT", "consentedAt", Instant.now().toString(),
                "shares", List.of("PROFILE"), "mayContact", true));
        referralIds.add(given().auth().oauth2(Tokens.caseworker(sender)).contentType(ContentType.JSON).body(external)
                .post("/api/referrals/external").then().statusCode(201).extract().path("id"));
    }

    @Test
    void anOrganizationsAdminSeesExactFiguresOfWhatItSentAndReceived() {
        scene();
        JsonPath report = kpis(Tokens.orgAdmin(sender), "organization");
        assertThat(report.getString("organizationId")).isEqualTo(sender.toString());
        assertThat(report.getList("rows.side")).containsExactly("SENDER", "RECEIVER");
        Map<String, Object> sent = report.getMap("rows[0].metrics");
        // 7 submitted (the one marked entered in error is not counted): 2 accepted and completed, 2 rejected, 1 expired,
        // 1 forwarded on and still open, 1 to an agency outside the platform, still open.
        assertThat(sent).containsEntry("referrals", 7).containsEntry("toExternalAgencies", 1).containsEntry("accepted", 2)
                .containsEntry("rejected", 2).containsEntry("acceptanceRate", 0.5f).containsEntry("completed", 2)
                .containsEntry("gotHelpShare", 0.5f).containsEntry("expired", 1).containsEntry("forwarded", 1)
                .containsEntry("outcomes", Map.of("GOT_HELP", 1, "PARTIALLY_HELPED", 1))
                .containsEntry("rejectionsByReason", Map.of("NO_CAPACITY", 1, "NOT_ELIGIBLE", 1))
                .containsEntry("openByAge", Map.of("underOneDay", 2, "oneToSevenDays", 0, "sevenToThirtyDays", 0,
                        "overThirtyDays", 0));
        assertThat(report.getInt("rows[0].metrics.timeToAccept.count")).isEqualTo(2);
        assertThat(report.getFloat("rows[0].metrics.timeToAccept.p90"))
                .isGreaterThanOrEqualTo(report.getFloat("rows[0].metrics.timeToAccept.median"));
        assertThat(report.getInt("rows[0].metrics.timeToComplete.count")).isEqualTo(2);
        assertThat(report.getInt("rows[1].metrics.referrals")).isZero();
        assertThat(report.getInt("total.referrals")).isEqualTo(7);

        // The first receiver's admin sees its own side only: what it received, nothing of the second receiver's.
        JsonPath received = kpis(Tokens.orgAdmin(first), "organization");
        assertThat(received.getList("rows.organizationId")).containsOnly(first.toString());
        assertThat(received.getInt("rows[1].metrics.referrals")).isEqualTo(3);
        assertThat(received.getInt("total.referrals")).isEqualTo(3);
        assertThat(received.getMap("total.rejectionsByReason")).isEmpty();
        // The second receiver rejected one for want of room, which its sender forwarded: where it went is not its to know.
        JsonPath rejecting = kpis(Tokens.orgAdmin(second), "organization");
        assertThat(rejecting.getInt("total.referrals")).isEqualTo(2);
        assertThat(rejecting.getInt("total.forwarded")).isZero();
    }

    @Test
    void coalitionAdminsSeeEveryOrganizationAndNothingRowLevel() {
        scene();
        JsonPath byRegion = kpis(Tokens.coalitionAdmin(), "region");
        assertThat(byRegion.getString("organizationId")).isNull();
        int row = byRegion.getList("rows.regionCode").indexOf(REGION);
        assertThat(byRegion.getInt("rows[" + row + "].metrics.referrals")).isEqualTo(7);
        assertThat(byRegion.getInt("rows[" + row + "].metrics.forwarded")).isEqualTo(1);
        String everything = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("groupBy", "organization")
                .get("/api/referrals/kpis").then().statusCode(200).extract().asString();
        assertThat(everything).contains(sender.toString(), first.toString(), second.toString())
                .doesNotContain(SURVIVOR_NAME, "Dinas Sosial");
        for (String id : referralIds) {
            assertThat(everything).doesNotContain(id);
        }
        for (String groupBy : List.of("category", "month")) {
            assertThat(kpis(Tokens.coalitionAdmin(), groupBy).getInt("total.referrals")).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void onlyCoalitionAdminsAndOrganizationsAdminsReadThemAndBadParametersAreNamed() {
        scene();
        given().auth().oauth2(Tokens.caseworker(sender)).get("/api/referrals/kpis").then().statusCode(403);
        given().auth().oauth2(Tokens.partnerApp(sender)).get("/api/referrals/kpis").then().statusCode(403);
        given().auth().oauth2(Tokens.govLiaison()).get("/api/referrals/kpis").then().statusCode(403);
        given().get("/api/referrals/kpis").then().statusCode(401);
        given().get("/api/referrals/kpis.svg").then().statusCode(401);
        UUID suspended = organization(OrganizationStatus.SUSPENDED, false);
        given().auth().oauth2(Tokens.orgAdmin(suspended)).get("/api/referrals/kpis").then().statusCode(403)
                .body("type", equalTo("/problems/organization-not-verified"));
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("groupBy", "person").get("/api/referrals/kpis").then()
                .statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("from", "yesterday").get("/api/referrals/kpis").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("from", "2026-05-02").queryParam("to", "2026-05-01")
                .get("/api/referrals/kpis").then().statusCode(400);
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("from", "2020-01-01").queryParam("to", "2026-05-01")
                .get("/api/referrals/kpis").then().statusCode(400);
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("from", "+300000-01-01").queryParam("to", "+300000-02-01")
                .get("/api/referrals/kpis").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("to", "-999999999-01-10")
                .get("/api/referrals/kpis").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void thePictureIsWellFormedSvgOfTheSameFigures() throws Exception {
        scene();
        var response = given().auth().oauth2(Tokens.orgAdmin(sender)).queryParam("groupBy", "organization")
                .get("/api/referrals/kpis.svg").then().statusCode(200).contentType("image/svg+xml").extract();
        String svg = response.asString();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("7 referrals, 50% accepted").contains("(sent)").contains("(received)")
                .contains("completed, got help: 1").contains("rejected: 2");
        for (String id : referralIds) {
            assertThat(svg).doesNotContain(id);
        }
    }
}
