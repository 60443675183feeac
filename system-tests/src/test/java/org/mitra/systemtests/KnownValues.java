package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * Ids and codes that exist on the running platform (demo data and whatever a suite created), by kind, so that generated
 * requests hit real objects as well as missing ones. The kind is the collection name in the path: organizations,
 * services, referrals, campaigns, activities, pledges, regions, taxonomy.
 */
public final class KnownValues {
    private final Map<String, List<String>> byKind = new ConcurrentHashMap<>();

    public static KnownValues collect(SystemPlatform platform) {
        KnownValues known = new KnownValues();
        Http http = platform.http();
        String directory = platform.url(PlatformService.DIRECTORY);
        for (DemoOrganization organization : DemoOrganization.values()) {
            known.add("organizations", organization.id().toString());
        }
        items(http.get(directory + "/api/directory/organizations?size=100", Map.of())).forEach(item -> known.add("organizations", item.path("id").asText()));
        for (JsonNode service : items(http.get(directory + "/api/directory/services?size=100", Map.of()))) {
            known.add("services", service.path("id").asText());
            // What each organization offers, so that generated referrals can name a category their receiver offers.
            known.add("offers:" + service.path("organizationId").asText(), service.path("category").asText());
            known.add("receivers", service.path("organizationId").asText());
        }
        items(http.get(directory + "/api/directory/regions", Map.of())).forEach(item -> known.add("regions", item.path("code").asText()));
        codes(Json.read(http.get(directory + "/api/directory/taxonomy", Map.of()).body()), known);
        String awareness = platform.url(PlatformService.AWARENESS);
        for (JsonNode campaign : items(http.get(awareness + "/api/awareness/campaigns?size=100", Map.of()))) {
            String id = campaign.path("id").asText();
            known.add("campaigns", id);
            // The campaign's pledge options, so that generated pledges can name one of them.
            campaign.path("pledgeOptions").forEach(option -> known.add("options:" + id, option.path("code").asText()));
            items(http.get(awareness + "/api/awareness/campaigns/" + id + "/activities?size=100", Map.of()))
                    .forEach(activity -> known.add("activities", activity.path("id").asText()));
        }
        String referrals = platform.url(PlatformService.REFERRAL);
        for (DemoOrganization organization : DemoOrganization.values()) {
            String token = platform.tokens().user(organization.caseworker());
            for (String box : List.of("sent", "received")) {
                items(http.get(referrals + "/api/referrals?box=" + box + "&size=100", Map.of("Authorization", "Bearer " + token)))
                        .forEach(referral -> known.add("referrals", referral.path("id").asText()));
            }
        }
        for (String period : List.of("2026-Q1", "2025-Q4", "2026-03", "2025-12", "2026-Q3")) {
            known.add("periods", period);
        }
        return known;
    }

    private static void codes(JsonNode terms, KnownValues known) {
        for (JsonNode term : terms) {
            if (term.hasNonNull("code")) {
                known.add("taxonomy", term.get("code").asText());
            }
            codes(term.path("categories"), known);
            codes(term.path("children"), known);
        }
    }

    /** The items of a page ({@code {"items": [...]}}) or of a plain array. */
    static List<JsonNode> items(Http.Exchange response) {
        List<JsonNode> items = new ArrayList<>();
        if (response.status() != 200) {
            return items;
        }
        JsonNode body = Json.read(response.body());
        (body.isArray() ? body : body.path("items")).forEach(items::add);
        return items;
    }

    public void add(String kind, String value) {
        if (value != null && !value.isBlank()) {
            byKind.computeIfAbsent(kind, each -> java.util.Collections.synchronizedList(new ArrayList<>())).add(value);
        }
    }

    public List<String> all(String kind) {
        List<String> values = byKind.get(kind);
        if (values == null) {
            return List.of();
        }
        synchronized (values) {
            return List.copyOf(values);
        }
    }

    /** A known value of the kind, or empty when none is known. */
    public java.util.Optional<String> any(String kind, Random random) {
        List<String> values = all(kind);
        return values.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(values.get(random.nextInt(values.size())));
    }

    /** An id for a body member, guessed from its name: organization, service, campaign ids, else any known id. */
    UUID idFor(String member, Random random) {
        String name = member.toLowerCase();
        String kind = name.contains("organization") ? "organizations" : name.contains("service") ? "services"
                : name.contains("campaign") ? "campaigns" : name.contains("referral") ? "referrals" : null;
        if (kind != null && random.nextInt(10) < 8) {
            java.util.Optional<String> value = any(kind, random);
            if (value.isPresent()) {
                return UUID.fromString(value.get());
            }
        }
        return SchemaValues.randomId(random);
    }

    /**
     * A value for path parameter {@code {name}} of {@code path}: a known object of the collection it follows most of
     * the time, else a random id.
     */
    String pathValue(String path, String name, Random random) {
        return any(kindOf(path, name), random).orElseGet(() -> SchemaValues.randomId(random).toString());
    }

    /** The kind of object path parameter {@code {name}} names: the collection it follows (periods for {@code {period}}). */
    static String kindOf(String path, String name) {
        String[] segments = path.split("/");
        String collection = "";
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{" + name + "}")) {
                collection = segments[i - 1];
            }
        }
        return switch (collection) {
            case "organizations" -> "organizations";
            case "services", "service_at_locations" -> "services";
            case "referrals" -> "referrals";
            case "campaigns" -> "campaigns";
            case "activities" -> "activities";
            case "pledges" -> "pledges";
            case "registrations" -> "registrations";
            case "regions" -> "regions";
            case "taxonomy", "taxonomy_terms", "taxonomies" -> "taxonomy";
            default -> name.equals("period") ? "periods" : "";
        };
    }
}
