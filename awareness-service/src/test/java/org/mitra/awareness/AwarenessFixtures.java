package org.mitra.awareness;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.mitra.awareness.directory.DirectoryOrganization;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.Tokens;

/** Test data: members written straight into the read model, campaigns made through the API. */
public final class AwarenessFixtures {
    public static final String PROBLEM = "application/problem+json";

    private AwarenessFixtures() {
    }

    /** A member organization as if the directory had published it with this status. */
    public static UUID member(OrganizationStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DirectoryOrganization organization = new DirectoryOrganization();
            organization.id = UUID.randomUUID();
            organization.name = "Member " + organization.id.toString().substring(0, 8);
            organization.status = status;
            organization.changedAt = Instant.now();
            organization.persist();
            return organization.id;
        });
    }

    public static UUID verifiedMember() {
        return member(OrganizationStatus.VERIFIED);
    }

    /** A fresh region code of its own, so a test's filters see only its own campaigns. */
    public static String region() {
        return "9" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "1";
    }

    public static String slug() {
        return "campaign-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> content(String title) {
        return Map.of("title", title, "summary", "Summary of " + title,
                "keyMessages", List.of("Children are not tourist attractions"), "callToAction", "Make a pledge");
    }

    /** A valid campaign request body; tests change what they need. */
    public static Map<String, Object> campaign(String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug());
        body.put("categoryCode", "tourism-and-business-engagement");
        body.put("content", Map.of("en", content("Child-safe tourism"), "id", content("Pariwisata ramah anak")));
        body.put("audiences", List.of("tourists", "tourism-businesses"));
        body.put("regions", new ArrayList<>(List.of(region)));
        body.put("startDate", LocalDate.now().toString());
        body.put("endDate", LocalDate.now().plusMonths(6).toString());
        body.put("goals", Map.of("pledges", 10, "businessPledges", 4, "attendance", 20));
        body.put("pledgeOptions", List.of(
                Map.of("code", "report-suspicions", "labels", Map.of("en", "I will report suspicions", "id", "Saya akan melapor")),
                Map.of("code", "child-safe-code", "labels", Map.of("en", "We follow the child-protection code",
                        "id", "Kami mengikuti kode perlindungan anak"))));
        return body;
    }

    /** Drafts a campaign as the owner's org-admin; returns its id. */
    public static UUID draft(UUID owner, Map<String, Object> body) {
        return UUID.fromString(given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(body)
                .post("/api/awareness/campaigns").then().statusCode(201).extract().path("id"));
    }

    public static void transition(UUID owner, UUID campaign, String action) {
        given().auth().oauth2(Tokens.orgAdmin(owner)).contentType(ContentType.JSON).body(Map.of("action", action))
                .post("/api/awareness/campaigns/" + campaign + "/transitions").then().statusCode(200);
    }

    /** An ACTIVE campaign of a fresh verified member in a fresh region. */
    public static Launched launched() {
        UUID owner = verifiedMember();
        UUID campaign = draft(owner, campaign(region()));
        transition(owner, campaign, "LAUNCH");
        return new Launched(owner, campaign);
    }

    public record Launched(UUID owner, UUID campaign) {
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
