package org.mitra.directory.coverage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.directory.DirectoryFixtures.lastMonth;
import static org.mitra.directory.DirectoryFixtures.organization;
import static org.mitra.directory.DirectoryFixtures.province;
import static org.mitra.directory.DirectoryFixtures.referral;
import static org.mitra.directory.DirectoryFixtures.referralAt;
import static org.mitra.directory.DirectoryFixtures.service;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.directory.organization.Organization;
import org.mitra.directory.region.Region;
import org.mitra.directory.services.Service;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.testkit.KafkaTopics;
import org.mitra.feeds.Period;
import org.mitra.testkit.Eventually;
import org.mitra.testkit.Tokens;

/**
 * Issue 12 item 1: the public coverage is no live tip-off. Anyone but a coalition admin sees demand of
 * the last complete month only, refreshed at most daily, with a zero and a small count alike, and
 * verdicts and needs computed from those published figures alone.
 */
@QuarkusTest
class PublicCoverageTest {
    static final String REHABILITATION = "slices.find { it.slice == 'rehabilitation' }";

    @Inject
    PublicDemand publicDemand;

    /** What the public and government see of a region, without the time of the answer. */
    private static List<Object> publicView(String province, String regency) {
        List<Object> seen = new ArrayList<>();
        for (String region : List.of(province, regency)) {
            JsonPath pie = given().queryParam("region", region).get("/api/directory/coverage")
                    .then().statusCode(200).extract().jsonPath();
            seen.add(pie.get("slices"));
            seen.add(pie.get("region"));
            seen.add(given().auth().oauth2(Tokens.orgAdmin(java.util.UUID.randomUUID())).queryParam("region", region)
                    .get("/api/directory/coverage").then().statusCode(200).extract().jsonPath().get("slices"));
            seen.add(given().queryParam("region", region).get("/api/directory/coverage.svg")
                    .then().statusCode(200).extract().asString());
            seen.add(given().auth().oauth2(Tokens.govLiaison()).queryParam("region", region)
                    .get("/api/directory/coverage/needs").then().statusCode(200).extract().asString());
        }
        return seen;
    }

    private static List<Object> feedView() {
        List<Object> seen = new ArrayList<>();
        for (String granularity : List.of("month", "quarter")) {
            seen.add(given().auth().oauth2(Tokens.govLiaison()).queryParam("granularity", granularity)
                    .get("/api/directory/feeds/coverage").then().statusCode(200).extract().asString());
        }
        return seen;
    }

    private static void awaitExactDemand(String region, String category, long requested) {
        Eventually.until("exact demand " + requested + " for " + category + " in " + region, () -> given().auth()
                .oauth2(Tokens.coalitionAdmin()).queryParam("region", region).get("/api/directory/coverage")
                .then().statusCode(200).extract().jsonPath()
                .getLong(REHABILITATION + ".categories.find { it.code == '" + category + "' }.demand.requested"),
                seen -> seen != null && seen == requested);
    }

    @Test
    void thePublicFiguresDoNotMoveWhenSomeoneIsReferredThisMonth() {
        Region province = province(2);
        String regency = province.code + "1";
        service(organization(OrganizationStatus.VERIFIED, province.code), "legal-aid", 10, 5, province.code);
        service(organization(OrganizationStatus.VERIFIED, province.code), "medical-care", 10, 1, province.code);
        publicDemand.refresh();
        List<Object> before = publicView(province.code, regency);
        List<Object> feedBefore = feedView();

        // A referral event this month, through Kafka as referral-service sends it, and more referrals besides.
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, CloudEvent.of(EventSources.REFERRAL, new ReferralStatusChanged(
                UUID.randomUUID(), "medical-care", regency, ReferralStatus.REQUESTED, null, Instant.now())));
        awaitExactDemand(regency, "medical-care", 1);
        referral("emergency-shelter", regency, false, false);
        referral("legal-aid", regency, true, false);
        referral("medical-care", regency, false, false);
        referral("medical-care", regency, false, false);
        assertThat(publicView(province.code, regency)).isEqualTo(before);
        assertThat(feedView()).as("the feed lists closed periods only").isEqualTo(feedBefore);
        for (Period.Granularity granularity : Period.Granularity.values()) {
            given().auth().oauth2(Tokens.govLiaison())
                    .get("/api/directory/feeds/coverage/" + Period.containing(Instant.now(), granularity))
                    .then().statusCode(404);
        }

        // A late event of the closed month shows at the next daily refresh, not at once.
        referralAt("medical-care", regency, true, false, lastMonth());
        assertThat(publicView(province.code, regency)).isEqualTo(before);

        // Coalition admins keep the exact live figures.
        JsonPath admin = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", regency)
                .get("/api/directory/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(admin.getLong(REHABILITATION + ".categories.find { it.code == 'medical-care' }.demand.requested"))
                .isEqualTo(4);
        assertThat(admin.getString(REHABILITATION + ".categories.find { it.code == 'medical-care' }.verdict"))
                .isEqualTo("STRAINED");
    }

    @Test
    void anOrgAdminMovingItsCapacityUpAndDownCannotReadBackAWithheldCount() {
        Region probed = province(1);
        Region control = province(1);
        Organization prober = organization(OrganizationStatus.VERIFIED, probed.code);
        Service probe = service(prober, "legal-aid", 10, 10, probed.code);
        Service same = service(organization(OrganizationStatus.VERIFIED, control.code), "legal-aid", 10, 10, control.code);
        for (int i = 0; i < 3; i++) {
            referralAt("legal-aid", probed.code + "1", false, false, lastMonth());
        }
        publicDemand.refresh();

        for (int available = 0; available <= 5; available++) {
            Map<String, Object> room = Map.of("maximum", 10, "available", available,
                    "status", available > 0 ? "CAPACITY" : "NO_CAPACITY");
            given().auth().oauth2(Tokens.orgAdmin(prober.id)).contentType(ContentType.JSON).body(room)
                    .put("/api/directory/services/" + probe.id + "/availability").then().statusCode(200);
            given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(room)
                    .put("/api/directory/services/" + same.id + "/availability").then().statusCode(200);
            for (String token : List.of(Tokens.orgAdmin(prober.id), Tokens.caseworker(prober.id))) {
                String category = REHABILITATION + ".categories.find { it.code == 'legal-aid' }";
                JsonPath seen = given().auth().oauth2(token).queryParam("region", probed.code)
                        .get("/api/directory/coverage").then().statusCode(200).extract().jsonPath();
                JsonPath withoutDemand = given().auth().oauth2(token).queryParam("region", control.code)
                        .get("/api/directory/coverage").then().statusCode(200).extract().jsonPath();
                assertThat(seen.getMap(category)).as("available " + available).isEqualTo(withoutDemand.getMap(category));
                assertThat(seen.getString(REHABILITATION + ".verdict")).isEqualTo(withoutDemand.getString(REHABILITATION + ".verdict"));
            }
        }
    }

    @Test
    void aZeroAndASmallCountReadTheSame() {
        Region none = province(1);
        Region few = province(1);
        service(organization(OrganizationStatus.VERIFIED, none.code), "medical-care", 10, 10, none.code);
        service(organization(OrganizationStatus.VERIFIED, few.code), "medical-care", 10, 10, few.code);
        referralAt("medical-care", few.code + "1", false, false, lastMonth());
        referralAt("medical-care", few.code + "1", true, false, lastMonth());
        publicDemand.refresh();

        for (String suffix : List.of("", "1")) {
            JsonPath zero = given().queryParam("region", none.code + suffix).get("/api/directory/coverage")
                    .then().statusCode(200).extract().jsonPath();
            JsonPath two = given().queryParam("region", few.code + suffix).get("/api/directory/coverage")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(two.getList("slices")).isEqualTo(zero.getList("slices"));
            String medical = REHABILITATION + ".categories.find { it.code == 'medical-care' }.demand";
            assertThat(zero.getString(medical + ".requested")).isNull();
            assertThat(zero.getBoolean(medical + ".withheld")).isTrue();
            assertThat(zero.getString("demandPeriod")).isEqualTo(
                    Period.containing(lastMonth(), Period.Granularity.MONTH).toString());
        }
        String needsOfNone = given().auth().oauth2(Tokens.govLiaison()).queryParam("region", none.code + "1")
                .get("/api/directory/coverage/needs").then().statusCode(200).extract().asString();
        String needsOfFew = given().auth().oauth2(Tokens.govLiaison()).queryParam("region", few.code + "1")
                .get("/api/directory/coverage/needs").then().statusCode(200).extract().asString();
        assertThat(needsOfFew).isEqualTo(needsOfNone);
        assertThat(given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", few.code)
                .get("/api/directory/coverage").then().statusCode(200).extract().jsonPath()
                .getLong(REHABILITATION + ".categories.find { it.code == 'medical-care' }.demand.requested")).isEqualTo(2);
    }

    @Test
    void noRegionBelowARegencyIsOffered() {
        for (String village : List.of("5171010001", "5171010")) {
            given().queryParam("region", village).get("/api/directory/coverage").then().statusCode(404);
            given().queryParam("region", village).get("/api/directory/coverage.svg").then().statusCode(404);
            given().auth().oauth2(Tokens.govLiaison()).queryParam("region", village)
                    .get("/api/directory/coverage/needs").then().statusCode(404);
        }
    }
}
