package org.mitra.awareness.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mitra.awareness.AwarenessFixtures.PROBLEM;
import static org.mitra.awareness.AwarenessFixtures.launched;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.AwarenessFixtures.Launched;
import org.mitra.awareness.pledge.Pledge;
import org.mitra.feeds.Period;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ReachFeedTest {
    @Inject
    ReachFeed reach;

    /** Most tests read a month's figures as they are published: once it has ended (the feed's clock a month on). */
    @BeforeEach
    void monthEnded() {
        reach.clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(32)));
        aDayPasses();
    }

    /**
     * Every stored snapshot is stale, as on the next day (whatever clock took it): the next pull of each month takes
     * it again. An ended month moves only once a day, so tests that change a past month's figures call this.
     */
    static void aDayPasses() {
        QuarkusTransaction.requiringNew().run(() -> Pledge.getEntityManager()
                .createNativeQuery("UPDATE reach_feed_version SET taken_at = NULL").executeUpdate());
    }

    @AfterEach
    void now() {
        reach.clock(Clock.systemUTC());
    }

    @Test
    void theOpenMonthIsNeverPublishedSoTwoPullsAroundANewPledgeRevealNothing() {
        now();
        String token = Tokens.govLiaison();
        given().auth().oauth2(token).get(FEED + "/" + currentMonth()).then().statusCode(404);
        given().auth().oauth2(token).get(FEED + "/" + currentMonth() + ".csv").then().statusCode(404);
        given().auth().oauth2(token).get(FEED).then().statusCode(200).body("period", not(hasItem(currentMonth())));
        Map<String, String> before = everythingPublished(token);
        Launched launched = launched();
        people(launched.campaign(), country(), 1);
        assertThat(everythingPublished(token)).isEqualTo(before);
    }

    private static final AtomicInteger NEXT_OWN_MONTH = new AtomicInteger();

    /** A past month no other test uses, so a test's cells share no line with another test's. */
    String newOwnMonth() {
        now(); // a past month is closed by the real clock, and its versions are then dated by real instants
        int n = NEXT_OWN_MONTH.getAndIncrement();
        return new Period(Period.Granularity.MONTH, 2019 + n / 12, n % 12 + 1).toString();
    }

    /** Moves every pledge of the campaign into {@code month} (a closed one), as if they had been made then. */
    static void moveInto(UUID campaign, String month) {
        Instant at = Period.parse(month).orElseThrow().start().plus(3, ChronoUnit.DAYS);
        QuarkusTransaction.requiringNew().run(() -> Pledge.getEntityManager()
                .createNativeQuery("UPDATE pledge SET created_at = :at WHERE campaign_id = :campaign")
                .setParameter("at", java.sql.Timestamp.from(at)).setParameter("campaign", campaign).executeUpdate());
        aDayPasses();
    }

    /** Every month as listed (with its lastModified), and the ETag of each one's JSON and CSV. */
    private static Map<String, String> everythingPublished(String token) {
        Map<String, String> published = new TreeMap<>();
        List<Map<String, Object>> months = given().auth().oauth2(token).get(FEED).then().statusCode(200)
                .extract().jsonPath().getList("");
        for (Map<String, Object> listed : months) {
            String month = String.valueOf(listed.get("period"));
            published.put(month + " listed", String.valueOf(listed.get("lastModified")));
            published.put(month + " json", given().auth().oauth2(token).get(FEED + "/" + month).then().statusCode(200)
                    .extract().header("ETag"));
            published.put(month + " csv", given().auth().oauth2(token).get(FEED + "/" + month + ".csv").then()
                    .statusCode(200).extract().header("ETag"));
        }
        return published;
    }
    static final String FEED = "/api/awareness/feeds/reach";

    /** Countries no other test pledges from, one set per test, so no other campaign shares a line with ours. */
    private static final List<String> COUNTRIES = List.of("FR", "DE", "JP", "KR", "US", "CA", "NL", "SE", "NO", "DK", "FI",
            "IT", "ES", "PT", "BR", "AR", "CL", "MX", "IN", "SG", "MY", "TH", "VN", "PH", "ZA", "KE", "EG", "IE", "BE", "AT",
            "CH", "PL", "CZ", "HU", "GR", "TR", "IL", "AE", "SA", "QA");
    private static final AtomicInteger NEXT_COUNTRY = new AtomicInteger();
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger();

    static String country() {
        return COUNTRIES.get(NEXT_COUNTRY.getAndIncrement() % COUNTRIES.size());
    }

    static String currentMonth() {
        return Period.containing(Instant.now(), Period.Granularity.MONTH).toString();
    }

    /** A fresh client address for each public write, so the per-source rate limit never interferes. */
    static String client() {
        int n = NEXT_CLIENT.getAndIncrement();
        return "203.0." + (113 + n / 250 % 100) + "." + (n % 250 + 1) + ", 10.0.0.1";
    }

    static Response pledge(UUID campaign, Map<String, Object> body) {
        return given().header("X-Forwarded-For", client()).contentType(ContentType.JSON).body(body)
                .post("/api/awareness/campaigns/" + campaign + "/pledges");
    }

    static void people(UUID campaign, String country, int count) {
        for (int i = 0; i < count; i++) {
            pledge(campaign, Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", country,
                    "contactConsent", false)).then().statusCode(201);
        }
    }

    static void businesses(UUID campaign, String country, int count) {
        for (int i = 0; i < count; i++) {
            pledge(campaign, Map.of("kind", "BUSINESS", "businessName", "Hotel " + UUID.randomUUID(), "businessType", "HOTEL",
                    "commitment", "child-safe-code", "country", country, "contactConsent", false)).then().statusCode(201);
        }
    }

    static JsonPath pull(String month) {
        return given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/" + month).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    static List<Map<String, Object>> pledgeRows(JsonPath feed, UUID campaign) {
        return feed.getList("rows.findAll { it.campaignId == '" + campaign + "' && it.section == 'pledges' }");
    }

    static Map<String, Object> pledgeRow(JsonPath feed, UUID campaign, String type, String country) {
        return feed.getMap("rows.find { it.campaignId == '" + campaign + "' && it.section == 'pledges' && it.pledgeType == '"
                + type + "' && it.country == '" + country + "' }");
    }

    @Test
    void theCatalogIsPublicAndOnlyGovernmentLiaisonsAndCoalitionAdminsPullTheFeed() {
        given().get("/api/awareness/feeds").then().statusCode(200)
                .body("id", hasItem("campaign-reach"))
                .body("find { it.id == 'campaign-reach' }.url", equalTo(FEED))
                .body("find { it.id == 'campaign-reach' }.formats", equalTo(List.of("application/json", "text/csv")))
                .body("find { it.id == 'campaign-reach' }.periods", equalTo(List.of("month")))
                .body("find { it.id == 'campaign-reach' }.licence", equalTo("CC-BY-4.0"))
                .body("find { it.id == 'campaign-reach' }.access", equalTo(List.of("gov-liaison", "coalition-admin")));
        String month = currentMonth();
        given().get(FEED + "/" + month).then().statusCode(401);
        given().get(FEED).then().statusCode(401);
        given().auth().oauth2(Tokens.caseworker(UUID.randomUUID())).get(FEED + "/" + month).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).get(FEED).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).get(FEED + "/" + month + ".csv").then().statusCode(403);
        given().auth().oauth2(Tokens.coalitionAdmin()).get(FEED + "/" + month).then().statusCode(200);
        // A client-credentials client such as mitra-feeds-demo: a service account holding the role.
        given().auth().oauth2(Tokens.as("gov-liaison").username("service-account-mitra-feeds-demo").sign())
                .get(FEED).then().statusCode(200).body("period", hasItem(month));
    }

    @Test
    void smallCellsAreWithheldWithAPartnerSoNoLineTotalRecoversThemAndTheRestIsRoundedDown() {
        Launched launched = launched();
        UUID campaign = launched.campaign();
        String small = country();
        String partner = country();
        String large = country();
        String business = country();
        people(campaign, small, 3);
        people(campaign, partner, 13);
        people(campaign, large, 17);
        businesses(campaign, business, 12);
        String month = newOwnMonth();
        moveInto(campaign, month);

        JsonPath feed = pull(month);
        assertThat(feed.getInt("suppressionThreshold")).isEqualTo(11);
        assertThat(feed.getInt("roundingBase")).isEqualTo(5);
        assertThat(feed.getString("licence")).isEqualTo("CC-BY-4.0");
        assertThat(feed.getString("period")).isEqualTo(month);
        assertThat(feed.getString("generatedAt")).isNotNull();
        assertThat(feed.getString("title")).isNotBlank();

        // The month's cube (campaign x type x country): PERSON 3, 13, 17, 0 and BUSINESS 0, 0, 0, 12.
        assertThat(pledgeRow(feed, campaign, "PERSON", small)).containsEntry("pledges", null);
        assertThat(pledgeRow(feed, campaign, "PERSON", partner)).as("complementary suppression").containsEntry("pledges", null);
        assertThat(pledgeRow(feed, campaign, "PERSON", large)).containsEntry("pledges", 15);
        // The small country's total is public (the campaign's reach), so its BUSINESS zero is withheld beside the 3; that
        // leaves one withheld BUSINESS cell, whose partner is the 12, and so on until every line holds two or none.
        assertThat(pledgeRow(feed, campaign, "BUSINESS", small)).as("a zero as partner").containsEntry("pledges", null);
        assertThat(pledgeRow(feed, campaign, "BUSINESS", business)).containsEntry("pledges", null);
        assertThat(pledgeRow(feed, campaign, "PERSON", business)).as("a zero as partner").containsEntry("pledges", null);
        assertThat(pledgeRow(feed, campaign, "BUSINESS", partner)).as("a zero as partner").containsEntry("pledges", null);
        assertThat(pledgeRow(feed, campaign, "BUSINESS", large)).as("a published zero is no row").isNull();
        assertThat(pledgeRows(feed, campaign)).hasSize(7).allSatisfy(row -> assertThat(row)
                .containsEntry("campaignSlug", slug(campaign)).containsEntry("campaignTitle", "Child-safe tourism"));

        // The attack: the campaign's exact public total of person pledges minus what the feed publishes for them.
        long persons = given().get("/api/awareness/campaigns/" + campaign + "/reach").then().statusCode(200)
                .extract().jsonPath().getLong("pledges.byKind.PERSON");
        long published = pledgeRows(feed, campaign).stream().filter(row -> "PERSON".equals(row.get("pledgeType")))
                .map(row -> row.get("pledges")).filter(value -> value != null).mapToLong(value -> ((Number) value).longValue()).sum();
        assertThat(persons - published).as("the difference covers three withheld cells, not the small one").isEqualTo(3 + 13 + 0 + 2);
        assertThat(persons - published).isNotEqualTo(3);
    }

    @Test
    void activitiesShowPlacesTakenAndCountedAttendanceUnderTheSameControl() {
        Launched launched = launched();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID small = activity(launched, start, 3);
        UUID partner = activity(launched, start, 30);
        UUID large = activity(launched, start, 42);
        UUID uncounted = activity(launched, start, null);
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Registrant " + i, "contact", "registrant" + i + "@example.org"))
                    .post("/api/awareness/campaigns/" + launched.campaign() + "/activities/" + large + "/registrations")
                    .then().statusCode(201);
        }
        JsonPath feed = pull(Period.containing(start, Period.Granularity.MONTH).toString());
        Map<String, Object> smallRow = activityRow(feed, small);
        assertThat(smallRow).containsEntry("attendanceCounted", true).containsEntry("attended", null)
                .containsEntry("activityKind", "TRAINING").containsEntry("activityStart", start.toString())
                .containsEntry("activityRegion", "5103").containsEntry("pledgeType", null);
        assertThat(activityRow(feed, partner)).as("complementary suppression").containsEntry("attended", null);
        assertThat(activityRow(feed, large)).containsEntry("attended", 40).containsEntry("registered", null);
        assertThat(activityRow(feed, uncounted)).containsEntry("attendanceCounted", false).containsEntry("attended", null);
        // Two places taken on one activity, none on the other three: the 2 is withheld, and so is one of the zeros beside
        // it, or the total of the line would give the 2 away.
        List<Object> registered = java.util.stream.Stream.of(small, partner, large, uncounted)
                .map(activity -> activityRow(feed, activity).get("registered")).toList();
        assertThat(registered.stream().filter(java.util.Objects::isNull).count()).isEqualTo(2);
        assertThat(registered.stream().filter(java.util.Objects::nonNull)).containsOnly(0);
        String csv = given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/" + feed.getString("period") + ".csv")
                .then().statusCode(200).extract().asString();
        assertThat(csv).doesNotContain("Registrant", "registrant0@example.org", "Community hall", "Child protection for hospitality");
    }

    @Test
    void csvCarriesNamesThenHxlHashtagsThenRowsACsvReaderParses() {
        Launched launched = launched();
        String country = country();
        people(launched.campaign(), country, 12);
        String month = newOwnMonth();
        moveInto(launched.campaign(), month);
        String csv = given().auth().oauth2(Tokens.govLiaison()).accept("text/csv").get(FEED + "/" + month)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<List<String>> records = parseCsv(csv);
        assertThat(records.get(0)).containsExactly("campaignId", "campaignSlug", "campaignTitle", "section", "pledgeType", "country",
                "pledges", "activityId", "activityKind", "activityStart", "activityRegion", "registered", "attendanceCounted", "attended");
        assertThat(records.get(1)).allSatisfy(tag -> assertThat(tag).startsWith("#"))
                .contains("#org+campaign+id", "#country+code", "#indicator+pledges+num", "#meta+pledge+type");
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(14));
        assertThat(records.subList(2, records.size())).anySatisfy(record -> assertThat(record)
                .startsWith(launched.campaign().toString(), slug(launched.campaign()), "Child-safe tourism", "pledges", "PERSON", country, "10"));
        given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/" + month + ".csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(equalTo(csv));
        given().auth().oauth2(Tokens.govLiaison()).get(FEED).then().statusCode(200)
                .body("find { it.period == '" + month + "' }.csv", equalTo(FEED + "/" + month + ".csv"))
                .body("find { it.period == '" + month + "' }.json", equalTo(FEED + "/" + month));
    }

    @Test
    void anUnchangedMonthAnswers304AndChangedFiguresMoveTheEtagAndTheSinceCursorErasuresIncluded() throws Exception {
        Launched launched = launched();
        UUID campaign = launched.campaign();
        String country = country();
        people(campaign, country, 12);
        String month = newOwnMonth();
        moveInto(campaign, month);
        given().auth().oauth2(Tokens.govLiaison()).get(FEED).then().statusCode(200).body("period", hasItem(month));
        ExtractableResponse<Response> first = given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/" + month)
                .then().statusCode(200).extract();
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Last-Modified")).isNotBlank();
        given().auth().oauth2(Tokens.govLiaison()).header("If-None-Match", etag).get(FEED + "/" + month)
                .then().statusCode(304).header("ETag", etag);

        Thread.sleep(5);
        Instant lastPull = Instant.now();
        given().auth().oauth2(Tokens.govLiaison()).queryParam("since", lastPull.toString()).get(FEED)
                .then().statusCode(200).body("period", not(hasItem(month)));

        // Three more pledges: 15 is published instead of 10.
        List<String[]> receipts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonPath receipt = pledge(campaign, Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", country,
                    "contactConsent", false)).then().statusCode(201).extract().jsonPath();
            receipts.add(new String[] {receipt.getString("id"), receipt.getString("token")});
        }
        moveInto(campaign, month);
        List<String> changed = given().auth().oauth2(Tokens.govLiaison()).queryParam("since", lastPull.toString()).get(FEED)
                .then().statusCode(200).extract().jsonPath().getList("period");
        assertThat(changed).containsExactly(month);
        ExtractableResponse<Response> second = given().auth().oauth2(Tokens.govLiaison()).header("If-None-Match", etag)
                .get(FEED + "/" + month).then().statusCode(200).extract();
        assertThat(second.header("ETag")).isNotEqualTo(etag);
        assertThat(pledgeRow(second.jsonPath(), campaign, "PERSON", country)).containsEntry("pledges", 15);

        // One pledger erases theirs: 14 pledges, 10 published again, and the month has changed once more.
        Thread.sleep(5);
        Instant beforeErasure = Instant.now();
        given().header("Pledge-Token", receipts.get(0)[1])
                .delete("/api/awareness/campaigns/" + campaign + "/pledges/" + receipts.get(0)[0]).then().statusCode(204);
        // The same day nothing moves: the ended month is served from its snapshot, so the erasure is not timed.
        given().auth().oauth2(Tokens.govLiaison()).header("If-None-Match", second.header("ETag")).get(FEED + "/" + month)
                .then().statusCode(304);
        given().auth().oauth2(Tokens.govLiaison()).queryParam("since", beforeErasure.toString()).get(FEED)
                .then().statusCode(200).body("period", not(hasItem(month)));
        aDayPasses();
        ExtractableResponse<Response> third = given().auth().oauth2(Tokens.govLiaison()).header("If-None-Match", second.header("ETag"))
                .get(FEED + "/" + month).then().statusCode(200).extract();
        assertThat(pledgeRow(third.jsonPath(), campaign, "PERSON", country)).containsEntry("pledges", 10);
        assertThat(third.header("ETag")).isNotEqualTo(second.header("ETag"));
        assertThat(Instant.parse(third.jsonPath().getString("lastModified"))).isAfter(beforeErasure);
        given().auth().oauth2(Tokens.govLiaison()).queryParam("since", beforeErasure.toString()).get(FEED)
                .then().statusCode(200).body("period", equalTo(List.of(month)));
    }

    @Test
    void everyPullIsAuditedWithoutWhatItContainedAndBadPeriodsAreRefused() {
        String liaison = "liaison-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.as("gov-liaison").username(liaison).sign();
        String month = currentMonth();
        String etag = given().auth().oauth2(token).get(FEED + "/" + month).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).header("If-None-Match", etag).get(FEED + "/" + month).then().statusCode(304);
        given().auth().oauth2(token).get(FEED + "/" + month + ".csv").then().statusCode(200);
        given().auth().oauth2(token).get(FEED).then().statusCode(200);
        List<Object[]> pulls = QuarkusTransaction.requiringNew().call(() -> rows(Pledge.getEntityManager().createNativeQuery("""
                SELECT feed, period, format, not_modified, roles, subject FROM feed_pull WHERE actor = ?1 ORDER BY id""")
                .setParameter(1, liaison).getResultList()));
        assertThat(pulls).hasSize(4);
        assertThat(pulls).allSatisfy(pull -> assertThat(pull[0]).isEqualTo("campaign-reach"));
        assertThat(pulls).extracting(pull -> pull[1]).containsExactly(month, month, month, null);
        assertThat(pulls).extracting(pull -> pull[2]).containsExactly("json", "json", "csv", "list");
        assertThat(pulls).extracting(pull -> pull[3]).containsExactly(false, true, false, false);
        assertThat(pulls).allSatisfy(pull -> assertThat((String) pull[4]).contains("gov-liaison"));

        for (String bad : List.of("2026-W3", "2026-13", "2026-11-24", "2026-Q4", "latest")) {
            given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/" + bad).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("period"));
        }
        given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/2026-13.csv").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/2999-01").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.govLiaison()).queryParam("since", "yesterday").get(FEED)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("since"));
        given().auth().oauth2(Tokens.govLiaison()).queryParam("granularity", "quarter").get(FEED)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("granularity"));
        given().auth().oauth2(Tokens.govLiaison()).queryParam("granularity", "month").get(FEED).then().statusCode(200);
    }

    @Test
    void noPledgerDataEverReachesTheFeed() {
        Launched launched = launched();
        UUID campaign = launched.campaign();
        String country = country();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "Villa Secret " + UUID.randomUUID().toString().substring(0, 8);
            String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            secrets.add(name);
            secrets.add(email);
            Map<String, Object> body = new HashMap<>(Map.of("kind", "BUSINESS", "businessName", name, "businessType", "DRIVER",
                    "commitment", "child-safe-code", "country", country, "contactConsent", true, "email", email,
                    "source", "tuktuk-sticker-" + i));
            secrets.add("tuktuk-sticker-" + i);
            pledge(campaign, body).then().statusCode(201);
        }
        String month = newOwnMonth();
        moveInto(campaign, month);
        String json = given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/" + month).then().statusCode(200).extract().asString();
        String csv = given().auth().oauth2(Tokens.govLiaison()).get(FEED + "/" + month + ".csv").then().statusCode(200).extract().asString();
        assertThat(pledgeRow(JsonPath.from(json), campaign, "BUSINESS", country)).containsEntry("pledges", 10);
        for (String secret : secrets) {
            assertThat(json).doesNotContain(secret);
            assertThat(csv).doesNotContain(secret);
        }
        assertThat(json).doesNotContain("@example.org");
    }

    private static UUID activity(Launched launched, Instant start, Integer attendance) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "TRAINING", "title", "Child protection for hospitality staff",
                "startsAt", start.toString(), "endsAt", start.plus(3, ChronoUnit.HOURS).toString(),
                "place", "Community hall", "regionCode", "5103", "language", "en"));
        if (attendance != null) {
            body.put("attendance", attendance);
        }
        return UUID.fromString(given().auth().oauth2(Tokens.orgAdmin(launched.owner())).contentType(ContentType.JSON).body(body)
                .post("/api/awareness/campaigns/" + launched.campaign() + "/activities").then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> activityRow(JsonPath feed, UUID activity) {
        Map<String, Object> row = feed.getMap("rows.find { it.activityId == '" + activity + "' }");
        assertThat(row).as("row of activity " + activity).isNotNull();
        assertThat(row).containsEntry("section", "activity");
        return row;
    }

    private static String slug(UUID campaign) {
        return given().get("/api/awareness/campaigns/" + campaign).then().statusCode(200).extract().path("slug");
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
