package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * Objects of one organization (the owner, darkbali) for the object-level authorization suite, by kind (the collection
 * name in the path): its organization and a service (demo data), a referral it sent to traffic-lights (created,
 * submitted with consent), one of its campaigns and an activity of it (demo data), a pledge and a registration on them
 * (created anonymously).
 */
final class OwnedObjects {
    static final DemoOrganization OWNER = DemoOrganization.DARKBALI;
    static final DemoOrganization RECEIVER = DemoOrganization.TRAFFIC_LIGHTS;

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> canonicalPaths = new LinkedHashMap<>();

    static OwnedObjects create(SystemPlatform platform) {
        OwnedObjects owned = new OwnedObjects();
        Http http = platform.http();
        owned.put("organizations", OWNER.id().toString(), "/api/directory/organizations/" + OWNER.id());
        String service = UUID.nameUUIDFromBytes((OWNER.slug() + ":coalition-and-research").getBytes(StandardCharsets.UTF_8)).toString();
        owned.put("services", service, "/api/directory/services/" + service);

        String caseworker = "Bearer " + platform.tokens().user(OWNER.caseworker());
        ObjectNode referral = Json.object().put("receivingOrganizationId", RECEIVER.id().toString())
                .put("categoryCode", "street-children-outreach").put("regionCode", "5171").put("urgency", "HIGH").put("submit", true)
                .put("note", "system-tests object-level authorization fixture");
        referral.putObject("profile").put("ageBand", "12-17").put("gender", "FEMALE");
        referral.putObject("identity").put("fullName", "System Test Person");
        ObjectNode consent = referral.putObject("consent").put("consentedBy", "SUBJECT")
                .put("consentedAt", Instant.now().minusSeconds(3600).toString()).put("mayContact", false);
        consent.putArray("shares").add("PROFILE").add("IDENTITY").add("NOTE");
        consent.putArray("sharedWith").add(RECEIVER.id().toString());
        Http.Exchange created = http.send("POST", platform.url(PlatformService.REFERRAL) + "/api/referrals",
                Map.of("Authorization", caseworker, "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()),
                Json.write(referral));
        if (created.status() / 100 != 2) {
            throw new IllegalStateException("Cannot create the referral fixture: " + created.describe());
        }
        String referralId = Json.read(created.body()).path("id").asText();
        owned.put("referrals", referralId, "/api/referrals/" + referralId);

        String awareness = platform.url(PlatformService.AWARENESS);
        JsonNode campaign = KnownValues.items(http.get(awareness + "/api/awareness/campaigns?size=100", Map.of())).stream()
                .filter(each -> each.path("organizationId").asText().equals(OWNER.id().toString())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo data has no campaign of " + OWNER.slug()));
        String campaignId = campaign.path("id").asText();
        owned.put("campaigns", campaignId, "/api/awareness/campaigns/" + campaignId);
        String commitment = campaign.path("pledgeOptions").path(0).path("code").asText("");
        ObjectNode pledge = Json.object().put("kind", "PERSON").put("commitment", commitment).put("country", "AU");
        Http.Exchange pledged = http.send("POST", awareness + "/api/awareness/campaigns/" + campaignId + "/pledges",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113.7", "Idempotency-Key", UUID.randomUUID().toString()),
                Json.write(pledge));
        owned.put("pledges", created(pledged, "pledge"), null);
        String admin = "Bearer " + platform.tokens().user(OWNER.admin());
        Instant start = Instant.now().plus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        ObjectNode activity = Json.object().put("kind", "TRAINING").put("title", "System tests training").put("startsAt", start.toString())
                .put("endsAt", start.plusSeconds(7200).toString()).put("place", "Community hall, Kuta").put("regionCode", "5103")
                .put("language", "en").put("capacity", 30);
        Http.Exchange planned = http.send("POST", awareness + "/api/awareness/campaigns/" + campaignId + "/activities",
                Map.of("Content-Type", "application/json", "Authorization", admin), Json.write(activity));
        String activityId = created(planned, "activity");
        owned.put("activities", activityId, "/api/awareness/campaigns/" + campaignId + "/activities/" + activityId);
        Http.Exchange registered = http.send("POST", awareness + "/api/awareness/campaigns/" + campaignId + "/activities/" + activityId
                + "/registrations", Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113.8"),
                Json.write(Json.object().put("name", "Made Example").put("contact", "made@example.org")));
        owned.put("registrations", created(registered, "registration"), null);
        return owned;
    }

    /** The id of the object the answer reports as created. */
    private static String created(Http.Exchange response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("Cannot create the " + what + " fixture: " + response.describe());
        }
        JsonNode receipt = Json.read(response.body());
        for (String field : List.of("id", "pledgeId", "registrationId")) {
            if (receipt.hasNonNull(field)) {
                return receipt.get(field).asText();
            }
        }
        throw new IllegalStateException("No id in the " + what + " receipt: " + response.body());
    }

    private void put(String kind, String id, String canonicalPath) {
        ids.put(kind, id);
        if (canonicalPath != null) {
            canonicalPaths.put(kind, canonicalPath);
        }
    }

    Optional<String> id(String kind) {
        return Optional.ofNullable(ids.get(kind));
    }

    Map<String, String> ids() {
        return Map.copyOf(ids);
    }

    /** Where the owner reads the object (and its ETag), when it has such a path. */
    Optional<String> canonicalPath(String kind) {
        return Optional.ofNullable(canonicalPaths.get(kind));
    }
}
