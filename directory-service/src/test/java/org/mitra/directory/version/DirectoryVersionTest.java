package org.mitra.directory.version;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.mitra.directory.DirectoryFixtures;
import org.mitra.directory.organization.Organization;
import org.mitra.directory.region.Region;
import org.mitra.directory.services.Service;
import org.mitra.directory.services.ServiceQuery;
import org.mitra.directory.services.ServiceSearch;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.Tokens;

/**
 * Searches, the coverage supply and the HSDS export keep results for the directory's version: a repeated read runs
 * fewer statements, and every committed change, whichever way it is written, is seen by the next read.
 */
@QuarkusTest
class DirectoryVersionTest {
    static final String SHELTER = "shelter-and-safe-housing";
    static final String REHABILITATION = "slices.find { it.slice == 'rehabilitation' }";
    static final String SHELTERS = REHABILITATION + ".categories.find { it.code == '" + SHELTER + "' }";

    @Inject
    EntityManager entityManager;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DirectoryVersion version;

    @Inject
    ServiceSearch search;

    @Test
    void aSecondIdenticalSearchSkipsTheCountAndThePageQuery() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code);
        DirectoryFixtures.service(organization, "medical-care", 5, 1, province.code);

        long first = statements(() -> search(province.code).then().statusCode(200));
        long again = fewestStatements(() -> search(province.code).then().statusCode(200));

        assertThat(again).as("statements of a repeated search (the first ran %d)", first).isLessThanOrEqualTo(first - 2);
        assertThat(again).as("a repeated search reads the region and the version only").isLessThanOrEqualTo(2);
    }

    @Test
    void aSecondCoverageOfTheSameRegionSkipsTheSupplyQuery() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code);

        long first = statements(() -> coverage(province.code));
        long again = fewestStatements(() -> coverage(province.code));

        assertThat(again).as("statements of a repeated coverage (the first ran %d)", first).isLessThanOrEqualTo(first - 2);
    }

    @Test
    void aSecondHsdsPageSkipsTheCountThePageQueryTheRegionsAndTheTaxonomy() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code);

        long first = statements(() -> hsdsServices(organization.id).then().statusCode(200));
        long again = fewestStatements(() -> hsdsServices(organization.id).then().statusCode(200));

        assertThat(again).as("statements of a repeated HSDS page (the first ran %d)", first).isLessThanOrEqualTo(first - 3);
        assertThat(again).as("a repeated HSDS page reads the version only").isLessThanOrEqualTo(1);
    }

    @Test
    void aServiceOfferedAppearsInTheNextSearchCoverageAndHsdsPage() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        String first = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code).id.toString();
        assertThat(search(province.code).jsonPath().getList("items.id", String.class)).containsExactly(first);
        assertThat(coverage(province.code).getLong(SHELTERS + ".totalCapacity")).isEqualTo(10);
        hsdsServices(organization.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(1));

        String second = given().auth().oauth2(Tokens.orgAdmin(organization.id)).contentType(ContentType.JSON)
                .body(shelter(province.code)).post("/api/directory/organizations/" + organization.id + "/services")
                .then().statusCode(201).extract().path("id");

        var page = search(province.code).then().statusCode(200);
        assertThat(page.extract().jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrder(first, second);
        assertThat(page.extract().header("X-Total-Count")).isEqualTo("2");
        JsonPath pie = coverage(province.code);
        assertThat(pie.getLong(SHELTERS + ".totalCapacity")).isEqualTo(20);
        assertThat(pie.getLong(SHELTERS + ".providers")).isEqualTo(1);
        hsdsServices(organization.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aSuspendedOrganizationVanishesAtOnceFromSearchCoverageAndHsds() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        String id = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code).id.toString();
        assertThat(search(province.code).jsonPath().getList("items.id", String.class)).containsExactly(id);
        assertThat(coverage(province.code).getLong(SHELTERS + ".providers")).isEqualTo(1);
        assertThat(anonymousCoverage(province.code).getLong(SHELTERS + ".providers")).isEqualTo(1);
        hsdsServices(organization.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(1));

        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED", "reason", "Reports of abuse under investigation"))
                .put("/api/directory/organizations/" + organization.id + "/verification").then().statusCode(200);

        search(province.code).then().statusCode(200).header("X-Total-Count", "0");
        assertThat(search(province.code).jsonPath().getList("items.id")).isEmpty();
        assertThat(coverage(province.code).getLong(SHELTERS + ".providers")).isZero();
        assertThat(coverage(province.code).getLong(SHELTERS + ".totalCapacity")).isZero();
        assertThat(anonymousCoverage(province.code).getLong(SHELTERS + ".providers")).isZero();
        hsdsServices(organization.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(0));
        given().get("/api/directory/hsds/services/" + id).then().statusCode(404);
    }

    @Test
    void aChangeWrittenOutsideTheApplicationIsSeenByTheNextRead() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        Service service = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code);
        assertThat(search(province.code).jsonPath().getList("items.id", String.class)).containsExactly(service.id.toString());
        assertThat(coverage(province.code).getLong(SHELTERS + ".totalCapacity")).isEqualTo(10);

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE service SET capacity_maximum = 25 WHERE id = :id").setParameter("id", service.id)
                .executeUpdate());
        assertThat(coverage(province.code).getLong(SHELTERS + ".totalCapacity")).isEqualTo(25);

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM service_region WHERE service_id = :id").setParameter("id", service.id)
                .executeUpdate());
        assertThat(search(province.code).jsonPath().getList("items.id")).isEmpty();
        assertThat(coverage(province.code).getLong(SHELTERS + ".providers")).isZero();
    }

    @Test
    void aPageComputedAfterASuspensionCommittedIsNotServedForLaterVersions() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        String id = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code).id.toString();
        ServiceQuery query = ServiceQuery.of(null, null, null, null, null, false, null);

        // The reader reads the version, computes and keeps the page, and only then the suspension commits.
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<DirectoryVersion.Stamp> before = version.read();
            Region region = Region.findById(province.code);
            assertThat(search.search(query, region, 0, 10, before).services()).hasSize(1);
            suspend(organization.id);
        });
        assertThat(search(province.code, 10).jsonPath().getList("items.id")).isEmpty();

        // The reader reads the version, the reinstatement commits, then the reader computes (with the newer data) and
        // keeps the page under the older version.
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<DirectoryVersion.Stamp> before = version.read();
            reinstate(organization.id);
            Region region = Region.findById(province.code);
            assertThat(search.search(query, region, 0, 5, before).services()).hasSize(1);
        });
        assertThat(search(province.code, 5).jsonPath().getList("items.id", String.class)).containsExactly(id);
        suspend(organization.id);
        assertThat(search(province.code, 5).jsonPath().getList("items.id")).isEmpty();
    }

    @Test
    void aTransactionThatChangedTheDirectoryKeepsNothingForOthers() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        String id = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code).id.toString();

        QuarkusTransaction.begin();
        try {
            assertThat(version.read()).isPresent();
            entityManager.createNativeQuery("UPDATE organization SET status = 'SUSPENDED' WHERE id = :id")
                    .setParameter("id", organization.id).executeUpdate();
            assertThat(version.read()).as("the version a transaction reads after changing the directory itself").isEmpty();
            Region region = Region.findById(province.code);
            assertThat(search.search(ServiceQuery.of(null, null, null, null, null, false, null), region, 0, 20).services())
                    .isEmpty();
        } finally {
            QuarkusTransaction.rollback();
        }

        assertThat(search(province.code).jsonPath().getList("items.id", String.class)).containsExactly(id);
    }

    @Test
    void aCapacityReportMovesTheVersionButNotTheMembershipAndAnythingElseMovesBoth() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        Service service = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code);
        DirectoryVersion.Stamp before = stamp();

        reportAvailable(organization.id, service.id, 2);
        DirectoryVersion.Stamp afterReport = stamp();
        assertThat(afterReport.counter()).isEqualTo(before.counter() + 1);
        assertThat(afterReport.membership()).as("membership after a capacity report").isEqualTo(before.membership());

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE service SET capacity_maximum = 12, age_min = 18 WHERE id = :id")
                .setParameter("id", service.id).executeUpdate());
        DirectoryVersion.Stamp afterEligibility = stamp();
        assertThat(afterEligibility.counter()).isEqualTo(afterReport.counter() + 1);
        assertThat(afterEligibility.membership()).as("membership after an age limit, with capacity in the same statement")
                .isEqualTo(afterReport.membership() + 1);

        DirectoryFixtures.service(organization, "medical-care", 5, 1, province.code);
        assertThat(stamp().membership()).as("membership after a service is offered").isGreaterThan(afterEligibility.membership());
    }

    @Test
    void aSearchAfterACapacityReportCountsNothingAgainAndShowsTheReport() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        Service shelter = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code);
        DirectoryFixtures.service(organization, "medical-care", 5, 1, province.code);
        long first = statements(() -> search(province.code).then().statusCode(200));

        reportAvailable(organization.id, shelter.id, 7);

        long again = statements(() -> search(province.code).then().statusCode(200)
                .body("items.find { it.id == '" + shelter.id + "' }.capacity.available", org.hamcrest.Matchers.equalTo(7)));
        assertThat(again).as("statements of the search after a capacity report (the first ran %d): no count, no page query, "
                + "one to ask whether the report touched the page", first).isLessThanOrEqualTo(first - 1);
    }

    @Test
    void aCapacityReportComputesAgainOnlyThePagesThatShowTheService() {
        Region reported = DirectoryFixtures.province(1);
        Region other = DirectoryFixtures.province(1);
        Organization reporting = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, reported.code);
        Organization elsewhere = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, other.code);
        Service shelter = DirectoryFixtures.service(reporting, SHELTER, 10, 3, reported.code);
        DirectoryFixtures.service(elsewhere, SHELTER, 8, 2, other.code);
        search(reported.code).then().statusCode(200);
        long kept = fewestStatements(() -> search(other.code).then().statusCode(200));

        reportAvailable(reporting.id, shelter.id, 9);

        long untouched = statements(() -> search(other.code).then().statusCode(200));
        assertThat(untouched).as("statements of a page the report did not touch (a kept page ran %d)", kept)
                .isLessThanOrEqualTo(kept + 1);
        long touched = statements(() -> search(reported.code).then().statusCode(200)
                .body("items[0].capacity.available", org.hamcrest.Matchers.equalTo(9)));
        assertThat(touched).as("statements of the page that shows the reported service").isGreaterThan(untouched);
        assertThat(statements(() -> search(other.code).then().statusCode(200))).as("the untouched page, asked again")
                .isLessThanOrEqualTo(kept);

        // The same through SQL, as a migration or an operator would write it.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE service SET capacity_available = 1 WHERE id = :id").setParameter("id", shelter.id)
                .executeUpdate());
        search(reported.code).then().statusCode(200).body("items[0].capacity.available", org.hamcrest.Matchers.equalTo(1));
        hsdsServices(reporting.id).then().statusCode(200);
    }

    @Test
    void aSuspensionAfterPagesWereKeptAcrossCapacityReportsEmptiesThemAtOnce() {
        Region province = DirectoryFixtures.province(1);
        Organization suspended = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        Organization other = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        Service shelter = DirectoryFixtures.service(suspended, SHELTER, 10, 3, province.code);
        Service clinic = DirectoryFixtures.service(other, "medical-care", 5, 1, province.code);
        assertThat(search(province.code).jsonPath().getList("items.id", String.class)).hasSize(2);
        hsdsServices(suspended.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(1));
        // Another organization's report: the kept pages showing the shelter are carried to the new version untouched.
        reportAvailable(other.id, clinic.id, 4);
        hsdsServices(suspended.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(1));

        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED", "reason", "Reports of abuse under investigation"))
                .put("/api/directory/organizations/" + suspended.id + "/verification").then().statusCode(200);

        assertThat(search(province.code).jsonPath().getList("items.id", String.class)).containsExactly(clinic.id.toString());
        hsdsServices(suspended.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(0));
        assertThat(anonymousCoverage(province.code).getLong(SHELTERS + ".providers")).isZero();
        // The suspended organization's staff can no longer report capacity, so nothing of theirs is carried forward.
        given().auth().oauth2(Tokens.caseworker(suspended.id)).contentType(ContentType.JSON)
                .body(Map.of("available", 5, "status", "CAPACITY"))
                .put("/api/directory/services/" + shelter.id + "/availability").then().statusCode(403);
        assertThat(search(province.code).jsonPath().getList("items.id", String.class)).containsExactly(clinic.id.toString());
    }

    @Test
    void aSearchForAvailableServicesSeesACapacityReportAtOnce() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        Service shelter = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code);
        assertThat(availableIn(province.code)).containsExactly(shelter.id.toString());

        given().auth().oauth2(Tokens.caseworker(organization.id)).contentType(ContentType.JSON)
                .body(Map.of("available", 0, "status", "NO_CAPACITY"))
                .put("/api/directory/services/" + shelter.id + "/availability").then().statusCode(200);
        assertThat(availableIn(province.code)).isEmpty();

        reportAvailable(organization.id, shelter.id, 1);
        assertThat(availableIn(province.code)).containsExactly(shelter.id.toString());
    }

    @Test
    void aPartnerPullingChangesSinceATimeSeesACapacityReportAtOnce() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.VERIFIED, province.code);
        Service shelter = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code);
        String since = java.time.Instant.now().plusSeconds(1).toString();
        for (int pull = 0; pull < 2; pull++) {
            changedSince(organization.id, since).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(0));
        }

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE service SET capacity_available = 2, updated_at = :at WHERE id = :id")
                .setParameter("at", java.sql.Timestamp.from(java.time.Instant.parse(since).plusSeconds(1)))
                .setParameter("id", shelter.id).executeUpdate());

        changedSince(organization.id, since).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(1))
                .body("contents[0].id", org.hamcrest.Matchers.equalTo(shelter.id.toString()));
    }

    @Test
    void aPendingOrganizationsServicesAreNeverKeptForTheSearchAndAppearOnceItIsVerified() {
        Region province = DirectoryFixtures.province(1);
        Organization organization = DirectoryFixtures.organization(OrganizationStatus.PENDING, province.code);
        String id = DirectoryFixtures.service(organization, SHELTER, 10, 3, province.code).id.toString();
        for (int read = 0; read < 2; read++) {
            search(province.code).then().statusCode(200).header("X-Total-Count", "0");
            assertThat(coverage(province.code).getLong(SHELTERS + ".providers")).isZero();
            hsdsServices(organization.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(0));
        }

        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "reason", "Checked by the coalition"))
                .put("/api/directory/organizations/" + organization.id + "/verification").then().statusCode(200);

        assertThat(search(province.code).jsonPath().getList("items.id", String.class)).containsExactly(id);
        assertThat(coverage(province.code).getLong(SHELTERS + ".providers")).isEqualTo(1);
        hsdsServices(organization.id).then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void everyTableTheReadsDependOnMovesTheVersionOnOncePerTransaction() {
        for (String table : List.of("taxonomy_term", "region", "organization", "organization_language", "organization_region",
                "service", "service_region", "service_language", "service_gender", "service_nationality",
                "service_exploitation_form", "service_location")) {
            long before = counter();
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("DELETE FROM " + table + " WHERE false").executeUpdate();
                entityManager.createNativeQuery("UPDATE " + table + " SET " + firstColumn(table) + " = "
                        + firstColumn(table) + " WHERE false").executeUpdate();
            });
            assertThat(counter()).as("the version after a change to %s", table).isEqualTo(before + 1);
        }
    }

    @Test
    void everyOtherTableMovesTheMembershipOnOncePerTransaction() {
        for (String table : List.of("taxonomy_term", "region", "organization_language", "organization_region",
                "service_region", "service_language", "service_gender", "service_nationality", "service_exploitation_form",
                "service_location")) {
            long before = stamp().membership();
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("DELETE FROM " + table + " WHERE false").executeUpdate();
                entityManager.createNativeQuery("UPDATE " + table + " SET " + firstColumn(table) + " = "
                        + firstColumn(table) + " WHERE false").executeUpdate();
            });
            assertThat(stamp().membership()).as("the membership after a change to %s", table).isEqualTo(before + 1);
        }
    }

    private String firstColumn(String table) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                SELECT column_name FROM information_schema.columns WHERE table_name = :table ORDER BY ordinal_position LIMIT 1""")
                .setParameter("table", table).getSingleResult());
    }

    private long counter() {
        return stamp().counter();
    }

    private DirectoryVersion.Stamp stamp() {
        return QuarkusTransaction.requiringNew().call(() -> version.read().orElseThrow());
    }

    private static void reportAvailable(UUID organization, UUID service, int available) {
        given().auth().oauth2(Tokens.caseworker(organization)).contentType(ContentType.JSON)
                .body(Map.of("available", available, "status", "CAPACITY"))
                .put("/api/directory/services/" + service + "/availability").then().statusCode(200);
    }

    private static List<String> availableIn(String region) {
        return given().queryParam("region", region).queryParam("available", true).get("/api/directory/services")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private void suspend(UUID organization) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE organization SET status = 'SUSPENDED' WHERE id = :id").setParameter("id", organization)
                .executeUpdate());
    }

    private void reinstate(UUID organization) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE organization SET status = 'VERIFIED' WHERE id = :id").setParameter("id", organization)
                .executeUpdate());
    }

    private static io.restassured.response.Response search(String region) {
        return given().queryParam("region", region).get("/api/directory/services");
    }

    private static io.restassured.response.Response search(String region, int size) {
        return given().queryParam("region", region).queryParam("size", size).get("/api/directory/services");
    }

    private static JsonPath coverage(String region) {
        return given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", region).get("/api/directory/coverage")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath anonymousCoverage(String region) {
        return given().queryParam("region", region).get("/api/directory/coverage").then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.Response changedSince(UUID organization, String since) {
        return given().queryParam("organization_id", organization).queryParam("modified_after", since)
                .get("/api/directory/hsds/services");
    }

    private static io.restassured.response.Response hsdsServices(UUID organization) {
        return given().queryParam("organization_id", organization).get("/api/directory/hsds/services");
    }

    private static Map<String, Object> shelter(String region) {
        Map<String, Object> service = new HashMap<>();
        service.put("name", "Second safe house");
        service.put("category", SHELTER);
        service.put("regions", List.of(region));
        service.put("frontGateContact", "Call the front desk");
        service.put("capacity", Map.of("unit", "beds", "maximum", 10, "available", 3, "status", "CAPACITY"));
        return service;
    }

    /** JDBC statements Hibernate prepared while the request ran. */
    private long statements(Runnable request) {
        long before = sessionFactory.getStatistics().getPrepareStatementCount();
        request.run();
        return sessionFactory.getStatistics().getPrepareStatementCount() - before;
    }

    /** The fewest of three runs: a background job (the outbox relay) may prepare statements during one. */
    private long fewestStatements(Runnable request) {
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            fewest = Math.min(fewest, statements(request));
        }
        return fewest;
    }
}
