package org.mitra.directory.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mitra.directory.DirectoryFixtures.organization;
import static org.mitra.directory.DirectoryFixtures.province;
import static org.mitra.directory.DirectoryFixtures.referralAt;
import static org.mitra.directory.DirectoryFixtures.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.directory.demand.ReferralDemand;
import org.mitra.directory.organization.Organization;
import org.mitra.directory.region.Region;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.feeds.Period;
import org.mitra.web.feeds.FeedVersions;
import org.mitra.testkit.Tokens;
import org.mitra.web.Roles;

@QuarkusTest
class CoverageFeedTest {
    @Inject
    CoverageFeed coverageFeed;

    @Inject
    ReferralDemand referralDemand;

    /** The last closed quarter: the feed serves closed periods only (issue 12 item 1). */
    static final Period QUARTER = Period.containing(
            Period.containing(Instant.now(), Period.Granularity.QUARTER).start().minusSeconds(1), Period.Granularity.QUARTER);
    static final String CLOSED = QUARTER.toString();
    /** A time inside the closed quarter, and so inside one of its (closed) months. */
    static final Instant IN_CLOSED = QUARTER.start().plus(java.time.Duration.ofDays(20));

    /** The columns that count referrals: a zero in them must read like a withheld count. */
    static final List<String> DEMAND_COLUMNS = List.of("requested", "rejectedNoCapacity", "overdue");

    /**
     * Each test starts from no published snapshot (as FeedVersionsTest does), so its first pull takes the tables from
     * the records as they are then; the feed's clock is the system's unless a test moves it.
     */
    @BeforeEach
    void forgetThePublishedSnapshots() {
        QuarkusTransaction.requiringNew().run(() -> Organization.getEntityManager()
                .createNativeQuery("DELETE FROM coverage_feed_version").executeUpdate());
    }

    @AfterEach
    void restoreTheClock() {
        coverageFeed.clock(Clock.systemUTC());
    }

    private static ExtractableResponse<Response> pullWithHeaders(String period) {
        return given().auth().oauth2(Tokens.govLiaison()).get("/api/directory/feeds/coverage/" + period)
                .then().statusCode(200).extract();
    }

    private static List<String> listed(String granularity, Instant since) {
        return given().auth().oauth2(Tokens.govLiaison()).queryParam("granularity", granularity)
                .queryParam("since", since.toString()).get("/api/directory/feeds/coverage")
                .then().statusCode(200).extract().jsonPath().getList("period", String.class);
    }

    private static Instant httpDate(String header) {
        return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    /** A referral lifecycle event applied as the consumer applies it. */
    private void apply(ReferralStatusChanged change) {
        QuarkusTransaction.requiringNew().run(() -> referralDemand.record(change));
    }

    private void apply(ReferralOverdue overdue) {
        QuarkusTransaction.requiringNew().run(() -> referralDemand.record(overdue));
    }

    private static JsonPath pull(String period) {
        return given().auth().oauth2(Tokens.govLiaison()).get("/api/directory/feeds/coverage/" + period)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath feed, String region, String category) {
        return feed.getMap("rows.find { it.region == '" + region + "' && it.category == '" + category + "' }");
    }

    @Test
    void onlyGovernmentLiaisonsAndCoalitionAdminsPullFeeds() {
        given().get("/api/directory/feeds/coverage/" + CLOSED).then().statusCode(401);
        given().auth().oauth2(Tokens.caseworker(UUID.randomUUID())).get("/api/directory/feeds/coverage/" + CLOSED)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).get("/api/directory/feeds/coverage").then().statusCode(403);
        given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/directory/feeds/coverage/" + CLOSED).then().statusCode(200);
        given().get("/api/directory/feeds").then().statusCode(200).body("id", hasItem("coverage"));
    }

    @Test
    void smallCountsAreWithheldAndASuppressedRegencyCannotBeRecoveredByDifferencing() {
        Region province = province(2);
        String regencyA = province.code + "1";
        String regencyB = province.code + "2";
        service(organization(OrganizationStatus.VERIFIED, province.code), "medical-care", 30, 10, province.code);
        for (int i = 0; i < 3; i++) {
            referralAt("medical-care", regencyA, false, false, IN_CLOSED);
        }
        for (int i = 0; i < 14; i++) {
            referralAt("legal-aid", regencyA, false, false, IN_CLOSED);
        }
        for (int i = 0; i < 20; i++) {
            referralAt("medical-care", regencyB, false, false, IN_CLOSED);
        }
        // The hourly snapshot job as it ran while the period was current, so the new provider is in its supply.
        coverageFeed.snapshot(QUARTER);
        coverageFeed.snapshot(Period.containing(IN_CLOSED, Period.Granularity.MONTH));
        JsonPath feed = pull(CLOSED);

        assertThat(feed.getInt("suppressionThreshold")).isEqualTo(11);
        assertThat(row(feed, regencyA, "medical-care").get("requested")).isNull();
        assertThat(row(feed, province.code, "medical-care").get("requested")).isEqualTo(20);
        assertThat(row(feed, province.code, "legal-aid").get("requested")).isEqualTo(10);
        assertThat(row(feed, province.code, "medical-care").get("providers")).isEqualTo(1);
        assertThat(row(feed, regencyA, "medical-care").get("verdict")).isEqualTo("COVERED");

        // The attack: the province's figure minus every published regency figure of the same category.
        long province23 = ((Number) row(feed, province.code, "medical-care").get("requested")).longValue();
        List<String> withheld = new ArrayList<>();
        long publishedRegencies = 0;
        for (String regency : List.of(regencyA, regencyB)) {
            Object value = row(feed, regency, "medical-care").get("requested");
            if (value == null) {
                withheld.add(regency);
            } else {
                publishedRegencies += ((Number) value).longValue();
            }
        }
        assertThat(withheld).as("a lone withheld cell would be the difference").hasSizeGreaterThanOrEqualTo(2);
        assertThat(province23 - publishedRegencies).isNotEqualTo(3);
        // Nor does the month's table give away what the quarter's hides.
        JsonPath month = pull(Period.containing(IN_CLOSED, Period.Granularity.MONTH).toString());
        assertThat(row(month, regencyA, "medical-care").get("requested")).isNull();
    }

    @Test
    void aVerdictIsComputedFromThePublishedFiguresNotFromTheWithheldCount() {
        Region province = province(1);
        String regency = province.code + "1";
        service(organization(OrganizationStatus.VERIFIED, province.code), "legal-aid", 5, 1, province.code);
        for (int i = 0; i < 3; i++) {
            referralAt("legal-aid", regency, false, false, IN_CLOSED);
        }
        coverageFeed.snapshot(QUARTER);
        JsonPath feed = pull(CLOSED);
        // Three referrals against one place would say STRAINED, and so tell a withheld count from none.
        assertThat(row(feed, regency, "legal-aid").get("requested")).isNull();
        assertThat(row(feed, regency, "legal-aid").get("verdict")).isEqualTo("COVERED");
        assertThat(row(feed, province.code, "legal-aid").get("verdict")).isEqualTo("COVERED");
    }

    @Test
    void csvCarriesNamesThenHxlHashtagsThenOneRowPerRegionAndCategory() throws Exception {
        String csv = given().auth().oauth2(Tokens.govLiaison()).accept("text/csv")
                .get("/api/directory/feeds/coverage/" + CLOSED).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String[]> records = new ArrayList<>();
        try (var reader = new java.io.BufferedReader(new StringReader(csv))) {
            String line;
            while ((line = reader.readLine()) != null) {
                records.add(line.split(",", -1));
            }
        }
        assertThat(records.get(0)).startsWith("region", "regionName", "level", "slice", "category");
        assertThat(records.get(1)).allSatisfy(tag -> assertThat(tag).startsWith("#"));
        long regions = QuarkusTransaction.requiringNew().call(() -> Region.count());
        assertThat(records).hasSize((int) (2 + regions * 29));
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(12));
        given().auth().oauth2(Tokens.govLiaison()).get("/api/directory/feeds/coverage/" + CLOSED + ".csv")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
    }

    @Test
    void anUnchangedPeriodAnswers304AndSinceListsOnlyChangedPeriods() {
        var first = given().auth().oauth2(Tokens.govLiaison()).get("/api/directory/feeds/coverage/" + CLOSED)
                .then().statusCode(200).extract();
        String etag = first.header("ETag");
        assertThat(first.header("Last-Modified")).isNotNull();
        given().auth().oauth2(Tokens.govLiaison()).header("If-None-Match", etag)
                .get("/api/directory/feeds/coverage/" + CLOSED).then().statusCode(304);

        Instant lastPull = Instant.now();
        given().auth().oauth2(Tokens.govLiaison()).queryParam("since", lastPull.toString())
                .get("/api/directory/feeds/coverage").then().statusCode(200).body("period", not(hasItem(CLOSED)));
        // A referral of the closed quarter seen late changes nothing within the day: the table served is the day's
        // snapshot, so neither the since listing nor the ETag can tell when one referral moved.
        Region province = province(1);
        for (int i = 0; i < 12; i++) {
            referralAt("skills-training", province.code + "1", false, false, IN_CLOSED);
        }
        given().auth().oauth2(Tokens.govLiaison()).queryParam("since", lastPull.toString())
                .get("/api/directory/feeds/coverage").then().statusCode(200).body("period", not(hasItem(CLOSED)));
        given().auth().oauth2(Tokens.govLiaison()).header("If-None-Match", etag)
                .get("/api/directory/feeds/coverage/" + CLOSED).then().statusCode(304);
    }

    @Test
    void aLateRejectionOrOverdueFlagOfAClosedPeriodShowsOnlyInTheNextDaysSnapshot() {
        Instant firstPull = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        coverageFeed.clock(Clock.fixed(firstPull, ZoneOffset.UTC));
        Region province = province(1);
        String regency = province.code + "1";
        String month = Period.containing(IN_CLOSED, Period.Granularity.MONTH).toString();
        List<UUID> referrals = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            UUID referral = UUID.randomUUID();
            referrals.add(referral);
            apply(new ReferralStatusChanged(referral, "medical-care", regency, ReferralStatus.REQUESTED, null, IN_CLOSED));
        }
        ExtractableResponse<Response> quarterBefore = pullWithHeaders(CLOSED);
        ExtractableResponse<Response> monthBefore = pullWithHeaders(month);
        assertThat(row(quarterBefore.jsonPath(), regency, "medical-care").get("requested")).isEqualTo(20);

        // After the quarter ended and after the pull: half of them rejected for lack of capacity, half flagged overdue.
        Instant late = Instant.now();
        for (UUID referral : referrals.subList(0, 12)) {
            apply(new ReferralStatusChanged(referral, "medical-care", regency, ReferralStatus.REJECTED, "NO_CAPACITY", late));
        }
        for (UUID referral : referrals.subList(12, 24)) {
            apply(new ReferralOverdue(referral, "medical-care", regency, IN_CLOSED, late));
        }

        coverageFeed.clock(Clock.fixed(firstPull.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        for (var before : List.of(quarterBefore, monthBefore)) {
            String period = before.jsonPath().getString("period");
            given().auth().oauth2(Tokens.govLiaison()).header("If-None-Match", before.header("ETag"))
                    .get("/api/directory/feeds/coverage/" + period).then().statusCode(304);
            ExtractableResponse<Response> sameDay = pullWithHeaders(period);
            assertThat(sameDay.asString()).as("the table of %s within the day", period).isEqualTo(before.asString());
            assertThat(sameDay.header("ETag")).isEqualTo(before.header("ETag"));
            assertThat(sameDay.header("Last-Modified")).isEqualTo(before.header("Last-Modified"));
        }
        assertThat(listed("quarter", firstPull)).doesNotContain(CLOSED);
        assertThat(listed("month", firstPull)).doesNotContain(month);

        Instant nextDay = firstPull.plus(FeedVersions.REFRESH).plus(Duration.ofMinutes(1));
        coverageFeed.clock(Clock.fixed(nextDay, ZoneOffset.UTC));
        assertThat(listed("quarter", firstPull)).contains(CLOSED);
        assertThat(listed("month", firstPull)).contains(month);
        for (var before : List.of(quarterBefore, monthBefore)) {
            String period = before.jsonPath().getString("period");
            ExtractableResponse<Response> refreshed = pullWithHeaders(period);
            Map<String, Object> medical = row(refreshed.jsonPath(), regency, "medical-care");
            assertThat(medical.get("rejectedNoCapacity")).as(period).isEqualTo(10);
            assertThat(medical.get("overdue")).as(period).isEqualTo(10);
            assertThat(refreshed.header("ETag")).isNotEqualTo(before.header("ETag"));
            assertThat(Instant.parse(refreshed.jsonPath().getString("lastModified"))).isEqualTo(nextDay);
            assertThat(httpDate(refreshed.header("Last-Modified"))).isAfter(httpDate(before.header("Last-Modified")));
        }
    }

    @Test
    void aZeroAndASmallCountPublishTheSameMarker() throws Exception {
        Region province = province(1);
        String regency = province.code + "1";
        Organization provider = organization(OrganizationStatus.VERIFIED, province.code);
        service(provider, "medical-care", 10, 5, province.code);
        service(provider, "legal-aid", 10, 5, province.code);
        // Two medical-care referrals (one rejected for lack of capacity and overdue), no legal-aid one.
        referralAt("medical-care", regency, true, true, IN_CLOSED);
        referralAt("medical-care", regency, false, false, IN_CLOSED);
        coverageFeed.snapshot(QUARTER);
        String month = Period.containing(IN_CLOSED, Period.Granularity.MONTH).toString();

        for (String period : List.of(CLOSED, month)) {
            JsonPath feed = pull(period);
            for (String region : List.of(regency, province.code)) {
                Map<String, Object> few = row(feed, region, "medical-care");
                Map<String, Object> none = row(feed, region, "legal-aid");
                for (String column : DEMAND_COLUMNS) {
                    assertThat(few.get(column)).as("%s %s %s of two referrals", period, region, column).isNull();
                    assertThat(none.get(column)).as("%s %s %s of none", period, region, column).isNull();
                }
                assertThat(few.get("verdict")).isEqualTo(none.get("verdict"));
            }
            List<Map<String, Object>> rows = feed.getList("rows");
            for (Map<String, Object> published : rows) {
                for (String column : DEMAND_COLUMNS) {
                    assertThat(published.get(column)).as("%s %s of %s/%s", period, column, published.get("region"),
                            published.get("category")).isNotEqualTo(0);
                }
            }

            String csv = given().auth().oauth2(Tokens.govLiaison()).get("/api/directory/feeds/coverage/" + period + ".csv")
                    .then().statusCode(200).extract().asString();
            List<String[]> records = new ArrayList<>();
            try (var reader = new java.io.BufferedReader(new StringReader(csv))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    records.add(line.split(",", -1));
                }
            }
            List<String> header = List.of(records.get(0));
            List<Integer> demand = DEMAND_COLUMNS.stream().map(header::indexOf).toList();
            for (String[] record : records.subList(2, records.size())) {
                for (int column : demand) {
                    assertThat(record[column]).as("%s CSV %s of %s/%s", period, header.get(column), record[0], record[4])
                            .isNotEqualTo("0");
                }
                if (record[0].equals(regency) && List.of("medical-care", "legal-aid").contains(record[4])) {
                    for (int column : demand) {
                        assertThat(record[column]).as("%s CSV %s of %s", period, header.get(column), record[4]).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void everyPullIsAuditedAndBadPeriodsAreRefused() {
        String liaison = "liaison-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.as(Roles.GOV_LIAISON).username(liaison).sign())
                .get("/api/directory/feeds/coverage/" + CLOSED).then().statusCode(200);
        long pulls = QuarkusTransaction.requiringNew().call(() -> ((Number) Organization.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM feed_pull WHERE actor = ?1 AND feed = 'coverage' AND period = ?2")
                .setParameter(1, liaison).setParameter(2, CLOSED).getSingleResult()).longValue());
        assertThat(pulls).isEqualTo(1);
        given().auth().oauth2(Tokens.as(Roles.GOV_LIAISON).username(liaison).sign())
                .get("/api/directory/feeds/coverage").then().statusCode(200);
        long listPulls = QuarkusTransaction.requiringNew().call(() -> ((Number) Organization.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM feed_pull WHERE actor = ?1 AND feed = 'coverage' AND period IS NULL "
                        + "AND format = 'list' AND NOT not_modified")
                .setParameter(1, liaison).getSingleResult()).longValue());
        assertThat(listPulls).as("a pull of the period list is audited too").isEqualTo(1);
        given().auth().oauth2(Tokens.govLiaison()).get("/api/directory/feeds/coverage/2026-11-24")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.govLiaison()).get("/api/directory/feeds/coverage/2999-Q1")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.govLiaison()).queryParam("since", "yesterday").get("/api/directory/feeds/coverage")
                .then().statusCode(400);
    }
}
