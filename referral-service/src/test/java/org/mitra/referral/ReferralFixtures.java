package org.mitra.referral;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mitra.events.Slice;
import org.mitra.events.directory.CapacityStatus;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.referral.directory.DirectoryReadModel;
import org.mitra.testkit.Tokens;

/** Test data: organizations straight into the directory read model, referrals through the API. */
public final class ReferralFixtures {
    /** A name that must never leave the identity vault. */
    public static final String SURVIVOR_NAME = "Kadek Sulastri Wayanputri";

    private ReferralFixtures() {
    }

    /** A verified organization in region 51 offering the categories, with capacity. */
    public static UUID organization(boolean worksWithLawEnforcement, String... categories) {
        return organization(OrganizationStatus.VERIFIED, worksWithLawEnforcement, categories);
    }

    public static UUID organization(OrganizationStatus status, boolean worksWithLawEnforcement, String... categories) {
        OrganizationChanged change = organizationChanged(UUID.randomUUID(), status, worksWithLawEnforcement, List.of("51"), 5,
                categories);
        publish(change);
        return change.id();
    }

    public static OrganizationChanged organizationChanged(UUID id, OrganizationStatus status, boolean worksWithLawEnforcement,
            List<String> regions, Integer available, String... categories) {
        List<OrganizationChanged.Service> services = new ArrayList<>();
        for (String category : categories) {
            services.add(new OrganizationChanged.Service(UUID.randomUUID(), category + " service", sliceOf(category), category,
                    regions, new OrganizationChanged.Capacity("places", 10, available,
                    available == null ? null : available > 0 ? CapacityStatus.CAPACITY : CapacityStatus.NO_CAPACITY, Instant.now())));
        }
        return new OrganizationChanged(id, "org-" + id.toString().substring(0, 8), "Organization " + id.toString().substring(0, 8),
                status, worksWithLawEnforcement, regions, List.of("id", "en"), services, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Applies an organization's state to the read model as the consumer would, without Kafka. */
    public static void publish(OrganizationChanged change) {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(DirectoryReadModel.class).get().apply(change));
    }

    public static Slice sliceOf(String category) {
        return switch (category) {
            case "intake-and-screening", "police-report-and-investigation", "removal-from-danger", "emergency-shelter",
                    "victim-status-decision", "prosecution-support", "repatriation-and-immigration" -> Slice.INTERVENTION;
            case "street-children-outreach", "safe-migration", "online-safety" -> Slice.PREVENTION;
            default -> Slice.REHABILITATION;
        };
    }

    /** A complete, valid request body (as a mutable map so tests can break one field). */
    public static Map<String, Object> request(UUID receiver, String category) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receivingOrganizationId", receiver.toString());
        body.put("categoryCode", category);
        body.put("regionCode", "5171");
        body.put("urgency", "HIGH");
        body.put("profile", new HashMap<>(Map.of("ageBand", "12-17", "gender", "FEMALE", "nationality", "ID",
                "languages", List.of("id", "ban"), "exploitationForms", List.of("SEXUAL_EXPLOITATION"),
                "needs", List.of("psychosocial-care"))));
        body.put("identity", new HashMap<>(Map.of("fullName", SURVIVOR_NAME, "dateOfBirth", "2010-03-14",
                "contact", "+62 812 5555 0101", "documents", List.of(Map.of("type", "passport", "number", "X1234567")))));
        body.put("consent", consent(receiver));
        body.put("note", "Prefers a female caseworker; " + SURVIVOR_NAME + " has a younger sibling.");
        if (sliceOf(category) == Slice.INTERVENTION) {
            body.put("lawEnforcementReference", Map.of("agency", "Polda Bali", "reportNumber", "LP/B/123/V/2026"));
        }
        body.put("submit", false);
        return body;
    }

    public static Map<String, Object> consent(UUID receiver) {
        return new HashMap<>(Map.of("consentedBy", "SUBJECT", "consentedAt", Instant.now().minusSeconds(3600).toString(),
                "shares", List.of("PROFILE", "IDENTITY", "NOTE"), "sharedWith", List.of(receiver.toString()), "mayContact", true));
    }

    public static ValidatableResponse create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/referrals").then();
    }

    /** Creates a referral from {@code sender} to {@code receiver} and returns its id. */
    public static UUID referral(UUID sender, UUID receiver, String category, boolean submit) {
        Map<String, Object> body = request(receiver, category);
        body.put("submit", submit);
        return UUID.fromString(create(Tokens.caseworker(sender), body).statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse transition(String token, UUID referral, String action, String reason, List<String> services) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reasonCode", reason);
        }
        if (services != null) {
            // Completing: each service delivered today (in the coalition's time zone), and the person got help.
            body.put("deliveries", services.stream().map(code -> Map.of("categoryCode", code,
                    "deliveredOn", LocalDate.now(ZoneId.of("Asia/Makassar")).toString())).toList());
            body.put("outcome", "GOT_HELP");
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/referrals/{id}/transitions", referral).then();
    }

    /** Moves a referral with the right side and reasons, failing the test if a step is refused. */
    public static void move(UUID sender, UUID receiver, UUID referral, String... actions) {
        for (String action : actions) {
            UUID side = action.equals("submit") || action.equals("mark-entered-in-error") ? sender : receiver;
            String reason = List.of("reject", "cancel", "hold", "fail").contains(action) ? "NO_CAPACITY" : null;
            List<String> services = action.equals("complete") ? List.of("shelter-and-safe-housing") : null;
            transition(Tokens.caseworker(side), referral, action, reason, services).statusCode(200);
        }
    }
}
