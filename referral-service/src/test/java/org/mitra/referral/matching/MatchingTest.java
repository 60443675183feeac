package org.mitra.referral.matching;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.publish;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.Tokens;

@QuarkusTest
class MatchingTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    @Test
    void availableCapacityComesFirstThenTheCloserRegionEachWithItsReasons() {
        String province = String.valueOf(ThreadLocalRandom.current().nextInt(60, 99));
        String regency = province + "71";
        UUID full = UUID.randomUUID();
        UUID parentWithRoom = UUID.randomUUID();
        UUID exactWithRoom = UUID.randomUUID();
        UUID suspended = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        publish(organizationChanged(full, OrganizationStatus.VERIFIED, false, List.of(regency), 0, SHELTER));
        publish(organizationChanged(parentWithRoom, OrganizationStatus.VERIFIED, false, List.of(province), 4, SHELTER));
        publish(organizationChanged(exactWithRoom, OrganizationStatus.VERIFIED, false, List.of(regency), 2, SHELTER));
        publish(organizationChanged(suspended, OrganizationStatus.SUSPENDED, false, List.of(regency), 9, SHELTER));
        publish(organizationChanged(elsewhere, OrganizationStatus.VERIFIED, false, List.of("5999"), 9, SHELTER));

        List<Map<String, Object>> matches = given().auth().oauth2(Tokens.caseworker(org.mitra.referral.ReferralFixtures.organization(false)))
                .queryParam("category", SHELTER).queryParam("region", regency).queryParam("age", 16)
                .queryParam("gender", "FEMALE").queryParam("language", "id")
                .get("/api/referrals/matches").then().statusCode(200).extract().path("$");
        assertThat(matches).extracting(match -> match.get("organizationId"))
                .containsExactly(exactWithRoom.toString(), parentWithRoom.toString(), full.toString());
        assertThat(matches).extracting(match -> match.get("rank")).containsExactly(1, 2, 3);
        assertThat((List<String>) matches.get(0).get("reasons")).contains("has capacity now: 2 places available",
                "serves region " + regency + " itself", "works in language id");
        assertThat((List<String>) matches.get(1).get("reasons")).contains("serves the parent region " + province + " of " + regency);
        assertThat((List<String>) matches.get(2).get("reasons")).contains("has no capacity now");
    }

    @Test
    void interventionMatchesOnlyOrganizationsThatWorkWithLawEnforcement() {
        String regency = ThreadLocalRandom.current().nextInt(60, 99) + "01";
        UUID police = UUID.randomUUID();
        UUID noPolice = UUID.randomUUID();
        publish(organizationChanged(police, OrganizationStatus.VERIFIED, true, List.of(regency), 1, "removal-from-danger"));
        publish(organizationChanged(noPolice, OrganizationStatus.VERIFIED, false, List.of(regency), 1, "removal-from-danger"));
        given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("category", "removal-from-danger").queryParam("region", regency)
                .get("/api/referrals/matches").then().statusCode(200)
                .body("organizationId", org.hamcrest.Matchers.contains(police.toString()))
                .body("[0].reasons", org.hamcrest.Matchers.hasItem("works with law enforcement"));
    }

    @Test
    void badSearchesAreRefusedPrecisely() {
        String token = Tokens.caseworker(org.mitra.referral.ReferralFixtures.organization(false));
        given().auth().oauth2(token).queryParam("region", "51").get("/api/referrals/matches").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("category"));
        given().auth().oauth2(token).queryParam("category", "nothing-like-it").queryParam("region", "51")
                .get("/api/referrals/matches").then().statusCode(400);
        given().auth().oauth2(token).queryParam("category", SHELTER).queryParam("region", "51").queryParam("age", 400)
                .get("/api/referrals/matches").then().statusCode(400);
        given().auth().oauth2(Tokens.govLiaison()).queryParam("category", SHELTER).queryParam("region", "51")
                .get("/api/referrals/matches").then().statusCode(403);
    }

    /** Issue 17, directory freshness: a stale or overdue entry ranks after a fresh one with room, and says why. */
    @Test
    void staleAndOverdueEntriesRankLowerAndSayWhy() {
        String regency = "ZM01";
        UUID fresh = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        UUID stale = UUID.randomUUID();
        UUID capacityDue = UUID.randomUUID();
        publish(confirmed(organizationChanged(stale, OrganizationStatus.VERIFIED, false, List.of(regency), 9, SHELTER),
                Instant.now().minus(400, ChronoUnit.DAYS), Instant.now()));
        publish(confirmed(organizationChanged(overdue, OrganizationStatus.VERIFIED, false, List.of(regency), 8, SHELTER),
                Instant.now().minus(200, ChronoUnit.DAYS), Instant.now()));
        publish(confirmed(organizationChanged(capacityDue, OrganizationStatus.VERIFIED, false, List.of(regency), 7, SHELTER),
                Instant.now().minus(10, ChronoUnit.DAYS), Instant.now().minus(10, ChronoUnit.DAYS)));
        publish(confirmed(organizationChanged(fresh, OrganizationStatus.VERIFIED, false, List.of(regency), 1, SHELTER),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now()));

        List<Map<String, Object>> matches = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("category", SHELTER)
                .queryParam("region", regency).get("/api/referrals/matches").then().statusCode(200).extract().path("$");
        assertThat(matches).extracting(match -> match.get("organizationId")).containsExactly(fresh.toString(),
                capacityDue.toString(), overdue.toString(), stale.toString());
        assertThat(matches).extracting(match -> match.get("freshness")).containsExactly("FRESH", "DUE", "OVERDUE", "STALE");
        assertThat((List<String>) matches.get(3).get("reasons")).anyMatch(reason -> reason.startsWith("ranked lower: its details "
                + "were last confirmed") && reason.endsWith("(stale)"));
        assertThat((List<String>) matches.get(1).get("reasons")).anyMatch(reason -> reason.contains("capacity was last updated"));
        assertThat((List<String>) matches.get(0).get("reasons")).noneMatch(reason -> reason.startsWith("ranked lower"));
    }

    /** The same organization with every service confirmed at this time and its capacity reported at that one. */
    private static OrganizationChanged confirmed(OrganizationChanged change, Instant confirmed, Instant capacityUpdated) {
        return new OrganizationChanged(change.id(), change.slug(), change.name(), change.status(), change.worksWithLawEnforcement(),
                change.regionCodes(), change.languages(), change.services().stream().map(service -> new OrganizationChanged.Service(
                        service.id(), service.name(), service.slice(), service.categoryCode(), service.regionCodes(),
                        new OrganizationChanged.Capacity(service.capacity().unit(), service.capacity().maximum(),
                                service.capacity().available(), service.capacity().status(), capacityUpdated),
                        service.ageMin(), service.ageMax(), service.genders(), service.languages(), confirmed)).toList(),
                change.occurredAt());
    }
}
