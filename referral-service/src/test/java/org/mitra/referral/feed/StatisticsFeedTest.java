package org.mitra.referral.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mitra.referral.ReferralFixtures.move;
import static org.mitra.referral.ReferralFixtures.organization;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.mitra.feeds.Period;
import org.mitra.referral.ReferralFixtures;
import org.mitra.testkit.Tokens;
import org.mitra.web.feeds.QueryValues;

/**
 * The referral statistics feed. Every test puts its referrals in a past period of its own (submitted
 * through the API, then moved back in time with their history) and in regions of its own, so no other
 * test's referrals are in its figures.
 */
@QuarkusTest
class StatisticsFeedTest {
    private static final String FEED = "/api/referrals/feeds/statistics";
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final String MIGRATION = "safe-migration";
    private static final String POLICE = "removal-from-danger";
    private static final int K = 11;

    @Inject
    EntityManager entityManager;

    /** The sender and receiver of one test's referrals. */
    record Pair(UUID sender, UUID receiver) {
        static Pair create() {
            return new Pair(organization(false), organization(true, SHELTER, MIGRATION, POLICE));
        }
    }

    @Test
    void catalogIsPublicAndNamesTheFeedItsGroupingsAndWhoMayPullIt() {
        given().get("/api/referrals/feeds").then().statusCode(200)
                .body("find { it.id == 'statistics' }.url", equalTo(FEED))
                .body("find { it.id == 'statistics' }.periods", equalTo(List.of("quarter", "month")))
                .body("find { it.id == 'statistics' }.formats", equalTo(List.of("application/json", "text/csv")))
                .body("find { it.id == 'statistics' }.access", equalTo(List.of("gov-liaison", "coalition-admin")))
                .body("find { it.id == 'statistics' }.description", org.hamcrest.Matchers.containsString("region-slice-outcome"));
    }

    @Test
    void onlyGovernmentLiaisonsAndCoalitionAdminsMayPull() {
        String period = "2024-Q1";
        for (String path : List.of(FEED, FEED + "/" + period, FEED + "/" + period + ".csv")) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(Tokens.caseworker(UUID.randomUUID())).get(path).then().statusCode(403);
            given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).get(path).then().statusCode(403);
            given().auth().oauth2(Tokens.partnerApp(UUID.randomUUID())).get(path).then().statusCode(403);
            given().auth().oauth2(Tokens.govLiaison()).get(path).then().statusCode(200);
            given().auth().oauth2(Tokens.coalitionAdmin()).get(path).then().statusCode(200);
        }
    }

    @Test
    void periodsFinerThanAMonthOrInTheFutureAreRefused() {
        String token = Tokens.govLiaison();
        given().auth().oauth2(token).get(FEED + "/2025-W07").then().statusCode(400);
        given().auth().oauth2(token).get(FEED + "/2025-02-03").then().statusCode(400);
        given().auth().oauth2(token).queryParam("granularity", "week").get(FEED).then().statusCode(400);
        given().auth().oauth2(token).queryParam("since", "yesterday").get(FEED).then().statusCode(400);
        given().auth().oauth2(token).get(FEED + "/2999-Q1").then().statusCode(404);
    }

    @Test
    void smallCellsAreWithheldTheRestRoundedDownAndEveryCellIsPresent() {
        Pair pair = Pair.create();
        String region = region();
        Instant at = Instant.parse("2025-02-10T08:00:00Z");
        submit(pair, region, SHELTER, 20, at);
        submit(pair, region, MIGRATION, 3, at);
        submit(pair, region, POLICE, 11, at);

        for (String period : List.of("2025-02", "2025-Q1")) {
            JsonPath feed = pull(period);
            List<Map<String, Object>> rows = table(feed, "region-slice-outcome");
            assertThat(rows).hasSize(4 * 5); // one region: every slice × every outcome, zeros included
            assertThat(count(rows, Map.of("region", region, "slice", "rehabilitation", "outcome", "awaiting"))).isEqualTo(20L);
            // 3 is below k; its line's smallest other cell (11) is withheld with it so the 3 cannot be recomputed.
            assertThat(cell(rows, Map.of("region", region, "slice", "prevention", "outcome", "awaiting"))).isNull();
            assertThat(cell(rows, Map.of("region", region, "slice", "intervention", "outcome", "awaiting"))).isNull();
            assertThat(count(rows, Map.of("region", region, "slice", "advocacy", "outcome", "awaiting"))).isZero();
            assertThat(count(rows, Map.of("region", region, "slice", "rehabilitation", "outcome", "completed"))).isZero();

            List<Map<String, Object>> categories = table(feed, "category-urgency");
            assertThat(count(categories, Map.of("category", SHELTER, "urgency", "HIGH"))).isEqualTo(20L);
            assertThat(cell(categories, Map.of("category", MIGRATION, "urgency", "HIGH"))).isNull();
            assertThat(cell(categories, Map.of("category", POLICE, "urgency", "HIGH"))).isNull();
            assertThat(count(categories, Map.of("category", SHELTER, "urgency", "EMERGENCY"))).isZero();
            assertThat(table(feed, "ageband-gender-slice")).hasSize(7 * 4 * 4);
            assertThat(table(feed, "urgency-outcome")).hasSize(3 * 5);
            assertThat(table(feed, "time-to-acceptance")).hasSize(4)
                    .allSatisfy(row -> assertThat(row.get("medianHours")).isNull());
        }
    }

    @Test
    void publishedCellsOfEveryTableAreConsistentWithOneTotal() {
        Pair pair = Pair.create();
        // Ties between zeros as complementary partners go to the first key, so the regions' order is fixed: third,
        // other, region. A zero withheld beside the 2 is then never one of region's, whose 17 stays published.
        List<String> ordered = new ArrayList<>(List.of(region(), region(), region())).stream().distinct().sorted().toList();
        while (ordered.size() < 3) {
            ordered = java.util.stream.Stream.concat(ordered.stream(), java.util.stream.Stream.of(region())).distinct().sorted().toList();
        }
        String third = ordered.get(0);
        String other = ordered.get(1);
        String region = ordered.get(2);
        Instant at = Instant.parse("2025-03-12T08:00:00Z");
        submit(pair, region, SHELTER, 17, at);
        submit(pair, other, SHELTER, 13, at);
        submit(pair, other, POLICE, 2, at);
        submit(pair, third, SHELTER, 12, at);
        long total = 44;

        JsonPath feed = pull("2025-03");
        for (String table : List.of("region-slice-outcome", "category-urgency", "urgency-outcome", "ageband-gender-slice")) {
            List<Map<String, Object>> rows = table(feed, table);
            long published = rows.stream().map(row -> row.get("referrals")).filter(Objects::nonNull)
                    .mapToLong(value -> ((Number) value).longValue()).sum();
            long withheld = rows.stream().filter(row -> row.get("referrals") == null).count();
            long rounded = rows.stream().map(row -> row.get("referrals")).filter(Objects::nonNull)
                    .filter(value -> ((Number) value).longValue() > 0).count();
            assertThat(published).as(table).isLessThanOrEqualTo(total);
            assertThat(rows).as(table).allSatisfy(row -> {
                Object value = row.get("referrals");
                assertThat(value == null || ((Number) value).longValue() % 5 == 0).isTrue();
            });
            if (withheld == 0) {
                // Nothing withheld: the published cells add up to the total, up to the rounding of each.
                assertThat(total).as(table).isLessThanOrEqualTo(published + rounded * 4);
            } else {
                assertThat(withheld).as("a line never hides exactly one cell: %s", table).isGreaterThanOrEqualTo(2);
            }
        }
        List<Map<String, Object>> regions = table(feed, "region-slice-outcome");
        assertThat(regions).hasSize(3 * 4 * 5);
        // The 2 withholds its line's 13, which withholds the smallest cell of its own line (12), so 17 stays published.
        assertThat(cell(regions, Map.of("region", other, "slice", "intervention", "outcome", "awaiting"))).isNull();
        assertThat(cell(regions, Map.of("region", other, "slice", "rehabilitation", "outcome", "awaiting"))).isNull();
        assertThat(cell(regions, Map.of("region", third, "slice", "rehabilitation", "outcome", "awaiting"))).isNull();
        assertThat(count(regions, Map.of("region", region, "slice", "rehabilitation", "outcome", "awaiting"))).isEqualTo(15L);
        assertThat(count(table(feed, "urgency-outcome"), Map.of("urgency", "HIGH", "outcome", "awaiting"))).isEqualTo(40L);
    }

    @Test
    void theOpenPeriodIsNeverPublishedSoTwoPullsAroundANewReferralRevealNothing() {
        String token = Tokens.govLiaison();
        Instant now = Instant.now();
        for (Period.Granularity unit : Period.Granularity.values()) {
            String open = Period.containing(now, unit).toString();
            given().auth().oauth2(token).get(FEED + "/" + open).then().statusCode(404);
            given().auth().oauth2(token).get(FEED + "/" + open + ".csv").then().statusCode(404);
            given().auth().oauth2(token).queryParam("granularity", unit.name().toLowerCase(Locale.ROOT)).get(FEED)
                    .then().statusCode(200).body("period", not(hasItem(open)));
        }
        Map<String, String> before = everythingPublished(token);

        Pair pair = Pair.create();
        Map<String, Object> body = ReferralFixtures.request(pair.receiver(), SHELTER);
        body.put("regionCode", region());
        body.put("submit", true);
        given().auth().oauth2(Tokens.caseworker(pair.sender())).contentType(ContentType.JSON).body(body)
                .post("/api/referrals").then().statusCode(201);
        aDayPasses(); // not even the next day's snapshots show it: its period is still open

        assertThat(everythingPublished(token)).as("every period listed, each with its tag, before and after")
                .isEqualTo(before);
    }

    /** Every period of both granularities as listed (with its lastModified), and the ETag of each one's JSON and CSV. */
    private static Map<String, String> everythingPublished(String token) {
        Map<String, String> published = new TreeMap<>();
        for (String unit : List.of("quarter", "month")) {
            List<Map<String, Object>> periods = given().auth().oauth2(token).queryParam("granularity", unit).get(FEED)
                    .then().statusCode(200).extract().jsonPath().getList("");
            for (Map<String, Object> listed : periods) {
                String period = String.valueOf(listed.get("period"));
                published.put(period + " listed", String.valueOf(listed.get("lastModified")));
                published.put(period + " json", given().auth().oauth2(token).get(FEED + "/" + period).then().statusCode(200)
                        .extract().header("ETag"));
                published.put(period + " csv", given().auth().oauth2(token).get(FEED + "/" + period + ".csv").then()
                        .statusCode(200).extract().header("ETag"));
            }
        }
        return published;
    }

    @Test
    void addingOneReferralToASmallCellChangesNothingPublished() {
        Pair pair = Pair.create();
        String region = region();
        Instant at = Instant.parse("2025-05-06T08:00:00Z");
        // 21 + 3 + 11 = 35: the coalition's totals move to 36, within one rounding step.
        submit(pair, region, SHELTER, 21, at);
        submit(pair, region, MIGRATION, 3, at);
        submit(pair, region, POLICE, 11, at);
        String token = Tokens.govLiaison();
        var before = given().auth().oauth2(token).get(FEED + "/2025-05").then().statusCode(200).extract();
        String etag = before.header("ETag");
        Instant listed = lastModified("month", "2025-05");

        submit(pair, region, MIGRATION, 1, at.plusSeconds(3600)); // the small cell goes from 3 to 4
        assertThat(cell(table(pull("2025-05"), "region-slice-outcome"),
                Map.of("region", region, "slice", "prevention", "outcome", "awaiting"))).isNull();

        // The same figures: the same tag (304), the same body, and the since cursor does not list the month.
        given().auth().oauth2(token).header("If-None-Match", etag).get(FEED + "/2025-05").then().statusCode(304);
        var after = given().auth().oauth2(token).get(FEED + "/2025-05").then().statusCode(200).extract();
        assertThat(after.jsonPath().getList("rows")).isEqualTo(before.jsonPath().getList("rows"));
        assertThat(after.header("Last-Modified")).isEqualTo(before.header("Last-Modified"));
        List<String> changed = given().auth().oauth2(token).queryParam("granularity", "month").queryParam("since", listed.toString())
                .get(FEED).then().statusCode(200).extract().jsonPath().getList("period");
        assertThat(changed).doesNotContain("2025-05");
    }

    @Test
    void aQuarterMinusItsMonthsNeverRevealsAWithheldMonth() {
        Pair pair = Pair.create();
        String region = region();
        submit(pair, region, SHELTER, 13, Instant.parse("2025-07-08T08:00:00Z"));
        submit(pair, region, SHELTER, 12, Instant.parse("2025-08-08T08:00:00Z"));
        submit(pair, region, SHELTER, 4, Instant.parse("2025-09-08T08:00:00Z"));
        Map<String, Object> key = Map.of("region", region, "slice", "rehabilitation", "outcome", "awaiting");
        Long quarter = cell(table(pull("2025-Q3"), "region-slice-outcome"), key);
        List<Long> months = new ArrayList<>();
        for (String month : List.of("2025-07", "2025-08", "2025-09")) {
            months.add(cell(table(pull(month), "region-slice-outcome"), key));
        }
        assertThat(quarter).isEqualTo(25L);
        assertThat(months).containsExactly(10L, 10L, null);

        // What an attacker can derive for the withheld September: quarter minus the published months.
        long low = Math.max(quarter, K);
        long high = quarter + 4;
        long othersLow = 0;
        long othersHigh = 0;
        for (Long month : months.subList(0, 2)) {
            othersLow += month == 0 ? 0 : Math.max(month, K);
            othersHigh += month == 0 ? 0 : month + 4;
        }
        long candidatesFrom = Math.max(1, low - othersHigh);
        long candidatesTo = Math.min(K - 1, high - othersLow);
        assertThat(candidatesTo - candidatesFrom + 1).as("values of the withheld month consistent with what is published")
                .isGreaterThan(1);
        assertThat(4L).isBetween(candidatesFrom, candidatesTo);
    }

    @Test
    void mediansNeedAtLeastKReferralsBehindThem() {
        Pair pair = Pair.create();
        String region = region();
        Instant at = Instant.parse("2024-11-05T08:00:00Z");
        List<UUID> shelter = submit(pair, region, SHELTER, K, at);
        List<UUID> migration = submit(pair, region, MIGRATION, 4, at);
        for (int i = 0; i < shelter.size(); i++) {
            move(pair.sender(), pair.receiver(), shelter.get(i), "accept");
            acceptedAfter(shelter.get(i), Duration.ofHours(i + 1)); // 1..11 hours: median 6
        }
        for (UUID id : migration) {
            move(pair.sender(), pair.receiver(), id, "accept");
            acceptedAfter(id, Duration.ofHours(2));
        }
        JsonPath feed = pull("2024-11");
        List<Map<String, Object>> acceptance = table(feed, "time-to-acceptance");
        assertThat(acceptance).hasSize(4);
        assertThat(row(acceptance, Map.of("slice", "rehabilitation")).get("medianHours")).isEqualTo(6);
        assertThat(row(acceptance, Map.of("slice", "prevention")).get("medianHours")).isNull();
        assertThat(row(acceptance, Map.of("slice", "prevention")).get("referrals")).isNull();
        assertThat(table(feed, "time-to-completion")).allSatisfy(row -> assertThat(row.get("medianHours")).isNull());
    }

    @Test
    void enteredInErrorReferralsAreNeverCounted() {
        Pair pair = Pair.create();
        String region = region();
        Instant at = Instant.parse("2024-10-07T08:00:00Z");
        List<UUID> ids = submit(pair, region, SHELTER, 14, at);
        for (UUID id : ids.subList(0, 3)) {
            move(pair.sender(), pair.receiver(), id, "mark-entered-in-error");
        }
        aDayPasses();
        assertThat(count(table(pull("2024-10"), "region-slice-outcome"),
                Map.of("region", region, "slice", "rehabilitation", "outcome", "awaiting"))).isEqualTo(11L - 11 % 5);
        assertThat(count(table(pull("2024-10"), "urgency-outcome"), Map.of("urgency", "HIGH", "outcome", "ended"))).isZero();
    }

    @Test
    void answersIfNoneMatchWithNotModifiedAndAuditsEveryPull() {
        Pair pair = Pair.create();
        String region = region();
        submit(pair, region, SHELTER, 12, Instant.parse("2024-08-14T08:00:00Z"));
        String username = "liaison-" + UUID.randomUUID();
        String token = Tokens.as("gov-liaison").username(username).sign();
        var first = given().auth().oauth2(token).get(FEED + "/2024-08").then().statusCode(200)
                .header("Last-Modified", org.hamcrest.Matchers.notNullValue()).extract();
        String etag = first.header("ETag");
        given().auth().oauth2(token).header("If-None-Match", etag).get(FEED + "/2024-08").then().statusCode(304)
                .header("ETag", etag);
        String csvTag = given().auth().oauth2(token).get(FEED + "/2024-08.csv").then().statusCode(200).extract().header("ETag");
        assertThat(csvTag).isNotEqualTo(etag);
        given().auth().oauth2(token).header("If-None-Match", csvTag).get(FEED + "/2024-08.csv").then().statusCode(304);

        List<Object[]> pulls = QuarkusTransaction.requiringNew().call(() -> rows(entityManager.createNativeQuery(
                "SELECT feed, period, format, not_modified, roles FROM feed_pull WHERE actor = :actor ORDER BY id")
                .setParameter("actor", username).getResultList()));
        assertThat(pulls).extracting(row -> row[0] + "/" + row[1] + "/" + row[2] + "/" + row[3])
                .containsExactly("statistics/2024-08/json/false", "statistics/2024-08/json/true",
                        "statistics/2024-08/csv/false", "statistics/2024-08/csv/true");
        assertThat(pulls).allSatisfy(row -> assertThat(row[4]).isEqualTo("gov-liaison"));
    }

    @Test
    void aLateChangeToAClosedPeriodShowsOnlyInTheNextDaysSnapshot() {
        Pair pair = Pair.create();
        String region = region();
        List<UUID> ids = submit(pair, region, SHELTER, 12, Instant.parse("2024-03-12T08:00:00Z"));
        Map<String, Object> key = Map.of("region", region, "slice", "rehabilitation", "outcome", "awaiting");
        String token = Tokens.govLiaison();
        var before = given().auth().oauth2(token).get(FEED + "/2024-03").then().statusCode(200).extract();
        assertThat(cell(table(before.jsonPath(), "region-slice-outcome"), key)).isEqualTo(10L);
        Instant listed = lastModified("month", "2024-03");

        // One referral of the closed month is rejected now: 11 awaiting stay, 1 ends.
        move(pair.sender(), pair.receiver(), ids.get(0), "reject");
        var sameDay = given().auth().oauth2(token).get(FEED + "/2024-03").then().statusCode(200).extract();
        assertThat(sameDay.jsonPath().getList("rows")).as("the month as published before the rejection")
                .isEqualTo(before.jsonPath().getList("rows"));
        assertThat(sameDay.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(sameDay.header("Last-Modified")).isEqualTo(before.header("Last-Modified"));
        given().auth().oauth2(token).header("If-None-Match", before.header("ETag")).get(FEED + "/2024-03").then().statusCode(304);
        given().auth().oauth2(token).queryParam("granularity", "month").queryParam("since", listed.toString()).get(FEED)
                .then().statusCode(200).body("period", not(hasItem("2024-03")));

        aDayPasses();
        var nextDay = given().auth().oauth2(token).get(FEED + "/2024-03").then().statusCode(200).extract();
        List<Map<String, Object>> rows = table(nextDay.jsonPath(), "region-slice-outcome");
        assertThat(nextDay.jsonPath().getList("rows")).isNotEqualTo(before.jsonPath().getList("rows"));
        assertThat(cell(rows, Map.of("region", region, "slice", "rehabilitation", "outcome", "rejected")))
                .as("1 rejected, withheld").isNull();
        assertThat(nextDay.header("ETag")).isNotEqualTo(before.header("ETag"));
        given().auth().oauth2(token).queryParam("granularity", "month").queryParam("since", listed.toString()).get(FEED)
                .then().statusCode(200).body("period", hasItem("2024-03"));
    }

    @Test
    void sinceListsOnlyPeriodsWhosePublishedFiguresChanged() {
        Pair pair = Pair.create();
        String region = region();
        Instant at = Instant.parse("2024-07-09T08:00:00Z");
        submit(pair, region, SHELTER, 12, at);
        Instant listed = lastModified("month", "2024-07");
        String token = Tokens.coalitionAdmin();
        given().auth().oauth2(token).queryParam("granularity", "month").queryParam("since", listed.toString()).get(FEED)
                .then().statusCode(200).body("period", org.hamcrest.Matchers.not(hasItem("2024-07")));

        submit(pair, region(), MIGRATION, 12, at); // a new region with figures of its own

        given().auth().oauth2(token).queryParam("granularity", "month").queryParam("since", listed.toString()).get(FEED)
                .then().statusCode(200).body("period", hasItem("2024-07"))
                .body("find { it.period == '2024-07' }.csv", equalTo(FEED + "/2024-07.csv"));
        given().auth().oauth2(token).get(FEED).then().statusCode(200).body("period", hasItem("2024-Q3"));
    }

    @Test
    void csvCarriesNamesThenHxlHashtagsThenRowsACsvReaderParses() throws IOException {
        Pair pair = Pair.create();
        String region = region();
        submit(pair, region, SHELTER, 16, Instant.parse("2024-05-14T08:00:00Z"));
        String csv = given().auth().oauth2(Tokens.govLiaison()).accept("text/csv").get(FEED + "/2024-05")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<List<String>> records = new ArrayList<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> reader = mapper.readerForListOf(String.class).readValues(csv)) {
            reader.forEachRemaining(records::add);
        }
        assertThat(records.get(0)).containsExactly("table", "region", "slice", "category", "urgency", "outcome",
                "serviceOutcome", "ageBand", "gender", "referrals", "medianHours");
        assertThat(records.get(1)).allSatisfy(tag -> assertThat(tag).startsWith("#"));
        assertThat(records.subList(2, records.size())).allSatisfy(record -> assertThat(record).hasSize(11));
        assertThat(records).anySatisfy(record -> assertThat(record)
                .containsExactly("region-slice-outcome", region, "rehabilitation", "", "", "awaiting", "", "", "", "15", ""));
        given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/2024-05.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(equalTo(csv));
    }

    @Test
    void noReferralIdReferenceNumberNoteOrIdentityIsEverPublished() {
        Pair pair = Pair.create();
        String region = region();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = ReferralFixtures.request(pair.receiver(), POLICE);
            body.put("regionCode", region);
            body.put("submit", true);
            ids.add(UUID.fromString(ReferralFixtures.create(Tokens.caseworker(pair.sender()), body).statusCode(201)
                    .extract().path("id")));
        }
        ids.forEach(id -> backdate(id, Instant.parse("2024-02-14T08:00:00Z")));
        String json = given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/2024-02").then().statusCode(200).extract().asString();
        String csv = given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/2024-02.csv").then().statusCode(200).extract().asString();
        // What the feed keeps at rest too: the period's stored snapshot.
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT content FROM statistics_feed_version WHERE period = '2024-02'").getSingleResult());
        for (String body : List.of(json, csv, stored)) {
            assertThat(body).contains(region).doesNotContain(ReferralFixtures.SURVIVOR_NAME, "LP/B/123/V/2026", "Polda Bali",
                    "X1234567", "+62 812", "2010-03-14", "caseworker", pair.sender().toString(), pair.receiver().toString());
            ids.forEach(id -> assertThat(body).doesNotContain(id.toString()));
        }
    }

    /** Issue 17: what came of the completed referrals for the people is published per slice, under disclosure control. */
    @Test
    void serviceOutcomesOfCompletedReferralsArePublishedPerSliceUnderDisclosureControl() {
        Pair pair = Pair.create();
        String region = region();
        List<UUID> shelter = submit(pair, region, SHELTER, K + 2, Instant.parse("2023-06-12T08:00:00Z"));
        for (UUID id : shelter.subList(0, K + 1)) {
            move(pair.sender(), pair.receiver(), id, "accept", "complete"); // GOT_HELP
        }
        UUID declined = shelter.get(K + 1);
        move(pair.sender(), pair.receiver(), declined, "accept");
        given().auth().oauth2(Tokens.caseworker(pair.receiver())).contentType(ContentType.JSON)
                .body(Map.of("action", "complete", "outcome", "DECLINED_SERVICE", "deliveries", List.of(Map.of(
                        "categoryCode", SHELTER, "deliveredOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar"))
                                .toString())))).post("/api/referrals/{id}/transitions", declined).then().statusCode(200);
        aDayPasses();

        JsonPath feed = pull("2023-06");
        List<Map<String, Object>> outcomes = table(feed, "slice-service-outcome");
        assertThat(outcomes).hasSize(4 * 6); // every slice × every outcome and not-recorded, zeros included
        // The one referral declined is below k: withheld, with complementary cells, and nothing published between 1 and k.
        assertThat(cell(outcomes, Map.of("slice", "rehabilitation", "serviceOutcome", "declined-service"))).isNull();
        assertThat(outcomes).extracting(row -> (Integer) row.get("referrals")).filteredOn(java.util.Objects::nonNull)
                .allSatisfy(published -> assertThat(published == 0 || published >= K).isTrue());
        assertThat(outcomes).filteredOn(row -> row.get("referrals") == null).hasSizeGreaterThanOrEqualTo(2);
        assertThat(outcomes.stream().map(row -> (Integer) row.get("referrals")).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(K + 2);
        assertThat(table(feed, "region-slice-outcome")).allSatisfy(row -> assertThat(row.get("serviceOutcome")).isNull());
        String csv = given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/2023-06.csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("serviceOutcome");
        for (UUID id : shelter) {
            assertThat(feed.prettify()).doesNotContain(id.toString());
        }
    }

    // ---- helpers

    /** A region code of this test only (the API takes two letters or digits and up to two digits). */
    private static String region() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()))
                + String.format("%02d", random.nextInt(100));
    }

    /** Submits {@code count} HIGH referrals of a 12-17 year old girl, then moves them to {@code at}. */
    private List<UUID> submit(Pair pair, String region, String category, int count, Instant at) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = ReferralFixtures.request(pair.receiver(), category);
            body.remove("identity");
            body.remove("note");
            body.put("regionCode", region);
            body.put("submit", true);
            UUID id = UUID.fromString(given().auth().oauth2(Tokens.caseworker(pair.sender())).contentType(ContentType.JSON)
                    .body(body).post("/api/referrals").then().statusCode(201).extract().path("id"));
            backdate(id, at);
            ids.add(id);
        }
        aDayPasses();
        return ids;
    }

    /**
     * Ages every stored snapshot by more than a day, as if the next day had come: the next pull of each period takes
     * it again. Tests that change a past period's referrals call it, since a closed period moves only once a day.
     */
    private void aDayPasses() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE statistics_feed_version SET taken_at = taken_at - interval '25 hours'").executeUpdate());
    }

    /** Moves a referral and its history back in time, so it was submitted at {@code at}. */
    private void backdate(UUID id, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant requested = QueryValues.instant(entityManager.createNativeQuery(
                    "SELECT requested_at FROM referral WHERE id = :id").setParameter("id", id).getSingleResult());
            long shift = Duration.between(at, requested).toMillis();
            entityManager.createNativeQuery("""
                    UPDATE referral SET requested_at = requested_at - make_interval(secs => :shift / 1000.0),
                        created_at = created_at - make_interval(secs => :shift / 1000.0),
                        updated_at = updated_at - make_interval(secs => :shift / 1000.0) WHERE id = :id""")
                    .setParameter("shift", shift).setParameter("id", id).executeUpdate();
            entityManager.createNativeQuery("""
                    UPDATE referral_history SET occurred_at = occurred_at - make_interval(secs => :shift / 1000.0)
                    WHERE referral_id = :id""").setParameter("shift", shift).setParameter("id", id).executeUpdate();
        });
    }

    private void acceptedAfter(UUID id, Duration after) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE referral_history h SET occurred_at = r.requested_at + make_interval(secs => :seconds)
                FROM referral r WHERE r.id = h.referral_id AND h.referral_id = :id AND h.to_status = 'ACCEPTED'""")
                .setParameter("seconds", (double) after.toSeconds()).setParameter("id", id).executeUpdate());
        aDayPasses();
    }

    private static JsonPath pull(String period) {
        return given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/" + period).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private static Instant lastModified(String granularity, String period) {
        String text = given().auth().oauth2(Tokens.govLiaison()).queryParam("granularity", granularity).get(FEED)
                .then().statusCode(200).extract().jsonPath().getString("find { it.period == '" + period + "' }.lastModified");
        assertThat(text).as("%s is listed", period).isNotNull();
        assertThat(Period.parse(period)).isPresent();
        return Instant.parse(text);
    }

    private static List<Map<String, Object>> table(JsonPath feed, String table) {
        List<Map<String, Object>> rows = feed.getList("rows");
        return rows.stream().filter(row -> table.equals(row.get("table"))).toList();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, Map<String, Object> key) {
        List<Map<String, Object>> found = rows.stream()
                .filter(row -> key.entrySet().stream().allMatch(entry -> entry.getValue().equals(row.get(entry.getKey()))))
                .toList();
        assertThat(found).as("exactly one row for %s", key).hasSize(1);
        return found.get(0);
    }

    /** The published count of a cell, null when withheld. */
    private static Long cell(List<Map<String, Object>> rows, Map<String, Object> key) {
        Object value = row(rows, key).get("referrals");
        return value == null ? null : ((Number) value).longValue();
    }

    private static long count(List<Map<String, Object>> rows, Map<String, Object> key) {
        Long value = cell(rows, key);
        assertThat(value).as("%s is published", key).isNotNull();
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

}
