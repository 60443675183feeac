package org.mitra.directory.freshness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.directory.region.Region;
import org.mitra.directory.DirectoryFixtures;
import org.mitra.directory.services.Service;
import org.mitra.events.CloudEvent;
import org.mitra.events.Topic;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;
import org.mitra.web.Roles;

/**
 * Issue 17, directory freshness: each service's details carry when they were last confirmed and its capacity when it
 * was last reported; statuses FRESH, DUE, OVERDUE, STALE from configurable thresholds; one call lets the organization's
 * staff confirm "still accurate"; search ranks overdue and stale entries lower and says why; coalition admins list what
 * is due by organization; the HSDS export and the directory's event carry the confirmation.
 */
@QuarkusTest
class FreshnessTest {
    static final String PROBLEM = "application/problem+json";
    static final String NOT_VERIFIED = "/problems/organization-not-verified";
    static final String SHELTER_ADDRESS = "Jl. Kesegaran 17";
    static final String FRESHNESS = "/api/directory/services/freshness";

    @Inject
    FreshnessConfig config;

    static UUID organization(String name, String... decisions) {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.fromString(given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", name + " " + slug, "slug", slug, "regions", List.of("51"), "worksWithLawEnforcement", false))
                .post("/api/directory/organizations").then().statusCode(201).extract().path("id"));
        for (String status : decisions) {
            given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("status", status, "reason", "Decided in a test"))
                    .put("/api/directory/organizations/" + id + "/verification").then().statusCode(200);
        }
        return id;
    }

    static Map<String, Object> shelter(String name, String region, boolean withCapacity) {
        Map<String, Object> service = new HashMap<>();
        service.put("name", name);
        service.put("category", "shelter-and-safe-housing");
        service.put("regions", List.of(region));
        service.put("frontGateContact", "Call the front desk");
        service.put("locations", List.of(Map.of("name", "Safe house", "address", SHELTER_ADDRESS, "region", region,
                "confidential", true)));
        if (withCapacity) {
            service.put("capacity", Map.of("unit", "beds", "maximum", 10, "available", 3, "status", "CAPACITY"));
        }
        return service;
    }

    static String offer(UUID organization, Map<String, Object> service) {
        return given().auth().oauth2(Tokens.orgAdmin(organization)).contentType(ContentType.JSON).body(service)
                .post("/api/directory/organizations/" + organization + "/services")
                .then().statusCode(201).extract().path("id");
    }

    /** Moves a service's confirmation and capacity report back in time, as months without a word from its organization would. */
    static void age(String service, Instant detailsConfirmedAt, Instant capacityUpdatedAt) {
        QuarkusTransaction.requiringNew().run(() -> Service.getEntityManager().createNativeQuery(
                        "UPDATE service SET details_confirmed_at = ?1, capacity_updated_at = coalesce(?2, capacity_updated_at) WHERE id = ?3")
                .setParameter(1, java.sql.Timestamp.from(detailsConfirmedAt))
                .setParameter(2, capacityUpdatedAt == null ? null : java.sql.Timestamp.from(capacityUpdatedAt))
                .setParameter(3, UUID.fromString(service))
                .executeUpdate());
    }

    static Instant ago(Period period) {
        return Instant.now().atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    static JsonPath view(String service) {
        return given().auth().oauth2(Tokens.coalitionAdmin()).get("/api/directory/services/" + service)
                .then().statusCode(200).extract().jsonPath();
    }

    static Response confirm(String token, String service) {
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.post("/api/directory/services/" + service + "/confirmation");
    }

    @Test
    void theThresholdsComeFromConfigurationWithTheIssuesDefaults() {
        assertThat(config.capacityDue()).isEqualTo(Period.ofDays(7));
        assertThat(config.detailsOverdue()).isEqualTo(Period.ofMonths(6));
        assertThat(config.detailsStale()).isEqualTo(Period.ofMonths(12));
    }

    @Test
    void aServiceAgesFromFreshThroughDueAndOverdueToStale() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = organization("Organization", "VERIFIED");
        String id = offer(organization, shelter("Safe house", province.code, true));

        JsonPath fresh = view(id);
        assertThat(fresh.getString("freshness.status")).isEqualTo("FRESH");
        assertThat(fresh.getList("freshness.reasons")).isEmpty();
        assertThat(Instant.parse(fresh.getString("freshness.detailsConfirmedAt"))).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(fresh.getString("freshness.capacityUpdatedAt")).isEqualTo(fresh.getString("capacity.updated"));

        age(id, ago(Period.ofMonths(5)), ago(Period.ofDays(6)));
        assertThat(view(id).getString("freshness.status")).as("five months and six days").isEqualTo("FRESH");

        age(id, ago(Period.ofMonths(5)), ago(Period.ofDays(8)));
        assertThat(view(id).getString("freshness.status")).isEqualTo("DUE");
        assertThat(view(id).getList("freshness.reasons")).containsExactly("CAPACITY_DUE");

        age(id, ago(Period.ofMonths(7)), ago(Period.ofDays(8)));
        assertThat(view(id).getString("freshness.status")).isEqualTo("OVERDUE");
        assertThat(view(id).getList("freshness.reasons")).containsExactly("DETAILS_OVERDUE", "CAPACITY_DUE");

        Instant longAgo = ago(Period.ofMonths(13)).truncatedTo(ChronoUnit.MILLIS);
        age(id, longAgo, ago(Period.ofDays(1)));
        JsonPath stale = view(id);
        assertThat(stale.getString("freshness.status")).isEqualTo("STALE");
        assertThat(stale.getList("freshness.reasons")).containsExactly("DETAILS_STALE");
        assertThat(Instant.parse(stale.getString("freshness.detailsConfirmedAt"))).isEqualTo(longAgo);
        // The public sees the same freshness of a public service (and still no confidential location).
        given().get("/api/directory/services/" + id).then().statusCode(200)
                .body("freshness.status", equalTo("STALE")).body("locations", empty());
    }

    @Test
    void aServiceReportingNoCapacityIsJudgedByItsDetailsAlone() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = organization("Organization", "VERIFIED");
        String id = offer(organization, shelter("Counselling", province.code, false));
        age(id, ago(Period.ofMonths(1)), ago(Period.ofMonths(3)));

        JsonPath view = view(id);
        assertThat(view.getString("freshness.status")).isEqualTo("FRESH");
        assertThat(view.getString("freshness.capacityUpdatedAt")).isNull();
    }

    @Test
    void confirmingMakesTheDetailsFreshAgainAndEditingConfirmsThemToo() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = organization("Organization", "VERIFIED");
        String id = offer(organization, shelter("Safe house", province.code, true));
        age(id, ago(Period.ofMonths(13)), ago(Period.ofDays(10)));
        String staleTag = given().get("/api/directory/services/" + id).then().statusCode(200).extract().header("ETag");

        Instant before = Instant.now().minusSeconds(1);
        Response confirmed = confirm(Tokens.caseworker(organization), id);
        confirmed.then().statusCode(200)
                .body("freshness.status", equalTo("DUE"))
                .body("freshness.reasons", contains("CAPACITY_DUE"))
                .header("ETag", not(equalTo(staleTag)));
        assertThat(Instant.parse(confirmed.jsonPath().getString("freshness.detailsConfirmedAt"))).isAfter(before);
        // A confirmation of a version the caller has not seen is refused; of the current one it is taken.
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("If-Match", staleTag)
                .post("/api/directory/services/" + id + "/confirmation").then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("If-Match", confirmed.header("ETag"))
                .post("/api/directory/services/" + id + "/confirmation").then().statusCode(200);

        // Editing the details confirms them.
        age(id, ago(Period.ofMonths(8)), null);
        assertThat(view(id).getString("freshness.status")).isEqualTo("OVERDUE");
        String etag = given().auth().oauth2(Tokens.orgAdmin(organization)).get("/api/directory/services/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.orgAdmin(organization)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(shelter("Safe house, renamed", province.code, true))
                .put("/api/directory/services/" + id).then().statusCode(200)
                .body("freshness.status", equalTo("FRESH"));
    }

    @Test
    void onlyAVerifiedOrganizationsOwnStaffOrACoalitionAdminConfirm() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = organization("Organization", "VERIFIED");
        UUID other = organization("Other", "VERIFIED");
        String id = offer(organization, shelter("Safe house", province.code, true));
        Instant longAgo = ago(Period.ofMonths(13)).truncatedTo(ChronoUnit.MILLIS);
        age(id, longAgo, null);

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("another organization's admin", Tokens.orgAdmin(other));
        refused.put("another organization's caseworker", Tokens.caseworker(other));
        refused.put("gov-liaison", Tokens.govLiaison());
        refused.put("gov-liaison with the org claim", Tokens.as(Roles.GOV_LIAISON).org(organization).sign());
        refused.put("the org claim without a staff role", Tokens.as().org(organization).sign());
        refused.put("its partner system", Tokens.partnerApp(organization));
        refused.put("an org-admin without the org claim", Tokens.as(Roles.ORG_ADMIN).sign());
        refused.forEach((who, token) -> confirm(token, id).then().statusCode(403).contentType(PROBLEM)
                .body("type", not(equalTo(NOT_VERIFIED))));
        confirm(null, id).then().statusCode(401);
        confirm(Tokens.coalitionAdmin(), UUID.randomUUID().toString()).then().statusCode(404).contentType(PROBLEM);
        confirm(Tokens.caseworker(organization), "not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        assertThat(Instant.parse(view(id).getString("freshness.detailsConfirmedAt"))).as("nobody refused changed it")
                .isEqualTo(longAgo);

        for (String token : List.of(Tokens.orgAdmin(organization), Tokens.caseworker(organization), Tokens.coalitionAdmin())) {
            age(id, longAgo, null);
            confirm(token, id).then().statusCode(200).body("freshness.status", equalTo("FRESH"));
        }
    }

    @Test
    void aPendingOrSuspendedOrganizationsStaffConfirmNothing() {
        Region province = DirectoryFixtures.province(1);
        UUID pending = organization("Pending");
        String pendingService = offer(pending, shelter("Safe house", province.code, true));
        UUID suspended = organization("Suspended", "VERIFIED");
        String suspendedService = offer(suspended, shelter("Safe house", province.code, true));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED", "reason", "Under review"))
                .put("/api/directory/organizations/" + suspended + "/verification").then().statusCode(200);
        Instant longAgo = ago(Period.ofMonths(13)).truncatedTo(ChronoUnit.MILLIS);
        age(pendingService, longAgo, null);
        age(suspendedService, longAgo, null);

        Map<UUID, String> services = Map.of(pending, pendingService, suspended, suspendedService);
        services.forEach((organization, service) -> {
            for (String token : List.of(Tokens.orgAdmin(organization), Tokens.caseworker(organization))) {
                confirm(token, service).then().statusCode(403).contentType(PROBLEM)
                        .body("type", equalTo(NOT_VERIFIED))
                        .body("organizationStatus", equalTo(organization.equals(pending) ? "PENDING" : "SUSPENDED"));
            }
            assertThat(Instant.parse(view(service).getString("freshness.detailsConfirmedAt"))).isEqualTo(longAgo);
        });
    }

    @Test
    void searchRanksOverdueThenStaleServicesAfterTheOthersAndSaysWhy() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = organization("Organization", "VERIFIED");
        // By name alone the stale one would come first.
        String stale = offer(organization, shelter("A stale shelter", province.code, true));
        String overdue = offer(organization, shelter("B overdue shelter", province.code, true));
        String due = offer(organization, shelter("C shelter with old figures", province.code, true));
        String fresh = offer(organization, shelter("D fresh shelter", province.code, true));
        age(stale, ago(Period.ofMonths(14)), null);
        age(overdue, ago(Period.ofMonths(8)), null);
        age(due, ago(Period.ofMonths(1)), ago(Period.ofDays(20)));

        JsonPath found = given().queryParam("region", province.code).get("/api/directory/services")
                .then().statusCode(200).extract().jsonPath();
        assertThat(found.getList("items.id", String.class)).containsExactly(due, fresh, overdue, stale);
        assertThat(found.getList("items.freshness.status", String.class)).containsExactly("DUE", "FRESH", "OVERDUE", "STALE");
        assertThat(found.getList("items.freshness.reasons")).containsExactly(List.of("CAPACITY_DUE"), List.of(),
                List.of("DETAILS_OVERDUE"), List.of("DETAILS_STALE"));
        assertThat(found.getInt("totalItems")).isEqualTo(4);
        assertThat(found.prettify()).doesNotContain(SHELTER_ADDRESS);

        // Pages run across the groups in the same order.
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(given().queryParam("region", province.code).queryParam("size", 3).queryParam("page", page)
                    .get("/api/directory/services").then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
        }
        assertThat(paged).containsExactly(due, fresh, overdue, stale);
        assertThat(given().queryParam("region", province.code).queryParam("size", 1).queryParam("page", 2)
                .get("/api/directory/services").then().statusCode(200).extract().jsonPath().getList("items.id", String.class))
                .containsExactly(overdue);

        // Confirmed, the stale one takes its place by name again.
        confirm(Tokens.orgAdmin(organization), stale).then().statusCode(200);
        assertThat(given().queryParam("region", province.code).get("/api/directory/services")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class))
                .containsExactly(stale, due, fresh, overdue);
    }

    @Test
    void coalitionAdminsListWhatIsDueByOrganization() {
        Region province = DirectoryFixtures.province(1);
        // A name that sorts first, so the test's organizations are on the list's first page.
        UUID behind = organization("0000 Behind", "VERIFIED");
        String stale = offer(behind, shelter("Stale shelter", province.code, true));
        String overdue = offer(behind, shelter("Overdue shelter", province.code, true));
        String current = offer(behind, shelter("Current shelter", province.code, true));
        UUID figures = organization("0000 Figures", "VERIFIED");
        String due = offer(figures, shelter("Shelter with old figures", province.code, true));
        UUID upToDate = organization("0000 Up to date", "VERIFIED");
        offer(upToDate, shelter("Fresh shelter", province.code, true));
        UUID suspended = organization("0000 Suspended", "VERIFIED");
        String hidden = offer(suspended, shelter("Suspended shelter", province.code, true));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED", "reason", "Under review"))
                .put("/api/directory/organizations/" + suspended + "/verification").then().statusCode(200);
        age(stale, ago(Period.ofMonths(15)), null);
        age(overdue, ago(Period.ofMonths(7)), null);
        age(due, ago(Period.ofMonths(2)), ago(Period.ofDays(9)));
        age(hidden, ago(Period.ofMonths(15)), null);

        Map<String, Map<String, Object>> everything = listed("DUE");
        assertThat(everything).containsKeys(behind.toString(), figures.toString())
                .doesNotContainKeys(upToDate.toString(), suspended.toString());
        Map<String, Object> behindEntry = everything.get(behind.toString());
        assertThat(behindEntry.get("status")).isEqualTo("STALE");
        assertThat(((String) behindEntry.get("organizationName"))).startsWith("0000 Behind");
        List<Map<String, Object>> behindServices = services(behindEntry);
        assertThat(behindServices).extracting(service -> service.get("serviceId")).as("oldest confirmation first")
                .containsExactly(stale, overdue).doesNotContain(current);
        assertThat(behindServices).extracting(service -> (Object) ((Map<?, ?>) service.get("freshness")).get("reasons"))
                .containsExactly(List.of("DETAILS_STALE"), List.of("DETAILS_OVERDUE"));
        assertThat(everything.get(figures.toString()).get("status")).isEqualTo("DUE");
        assertThat(services(everything.get(figures.toString()))).extracting(service -> service.get("category"))
                .containsExactly("shelter-and-safe-housing");

        Map<String, Map<String, Object>> overdueOnly = listed("OVERDUE");
        assertThat(overdueOnly).containsKey(behind.toString()).doesNotContainKey(figures.toString());
        assertThat(services(overdueOnly.get(behind.toString()))).extracting(service -> service.get("serviceId"))
                .containsExactly(stale, overdue);
        Map<String, Map<String, Object>> staleOnly = listed("stale");
        assertThat(services(staleOnly.get(behind.toString()))).extracting(service -> service.get("serviceId"))
                .containsExactly(stale);
        assertThat(listed(null)).as("DUE unless asked").containsKeys(behind.toString(), figures.toString());

        // Paged like every list.
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("size", 1).get(FRESHNESS).then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""))
                .body("size", equalTo(1)).body("items.size()", equalTo(1));
    }

    @Test
    void theListIsTheCoalitionsAloneAndItsParametersAreChecked() {
        UUID organization = organization("Organization", "VERIFIED");
        for (String token : List.of(Tokens.orgAdmin(organization), Tokens.caseworker(organization), Tokens.govLiaison(),
                Tokens.partnerApp(organization), Tokens.partnerApp(null))) {
            given().auth().oauth2(token).get(FRESHNESS).then().statusCode(403).contentType(PROBLEM);
        }
        given().get(FRESHNESS).then().statusCode(401);
        for (String bad : List.of("FRESH", "ROTTEN", "1")) {
            given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("status", bad).get(FRESHNESS)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        }
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("size", 101).get(FRESHNESS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
    }

    @Test
    void theHsdsExportCarriesTheDayOfTheLastConfirmation() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = organization("Organization", "VERIFIED");
        String id = offer(organization, shelter("Safe house", province.code, true));
        age(id, Instant.parse("2025-01-15T23:30:00Z"), null);
        given().get("/api/directory/hsds/services/" + id).then().statusCode(200)
                .body("assured_date", equalTo("2025-01-15"));
        given().queryParam("organization_id", organization.toString()).get("/api/directory/hsds/services")
                .then().statusCode(200).body("contents[0].assured_date", equalTo("2025-01-15"));

        confirm(Tokens.caseworker(organization), id).then().statusCode(200);
        given().get("/api/directory/hsds/services/" + id).then().statusCode(200)
                .body("assured_date", equalTo(Instant.now().atZone(ZoneOffset.UTC).toLocalDate().toString()))
                .body("assurer_email", nullValue());
    }

    @Test
    void theDirectorysEventCarriesTheConfirmationAndNobodyWhoMadeIt() {
        Region province = DirectoryFixtures.province(1);
        UUID organization = organization("Organization", "VERIFIED");
        String id = offer(organization, shelter("Safe house", province.code, true));
        age(id, ago(Period.ofMonths(13)), null);
        String subject = UUID.randomUUID().toString();
        String username = "ayu.caseworker." + subject.substring(0, 6);
        String confirmedAt = confirm(Tokens.as(Roles.CASEWORKER).org(organization).subject(subject).username(username).sign(), id)
                .then().statusCode(200).extract().path("freshness.detailsConfirmedAt");

        List<CloudEvent<JsonNode>> events = KafkaTopics.eventsFor(Topic.DIRECTORY_ORGANIZATIONS, organization.toString(),
                seen -> seen.stream().anyMatch(event -> confirmedAt.equals(
                        event.data().path("services").path(0).path("detailsConfirmedAt").asText(null))),
                Duration.ofSeconds(20));
        JsonNode latest = events.get(events.size() - 1).data();
        JsonNode service = latest.path("services").get(0);
        assertThat(Instant.parse(service.path("detailsConfirmedAt").asText())).isEqualTo(Instant.parse(confirmedAt));
        assertThat(service.path("capacity").path("updated").asText()).isNotBlank();
        for (String text : List.of(latest.toString(), given().get("/api/directory/services/" + id).then().extract().asString(),
                given().get("/api/directory/hsds/services/" + id).then().extract().asString(),
                given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("size", 100).get(FRESHNESS).then().extract().asString())) {
            assertThat(text).doesNotContain(subject).doesNotContain(username).doesNotContain(SHELTER_ADDRESS);
        }
    }

    @Test
    void theNewAggregatesHoldNoPersonalData() {
        assertThat(components(Freshness.class)).containsExactly("status", "detailsConfirmedAt", "capacityUpdatedAt", "reasons");
        assertThat(components(OrganizationFreshness.class))
                .containsExactly("organizationId", "organizationName", "status", "services");
        assertThat(components(OrganizationFreshness.ServiceFreshness.class))
                .containsExactly("serviceId", "name", "category", "freshness");
        // The confirmation is a time on the service, with no column for who confirmed.
        List<String> columns = QuarkusTransaction.requiringNew().call(() -> Service.getEntityManager().createNativeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'service' AND column_name LIKE '%confirm%'"
                        + " ORDER BY column_name").getResultList()).stream().map(String::valueOf).toList();
        assertThat(columns).containsExactly("details_confirmed_at", "last_confirmed");
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** Every organization on the coalition's list at {@code status}, by id, through all its pages. */
    private static Map<String, Map<String, Object>> listed(String status) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            var request = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("size", 100).queryParam("page", page);
            if (status != null) {
                request.queryParam("status", status);
            }
            JsonPath found = request.get(FRESHNESS).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = found.getList("items");
            items.forEach(item -> byId.put((String) item.get("organizationId"), item));
            if (page + 1 >= found.getLong("totalPages")) {
                return byId;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> services(Map<String, Object> entry) {
        return (List<Map<String, Object>>) entry.get("services");
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
    }
}
