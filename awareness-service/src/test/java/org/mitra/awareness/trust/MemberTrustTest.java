package org.mitra.awareness.trust;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mitra.awareness.AwarenessFixtures.await;
import static org.mitra.awareness.AwarenessFixtures.campaign;
import static org.mitra.awareness.AwarenessFixtures.draft;
import static org.mitra.awareness.AwarenessFixtures.region;
import static org.mitra.awareness.AwarenessFixtures.transition;
import static org.mitra.awareness.AwarenessFixtures.verifiedMember;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mitra.awareness.directory.DirectoryOrganization;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

/**
 * Issue 12 items 4 and 6 (awareness): staff means a staff role and the org claim together; only a verified
 * organization's staff run campaigns and see the contacts people left; a co-sponsor sees contacts only once its
 * admin accepted, and only those collected after.
 */
@QuarkusTest
class MemberTrustTest {
    static final String CAMPAIGNS = "/api/awareness/campaigns";
    static final String NOT_VERIFIED = "/problems/organization-not-verified";

    static String client() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    static String email() {
        return "pledger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static Map<String, Object> activity() {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return Map.of("kind", "TALK", "title", "A talk", "startsAt", start.toString(),
                "endsAt", start.plus(1, ChronoUnit.HOURS).toString(), "place", "Community hall", "language", "en");
    }

    static UUID addActivity(UUID owner, UUID campaign) {
        return UUID.fromString(given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(activity())
                .post(CAMPAIGNS + "/" + campaign + "/activities").then().statusCode(201).extract().path("id"));
    }

    static void pledge(UUID campaign, String email) {
        given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("kind", "PERSON", "commitment", "report-suspicions", "country", "AU", "contactConsent", true,
                        "email", email))
                .post(CAMPAIGNS + "/" + campaign + "/pledges").then().statusCode(201);
    }

    static void register(UUID campaign, UUID activity, String name) {
        given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "contact", name.toLowerCase() + "@example.org"))
                .post(CAMPAIGNS + "/" + campaign + "/activities/" + activity + "/registrations").then().statusCode(201);
    }

    static void setStatus(UUID organization, OrganizationStatus status) {
        QuarkusTransaction.requiringNew().run(() -> DirectoryOrganization.<DirectoryOrganization>findById(organization).status = status);
    }

    static String accept(UUID campaign) {
        return CAMPAIGNS + "/" + campaign + "/co-sponsorship";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The sweep: every operation of the service, as the staff of a suspended or pending organization

    /** One operation of the API as its OpenAPI document names it, and how to call it. */
    record Operation(String method, String template, boolean publicRead, Function<RequestSpecification, Response> call) {
    }

    /** A suspended (or pending) member with an active and a draft campaign, an activity, a pledge and a registration. */
    record World(UUID owner, UUID active, UUID draft, UUID activity, UUID invitedTo, String campaignTag, String activityTag) {
    }

    static World world() {
        UUID owner = verifiedMember();
        UUID active = draft(owner, campaign(region()));
        transition(owner, active, "LAUNCH");
        UUID draft = draft(owner, campaign(region()));
        UUID activity = addActivity(owner, active);
        pledge(active, email());
        register(active, activity, "Wayan");
        UUID inviter = verifiedMember();
        Map<String, Object> invitation = campaign(region());
        invitation.put("coSponsors", List.of(owner.toString()));
        UUID invitedTo = draft(inviter, invitation);
        transition(inviter, invitedTo, "LAUNCH");
        String campaignTag = given().get(CAMPAIGNS + "/" + active).then().statusCode(200).extract().header("ETag");
        String activityTag = given().get(CAMPAIGNS + "/" + active + "/activities/" + activity).then().statusCode(200)
                .extract().header("ETag");
        return new World(owner, active, draft, activity, invitedTo, campaignTag, activityTag);
    }

    static List<Operation> operations(World world) {
        String active = CAMPAIGNS + "/" + world.active();
        String activity = active + "/activities/" + world.activity();
        Map<String, Object> edited = campaign(region());
        List<Operation> operations = new ArrayList<>();
        operations.add(new Operation("GET", "/api/awareness/campaigns", true, request -> request.get(CAMPAIGNS)));
        operations.add(new Operation("POST", "/api/awareness/campaigns", false,
                request -> request.contentType(ContentType.JSON).body(campaign(region())).post(CAMPAIGNS)));
        operations.add(new Operation("GET", "/api/awareness/campaigns/{id}", true, request -> request.get(active)));
        operations.add(new Operation("GET", "/api/awareness/campaigns/{id}", false,
                request -> request.get(CAMPAIGNS + "/" + world.draft())));
        operations.add(new Operation("PUT", "/api/awareness/campaigns/{id}", false,
                request -> request.contentType(ContentType.JSON).header("If-Match", world.campaignTag()).body(edited).put(active)));
        operations.add(new Operation("POST", "/api/awareness/campaigns/{id}/transitions", false,
                request -> request.contentType(ContentType.JSON).body(Map.of("action", "END")).post(active + "/transitions")));
        operations.add(new Operation("POST", "/api/awareness/campaigns/{id}/transitions", false,
                request -> request.contentType(ContentType.JSON).body(Map.of("action", "LAUNCH"))
                        .post(CAMPAIGNS + "/" + world.draft() + "/transitions")));
        operations.add(new Operation("POST", "/api/awareness/campaigns/{id}/co-sponsorship", false,
                request -> request.post(accept(world.invitedTo()))));
        operations.add(new Operation("GET", "/api/awareness/campaigns/{campaignId}/activities", true,
                request -> request.get(active + "/activities")));
        operations.add(new Operation("POST", "/api/awareness/campaigns/{campaignId}/activities", false,
                request -> request.contentType(ContentType.JSON).body(activity()).post(active + "/activities")));
        operations.add(new Operation("GET", "/api/awareness/campaigns/{campaignId}/activities/{activityId}", true,
                request -> request.get(activity)));
        operations.add(new Operation("PUT", "/api/awareness/campaigns/{campaignId}/activities/{activityId}", false,
                request -> request.contentType(ContentType.JSON).header("If-Match", world.activityTag()).body(activity()).put(activity)));
        operations.add(new Operation("GET", "/api/awareness/campaigns/{campaignId}/activities/{activityId}/registrations", false,
                request -> request.get(activity + "/registrations")));
        operations.add(new Operation("GET", "/api/awareness/campaigns/{campaignId}/pledges", false,
                request -> request.get(active + "/pledges")));
        operations.add(new Operation("GET", "/api/awareness/campaigns/{campaignId}/reach", true,
                request -> request.get(active + "/reach")));
        operations.add(new Operation("GET", "/api/awareness/feeds", true, request -> request.get("/api/awareness/feeds")));
        operations.add(new Operation("GET", "/api/awareness/feeds/reach", false, request -> request.get("/api/awareness/feeds/reach")));
        operations.add(new Operation("GET", "/api/awareness/feeds/reach/{period}", false,
                request -> request.get("/api/awareness/feeds/reach/2026-01")));
        operations.add(new Operation("GET", "/api/awareness/feeds/reach/{period}.csv", false,
                request -> request.get("/api/awareness/feeds/reach/2026-01.csv")));
        return operations;
    }

    /**
     * Operations open to anyone without an account whose outcome a token changes in nothing (a pledge, a
     * registration, and what their makers do with the secret token of their receipt): not staff actions.
     */
    static final Set<String> PUBLIC_WRITES = Set.of(
            "POST /api/awareness/campaigns/{campaignId}/pledges",
            "PUT /api/awareness/campaigns/{campaignId}/pledges/{pledgeId}/checklist",
            "POST /api/awareness/campaigns/{campaignId}/pledges/{pledgeId}/unsubscribe",
            "GET /api/awareness/campaigns/{campaignId}/pledges/{pledgeId}/unsubscribe",
            "DELETE /api/awareness/campaigns/{campaignId}/pledges/{pledgeId}",
            "POST /api/awareness/campaigns/{campaignId}/activities/{activityId}/registrations",
            "DELETE /api/awareness/campaigns/{campaignId}/activities/{activityId}/registrations/{registrationId}");

    @Test
    void theSweepCoversEveryOperationOfTheService() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").asString()).get("paths");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }
        World world = new World(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "\"x\"", "\"x\"");
        Set<String> swept = new TreeSet<>(PUBLIC_WRITES);
        operations(world).forEach(operation -> swept.add(operation.method() + " " + operation.template()));
        assertThat(swept).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void aSuspendedOrPendingOrganizationsStaffGetNothingButPublicReads() {
        for (OrganizationStatus status : List.of(OrganizationStatus.SUSPENDED, OrganizationStatus.PENDING)) {
            World world = world();
            setStatus(world.owner(), status);
            for (String token : List.of(Tokens.orgAdmin(world.owner()), Tokens.caseworker(world.owner()),
                    Tokens.partnerApp(world.owner()))) {
                for (Operation operation : operations(world)) {
                    Response response = operation.call().apply(given().auth().oauth2(token));
                    String what = status + " " + operation.method() + " " + operation.template() + " (" + response.statusCode() + ")";
                    if (operation.publicRead()) {
                        assertThat(response.statusCode()).as(what).isEqualTo(200);
                        assertThat(response.asString()).as(what).doesNotContain(world.draft().toString()).doesNotContain("@example.org");
                    } else {
                        assertThat(response.statusCode()).as(what).isIn(401, 403, 404);
                    }
                }
                // The operations on what the organization runs say why.
                given().auth().oauth2(token).get(CAMPAIGNS + "/" + world.active() + "/pledges").then().statusCode(403)
                        .body("type", equalTo(NOT_VERIFIED)).body("organizationStatus", equalTo(status.name()));
                given().auth().oauth2(token).get(CAMPAIGNS + "/" + world.active() + "/activities/" + world.activity()
                        + "/registrations").then().statusCode(403).body("type", equalTo(NOT_VERIFIED));
            }
            given().auth().oauth2(Tokens.orgAdmin(world.owner())).contentType(ContentType.JSON).body(campaign(region()))
                    .post(CAMPAIGNS).then().statusCode(403).body("type", equalTo(NOT_VERIFIED))
                    .body("organizationId", equalTo(world.owner().toString()));
            given().auth().oauth2(Tokens.orgAdmin(world.owner())).contentType(ContentType.JSON).body(Map.of("action", "END"))
                    .post(CAMPAIGNS + "/" + world.active() + "/transitions").then().statusCode(403).body("type", equalTo(NOT_VERIFIED));
            given().auth().oauth2(Tokens.orgAdmin(world.owner())).contentType(ContentType.JSON).body(activity())
                    .post(CAMPAIGNS + "/" + world.active() + "/activities").then().statusCode(403).body("type", equalTo(NOT_VERIFIED));

            // Verified again, the same tokens work again: nothing else was in the way.
            setStatus(world.owner(), OrganizationStatus.VERIFIED);
            given().auth().oauth2(Tokens.caseworker(world.owner())).get(CAMPAIGNS + "/" + world.active() + "/pledges")
                    .then().statusCode(200).body("items.email", not(everyItem(nullValue())));
        }
    }

    @Test
    void aSuspensionPublishedByTheDirectoryStopsTheStaffWithinSeconds() {
        World world = world();
        String pledges = CAMPAIGNS + "/" + world.active() + "/pledges";
        given().auth().oauth2(Tokens.caseworker(world.owner())).get(pledges).then().statusCode(200);
        KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY, new OrganizationChanged(world.owner(),
                "org-" + world.owner().toString().substring(0, 8), "Suspended member", OrganizationStatus.SUSPENDED, false,
                List.of("51"), List.of("en", "id"), List.of(), Instant.now())));
        long start = System.nanoTime();
        await("the suspension to reach the staff", () ->
                given().auth().oauth2(Tokens.caseworker(world.owner())).get(pledges).statusCode() == 403);
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds until refused").isLessThan(10_000);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Staff is a role and the org claim together

    @Test
    void anOrgClaimWithoutAStaffRoleReadsNoContacts() {
        UUID owner = verifiedMember();
        UUID campaign = draft(owner, campaign(region()));
        transition(owner, campaign, "LAUNCH");
        UUID activity = addActivity(owner, campaign);
        pledge(campaign, email());
        register(campaign, activity, "Ketut");
        for (String token : List.of(Tokens.as("gov-liaison").org(owner).sign(), Tokens.as("coalition-admin").org(owner).sign(),
                Tokens.as("offline_access").org(owner).sign())) {
            given().auth().oauth2(token).get(CAMPAIGNS + "/" + campaign + "/pledges").then().statusCode(200)
                    .body("items.email", everyItem(nullValue()));
            given().auth().oauth2(token).get(CAMPAIGNS + "/" + campaign + "/activities/" + activity + "/registrations")
                    .then().statusCode(403).body(not(org.hamcrest.Matchers.containsString("ketut@example.org")));
        }
        given().auth().oauth2(Tokens.as("gov-liaison").org(owner).sign()).contentType(ContentType.JSON).body(campaign(region()))
                .post(CAMPAIGNS).then().statusCode(403);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Co-sponsors

    @Test
    void aCoSponsorSeesContactsOnlyAfterAcceptingAndOnlyThoseCollectedAfter() {
        UUID owner = verifiedMember();
        UUID coSponsor = verifiedMember();
        Map<String, Object> body = campaign(region());
        body.put("coSponsors", List.of(coSponsor.toString()));
        UUID campaign = draft(owner, body);
        transition(owner, campaign, "LAUNCH");
        UUID activity = addActivity(owner, campaign);
        String pledges = CAMPAIGNS + "/" + campaign + "/pledges";
        String registrations = CAMPAIGNS + "/" + campaign + "/activities/" + activity + "/registrations";
        String before = email();
        pledge(campaign, before);
        register(campaign, activity, "Before");

        // Invited, not accepted: nothing.
        given().auth().oauth2(Tokens.caseworker(coSponsor)).get(pledges).then().statusCode(200)
                .body("items.email", everyItem(nullValue()));
        given().auth().oauth2(Tokens.caseworker(coSponsor)).get(registrations).then().statusCode(403);

        // Only the invited organization's admin accepts; a caseworker or another member cannot.
        given().auth().oauth2(Tokens.caseworker(coSponsor)).post(accept(campaign)).then().statusCode(403);
        given().auth().oauth2(Tokens.orgAdmin(verifiedMember())).post(accept(campaign)).then().statusCode(403);
        given().auth().oauth2(Tokens.orgAdmin(coSponsor)).post(accept(campaign)).then().statusCode(200)
                .body("acceptedCoSponsors", containsInAnyOrder(coSponsor.toString()));

        String after = email();
        pledge(campaign, after);
        register(campaign, activity, "After");

        for (String token : List.of(Tokens.caseworker(coSponsor), Tokens.orgAdmin(coSponsor))) {
            given().auth().oauth2(token).get(pledges).then().statusCode(200)
                    .body("items.email", containsInAnyOrder(after, null));
            given().auth().oauth2(token).get(registrations).then().statusCode(200)
                    .body("items.name", containsInAnyOrder("After"))
                    .body("totalItems", equalTo(1));
        }
        // The owner sees everyone.
        given().auth().oauth2(Tokens.caseworker(owner)).get(pledges).then().statusCode(200)
                .body("items.email", containsInAnyOrder(before, after));
        given().auth().oauth2(Tokens.caseworker(owner)).get(registrations).then().statusCode(200)
                .body("items.name", containsInAnyOrder("Before", "After"));

        // Accepting again keeps the first acceptance (and so what the co-sponsor sees).
        given().auth().oauth2(Tokens.orgAdmin(coSponsor)).post(accept(campaign)).then().statusCode(200);
        given().auth().oauth2(Tokens.caseworker(coSponsor)).get(registrations).then().statusCode(200).body("totalItems", equalTo(1));

        // Taken off the campaign by the owner, the co-sponsor sees nothing again, even when invited anew.
        Response current = given().get(CAMPAIGNS + "/" + campaign);
        Map<String, Object> edit = new HashMap<>(body);
        edit.put("coSponsors", List.of());
        given().auth().oauth2(Tokens.orgAdmin(owner)).header("If-Match", current.header("ETag")).contentType(ContentType.JSON)
                .body(edit).put(CAMPAIGNS + "/" + campaign).then().statusCode(200);
        given().auth().oauth2(Tokens.caseworker(coSponsor)).get(registrations).then().statusCode(403);
        current = given().get(CAMPAIGNS + "/" + campaign);
        edit.put("coSponsors", List.of(coSponsor.toString()));
        given().auth().oauth2(Tokens.orgAdmin(owner)).header("If-Match", current.header("ETag")).contentType(ContentType.JSON)
                .body(edit).put(CAMPAIGNS + "/" + campaign).then().statusCode(200)
                .body("acceptedCoSponsors", org.hamcrest.Matchers.empty());
        given().auth().oauth2(Tokens.caseworker(coSponsor)).get(pledges).then().statusCode(200)
                .body("items.email", everyItem(nullValue()));

        // A suspended co-sponsor's staff see nothing, and are told why.
        given().auth().oauth2(Tokens.orgAdmin(coSponsor)).post(accept(campaign)).then().statusCode(200);
        setStatus(coSponsor, OrganizationStatus.SUSPENDED);
        given().auth().oauth2(Tokens.caseworker(coSponsor)).get(registrations).then().statusCode(403)
                .body("type", equalTo(NOT_VERIFIED));
        given().auth().oauth2(Tokens.caseworker(coSponsor)).get(pledges).then().statusCode(403)
                .body("type", equalTo(NOT_VERIFIED));
    }

    @Test
    void onlyAnInvitedOrganizationMayAccept() {
        UUID owner = verifiedMember();
        UUID campaign = draft(owner, campaign(region()));
        given().auth().oauth2(Tokens.orgAdmin(verifiedMember())).post(accept(campaign)).then().statusCode(404);
        transition(owner, campaign, "LAUNCH");
        given().auth().oauth2(Tokens.orgAdmin(verifiedMember())).post(accept(campaign)).then().statusCode(403);
        given().auth().oauth2(Tokens.orgAdmin(owner)).post(accept(campaign)).then().statusCode(403);
        given().post(accept(campaign)).then().statusCode(401);
    }
}
