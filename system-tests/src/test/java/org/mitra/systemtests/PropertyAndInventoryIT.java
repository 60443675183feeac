package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * OWASP API Security Top 10 (2023), the parts after SecurityIT (issue 8): API3 property level (mass assignment and
 * fields a caller may not see), API4 resource consumption (page size, page depth, body size, string length), API9
 * inventory (the documents match the real routes, nothing undocumented answers, no dev endpoints in prod) and, last
 * because it drains the gateway's buckets, API6 sensitive flows (pledges and referrals cannot be automated past the
 * gateway's limits). The figures go to target/figures/security.md with SecurityIT's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3)
class PropertyAndInventoryIT {
    private static final Figures FIGURES = SecurityIT.FIGURES;
    private static final List<PlatformService> SERVICES = List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL,
            PlatformService.AWARENESS);
    /** The details of a 404 that means "no route": libs/web's for the framework's own 404, and the gateway's. */
    static final List<String> NO_ROUTE_DETAILS = List.of("Nothing exists at this path", "No API is served at this path.");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static SystemPlatform platform;
    private static OwnedObjects owned;
    private static KnownValues known;
    private static String campaignId;

    @BeforeAll
    static void startPlatform() {
        platform = SystemPlatform.get();
        owned = OwnedObjects.create(platform);
        known = KnownValues.collect(platform);
        owned.ids().forEach((kind, id) -> known.add(kind, id));
        campaignId = owned.id("campaigns").orElseThrow();
    }

    @AfterAll
    static void publishFigures() {
        FIGURES.publish();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // API3 (a): mass assignment

    /** A write whose body is checked for members the caller may not set. {@code update}: PUT on the created object. */
    private record WriteCase(String name, PlatformService service, String createPath, Caller caller, Supplier<ObjectNode> baseline,
            Map<String, JsonNode> explicit, boolean alsoUpdate) {
    }

    private static List<WriteCase> writeCases() {
        String marker = Long.toHexString(new Random().nextLong() & 0xffffffffL);
        // The members the issue names, with the values an attacker would send, besides those derived from the documents.
        Map<String, JsonNode> organizationExplicit = Map.of("status", NODES.textNode("VERIFIED"));
        Map<String, JsonNode> referralExplicit = Map.of("status", NODES.textNode("ACCEPTED"),
                "sendingOrganizationId", NODES.textNode(DemoOrganization.FLUX_LIFEHOUSE.id().toString()));
        Map<String, JsonNode> campaignExplicit = Map.of("status", NODES.textNode("ACTIVE"),
                "organizationId", NODES.textNode(DemoOrganization.TRAFFIC_LIGHTS.id().toString()));
        JsonNode campaign = Json.read(platform.http().get(platform.url(PlatformService.AWARENESS) + "/api/awareness/campaigns/" + campaignId,
                Map.of("Accept", "application/json")).body());
        String commitment = campaign.path("pledgeOptions").path(0).path("code").asText("");
        return List.of(
                new WriteCase("organization", PlatformService.DIRECTORY, "/api/directory/organizations", Caller.COALITION_ADMIN, () -> {
                    String slug = "st-mass-" + marker + "-" + UUID.randomUUID().toString().substring(0, 8);
                    ObjectNode body = Json.object().put("name", "System tests " + slug).put("slug", slug)
                            .put("description", "API3 mass assignment fixture").put("worksWithLawEnforcement", false);
                    body.putArray("regions").add("51");
                    body.putArray("languages").add("id");
                    return body;
                }, organizationExplicit, true),
                new WriteCase("referral", PlatformService.REFERRAL, "/api/referrals", Caller.caseworker(OwnedObjects.OWNER), () -> {
                    ObjectNode referral = Json.object().put("receivingOrganizationId", OwnedObjects.RECEIVER.id().toString())
                            .put("categoryCode", "street-children-outreach").put("regionCode", "5171").put("urgency", "HIGH")
                            .put("submit", false).put("note", "system-tests API3 fixture");
                    referral.putObject("profile").put("ageBand", "12-17").put("gender", "FEMALE");
                    ObjectNode consent = referral.putObject("consent").put("consentedBy", "SUBJECT")
                            .put("consentedAt", Instant.now().minusSeconds(3600).toString()).put("mayContact", false);
                    consent.putArray("shares").add("PROFILE").add("NOTE");
                    consent.putArray("sharedWith").add(OwnedObjects.RECEIVER.id().toString());
                    return referral;
                }, referralExplicit, false),
                new WriteCase("campaign", PlatformService.AWARENESS, "/api/awareness/campaigns", Caller.orgAdmin(OwnedObjects.OWNER), () -> {
                    ObjectNode body = Json.object().put("slug", "st-mass-" + marker + "-" + UUID.randomUUID().toString().substring(0, 8));
                    for (String member : List.of("categoryCode", "content", "audiences", "regions", "goals", "pledgeOptions")) {
                        if (campaign.hasNonNull(member)) {
                            body.set(member, campaign.get(member).deepCopy());
                        }
                    }
                    LocalDate start = LocalDate.now().plusDays(10);
                    body.put("startDate", start.toString()).put("endDate", start.plusDays(90).toString());
                    return body;
                }, campaignExplicit, true),
                new WriteCase("pledge", PlatformService.AWARENESS, "/api/awareness/campaigns/" + campaignId + "/pledges", Caller.ANONYMOUS,
                        () -> Json.object().put("kind", "PERSON").put("commitment", commitment).put("country", "AU"), Map.of(), false));
    }

    @Test
    @Order(1)
    void api3MembersACallerMayNotSetAreIgnoredOrRefused() {
        List<String> failures = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> undocumented = new ArrayList<>();
        int attempts = 0;
        for (WriteCase write : writeCases()) {
            OpenApi document = platform.openApi(write.service());
            String template = templateOf(document, "POST", write.createPath());
            OpenApi.Operation create = operation(document, "POST", template);
            Set<String> requestMembers = members(document, create.bodySchema());
            JsonNode responseSchema = document.responseSchema(create);
            Set<String> candidates = new LinkedHashSet<>(members(document, responseSchema));
            candidates.removeAll(requestMembers);
            candidates.addAll(write.explicit().keySet());

            ObjectNode firstBody = write.baseline().get();
            Http.Exchange first = send(write.service(), "POST", write.createPath(), write.caller(), Json.write(firstBody), Map.of());
            assertThat(first.status() / 100).as("the %s baseline is created, else nothing below is proven: %s", write.name(),
                    first.describe()).isEqualTo(2);
            JsonNode baseline = Json.read(first.body());
            // Members of the actual answer the request schema does not have count too, documented or not.
            baseline.fieldNames().forEachRemaining(member -> {
                if (!requestMembers.contains(member)) {
                    candidates.add(member);
                }
            });
            if (members(document, responseSchema).isEmpty()) {
                undocumented.add(write.service().module() + " " + create.key());
            }
            List<String> writes = new ArrayList<>(List.of("POST"));
            if (write.alsoUpdate()) {
                writes.add("PUT");
            }
            for (String method : writes) {
                for (String member : candidates) {
                    JsonNode schema = document.resolve(responseSchema.path("properties").path(member));
                    JsonNode value = write.explicit().containsKey(member) ? write.explicit().get(member)
                            : plausible(member, schema, baseline.get(member));
                    if (value == null) {
                        continue;
                    }
                    attempts++;
                    String cell = write.name() + " " + method + " with " + member + "=" + value;
                    Http.Exchange answer;
                    String readPath;
                    if (method.equals("POST")) {
                        ObjectNode body = write.baseline().get();
                        body.set(member, value);
                        answer = send(write.service(), "POST", write.createPath(), write.caller(), Json.write(body), Map.of());
                        readPath = answer.status() / 100 == 2 ? readPathOf(write, answer) : null;
                    } else {
                        String path = write.createPath() + "/" + baseline.path("id").asText();
                        Http.Exchange current = send(write.service(), "GET", path, write.caller(), null, Map.of());
                        ObjectNode body = firstBody.deepCopy();
                        body.set(member, value);
                        answer = send(write.service(), "PUT", path, write.caller(), Json.write(body),
                                Map.of("If-Match", current.header("ETag").orElse("\"0\"")));
                        readPath = path;
                    }
                    ResponseChecks.check(answer).forEach(finding -> failures.add(finding.violation() + " " + cell + "\n" + answer.describe()));
                    if (List.of(400, 403, 422).contains(answer.status())) {
                        outcomes.merge("refused (" + answer.status() + ")", 1, Integer::sum);
                        checked.add(cell + " → refused " + answer.status());
                        continue;
                    }
                    if (answer.status() / 100 != 2) {
                        failures.add("UNEXPECTED " + cell + "\n" + answer.describe());
                        continue;
                    }
                    boolean taken = same(Json.read(answer.body()).get(member), value);
                    if (!taken && readPath != null) {
                        Http.Exchange read = send(write.service(), "GET", readPath, write.caller(), null, Map.of());
                        taken = read.status() == 200 && same(Json.read(read.body()).get(member), value);
                    }
                    if (taken) {
                        failures.add("TAKEN " + cell + ": the answer or the object read back holds the value sent\n" + answer.describe());
                    } else {
                        outcomes.merge("ignored", 1, Integer::sum);
                        checked.add(cell + " → ignored");
                    }
                }
            }
        }
        FIGURES.put("API3 property level", "writes checked (create, and update where the caller owns the object)",
                writeCases().stream().map(write -> write.name() + (write.alsoUpdate() ? " (POST, PUT)" : " (POST)")).toList());
        FIGURES.put("API3 property level", "mass-assignment attempts (members in the answer's schema, not in the request's, one at a time)", attempts);
        FIGURES.put("API3 property level", "outcomes", outcomes);
        FIGURES.put("API3 property level", "writes whose answer has no documented schema (members taken from the answer itself)",
                undocumented.size() + (undocumented.isEmpty() ? "" : " " + undocumented));
        FIGURES.put("API3 property level", "members taken", failures.stream().filter(each -> each.startsWith("TAKEN")).count());
        FIGURES.note("### API3 mass-assignment attempts\n\n" + String.join("\n", checked.stream().map(each -> "- " + each).toList()));
        verdict("API3", failures, "members a caller may not set");
    }

    private static String readPathOf(WriteCase write, Http.Exchange created) {
        JsonNode body = Json.parse(created.body()).orElse(Json.object());
        if (!body.hasNonNull("id") || write.caller().isAnonymous()) {
            return null;
        }
        return write.createPath() + "/" + body.get("id").asText();
    }

    /** A value of the member's type that differs from what the server chose for the baseline, or null for none. */
    static JsonNode plausible(String member, JsonNode schema, JsonNode baseline) {
        List<String> options = new ArrayList<>();
        schema.path("enum").forEach(option -> options.add(option.asText()));
        String current = baseline == null || baseline.isNull() ? null : baseline.asText();
        if (!options.isEmpty()) {
            for (String privileged : List.of("VERIFIED", "ACTIVE", "ACCEPTED", "COMPLETED")) {
                if (options.contains(privileged) && !privileged.equals(current)) {
                    return NODES.textNode(privileged);
                }
            }
            return options.stream().filter(option -> !option.equals(current)).findFirst().map(NODES::textNode).orElse(null);
        }
        String type = SchemaValues.type(schema);
        if (!schema.has("type") && !schema.has("properties") && !schema.has("items") && baseline != null && !baseline.isNull()) {
            // Undocumented member: its type as the answer shows it.
            type = baseline.isIntegralNumber() ? "integer" : baseline.isNumber() ? "number" : baseline.isBoolean() ? "boolean"
                    : baseline.isTextual() ? "string" : "object";
        }
        String format = schema.path("format").asText("");
        if (format.equals("uuid") || member.equals("id") || member.endsWith("Id")) {
            if (member.toLowerCase().contains("organization")) {
                String other = DemoOrganization.TRAFFIC_LIGHTS.id().toString().equals(current) ? DemoOrganization.FLUX_LIFEHOUSE.id().toString()
                        : DemoOrganization.TRAFFIC_LIGHTS.id().toString();
                return NODES.textNode(other);
            }
            return NODES.textNode(UUID.randomUUID().toString());
        }
        if (format.equals("date-time") || member.endsWith("At") || (current != null && parses(current, Instant::parse))) {
            return NODES.textNode("2001-02-03T04:05:06Z");
        }
        if (format.equals("date") || (current != null && parses(current, LocalDate::parse))) {
            return NODES.textNode("2001-02-03");
        }
        return switch (type) {
            case "integer" -> NODES.numberNode((baseline == null ? 0 : baseline.asLong()) + 1000);
            case "number" -> NODES.numberNode((baseline == null ? 0 : baseline.asDouble()) + 1000.5);
            case "boolean" -> NODES.booleanNode(baseline == null || !baseline.asBoolean());
            case "string" -> NODES.textNode("mass-assigned-" + UUID.randomUUID().toString().substring(0, 8));
            default -> null;
        };
    }

    private static boolean parses(String text, java.util.function.Function<String, ?> parser) {
        try {
            parser.apply(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the server kept the value sent: equal JSON, the same instant, or the same number. */
    static boolean same(JsonNode kept, JsonNode sent) {
        if (kept == null || kept.isNull() || kept.isMissingNode()) {
            return false;
        }
        if (kept.isNumber() && sent.isNumber()) {
            return kept.decimalValue().compareTo(sent.decimalValue()) == 0;
        }
        if (kept.isTextual() && sent.isTextual()) {
            if (parses(kept.asText(), Instant::parse) && parses(sent.asText(), Instant::parse)) {
                return Instant.parse(kept.asText()).equals(Instant.parse(sent.asText()));
            }
            return kept.asText().equals(sent.asText());
        }
        return kept.equals(sent);
    }

    private static Set<String> members(OpenApi document, JsonNode schema) {
        Set<String> members = new LinkedHashSet<>();
        if (schema != null) {
            document.resolve(schema).path("properties").fieldNames().forEachRemaining(members::add);
        }
        return members;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // API3 (b): what a caller may not see

    /** A secret the test stored, the callers that must never receive it, and where the allowed ones may. */
    private record Secret(String name, String marker, List<Caller> forbidden, List<Caller> allowed, String allowedPathSuffix) {
    }

    @Test
    @Order(2)
    void api3NoAnswerShowsACallerWhatItMayNotSee() {
        // Each secret carries its own random marker, never used in anything public (names, titles).
        String marker = "Mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String other = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Http http = platform.http();
        // A referral of darkbali to traffic-lights whose identity carries the marker.
        ObjectNode referral = Json.object().put("receivingOrganizationId", OwnedObjects.RECEIVER.id().toString())
                .put("categoryCode", "street-children-outreach").put("regionCode", "5171").put("urgency", "HIGH").put("submit", true)
                .put("note", "system-tests API3 visibility fixture");
        referral.putObject("profile").put("ageBand", "12-17").put("gender", "FEMALE");
        String phone = "+62 812 " + (10_000_000 + new Random().nextInt(89_999_999));
        referral.putObject("identity").put("fullName", "Ni Luh " + marker).put("contact", phone);
        ObjectNode consent = referral.putObject("consent").put("consentedBy", "SUBJECT")
                .put("consentedAt", Instant.now().minusSeconds(3600).toString()).put("mayContact", true);
        consent.putArray("shares").add("PROFILE").add("IDENTITY").add("NOTE");
        consent.putArray("sharedWith").add(OwnedObjects.RECEIVER.id().toString());
        Http.Exchange created = send(PlatformService.REFERRAL, "POST", "/api/referrals", Caller.caseworker(OwnedObjects.OWNER),
                Json.write(referral), Map.of());
        assertThat(created.status()).as("referral with a marked identity: %s", created.describe()).isEqualTo(201);
        String referralId = Json.read(created.body()).path("id").asText();
        Http.Exchange identity = send(PlatformService.REFERRAL, "GET", "/api/referrals/" + referralId + "/identity",
                Caller.caseworker(OwnedObjects.OWNER), null, Map.of());
        assertThat(identity.body()).as("control: the sender reads the identity it stored: %s", identity.describe()).contains(marker);

        // A service of darkbali with a confidential location whose address carries another marker.
        String addressMarker = "Jl. Rahasia " + other;
        ObjectNode service = Json.object().put("name", "System tests shelter").put("category", "shelter-and-safe-housing")
                .put("frontGateContact", "Call the front gate");
        service.putArray("regions").add("5171");
        service.putArray("locations").addObject().put("name", "Shelter").put("address", addressMarker).put("city", "Denpasar")
                .put("region", "5171").put("confidential", true);
        Http.Exchange offered = send(PlatformService.DIRECTORY, "POST", "/api/directory/organizations/" + OwnedObjects.OWNER.id() + "/services",
                Caller.orgAdmin(OwnedObjects.OWNER), Json.write(service), Map.of());
        assertThat(offered.status()).as("service with a confidential location: %s", offered.describe()).isEqualTo(201);
        String serviceId = Json.read(offered.body()).path("id").asText();
        Http.Exchange ownView = send(PlatformService.DIRECTORY, "GET", "/api/directory/services/" + serviceId, Caller.orgAdmin(OwnedObjects.OWNER),
                null, Map.of());
        assertThat(ownView.body()).as("control: its own admin sees the confidential address: %s", ownView.describe()).contains(addressMarker);

        // A pledge with a marked e-mail and a registration with a marked contact on darkbali's campaign and activity.
        String email = "pledger-" + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
        JsonNode campaign = Json.read(http.get(platform.url(PlatformService.AWARENESS) + "/api/awareness/campaigns/" + campaignId, Map.of()).body());
        ObjectNode pledge = Json.object().put("kind", "PERSON").put("commitment", campaign.path("pledgeOptions").path(0).path("code").asText(""))
                .put("country", "AU").put("email", email).put("contactConsent", true);
        Http.Exchange pledged = send(PlatformService.AWARENESS, "POST", "/api/awareness/campaigns/" + campaignId + "/pledges", Caller.ANONYMOUS,
                Json.write(pledge), Map.of());
        assertThat(pledged.status()).as("pledge with a marked e-mail: %s", pledged.describe()).isEqualTo(201);
        String contact = "registrant-" + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
        String activityId = owned.id("activities").orElseThrow();
        Http.Exchange registered = send(PlatformService.AWARENESS, "POST", "/api/awareness/campaigns/" + campaignId + "/activities/" + activityId
                + "/registrations", Caller.ANONYMOUS, Json.write(Json.object().put("name", "Made Registrant").put("contact", contact)), Map.of());
        assertThat(registered.status()).as("registration with a marked contact: %s", registered.describe()).isEqualTo(201);

        Map<String, String> objects = new LinkedHashMap<>(owned.ids());
        objects.put("referrals", referralId);
        objects.put("services", serviceId);
        List<Caller> strangers = List.of(Caller.GOV_LIAISON, Caller.FEEDS_APP, Caller.orgAdmin(DemoOrganization.FLUX_LIFEHOUSE),
                Caller.caseworker(DemoOrganization.FLUX_LIFEHOUSE), Caller.PARTNER_APP, Caller.ANONYMOUS);
        List<Caller> identityForbidden = new ArrayList<>(strangers);
        identityForbidden.add(0, Caller.COALITION_ADMIN);
        List<Caller> parties = List.of(Caller.caseworker(OwnedObjects.OWNER), Caller.orgAdmin(OwnedObjects.OWNER),
                Caller.caseworker(OwnedObjects.RECEIVER), Caller.orgAdmin(OwnedObjects.RECEIVER));
        List<Caller> addressForbidden = new ArrayList<>(strangers);
        addressForbidden.add(Caller.caseworker(OwnedObjects.RECEIVER));
        List<Secret> secrets = List.of(
                new Secret("survivor identity (name)", marker, identityForbidden, parties, "/identity"),
                new Secret("survivor identity (contact phone)", phone, identityForbidden, parties, "/identity"),
                new Secret("confidential location address", addressMarker, addressForbidden, List.of(), null),
                new Secret("pledger e-mail", email, strangers, List.of(), null),
                new Secret("registrant contact", contact, strangers, List.of(), null));

        Set<Caller> callers = new LinkedHashSet<>();
        secrets.forEach(secret -> {
            callers.addAll(secret.forbidden());
            callers.addAll(secret.allowed());
        });
        List<String> failures = new ArrayList<>();
        Map<String, Integer> answersByCaller = new LinkedHashMap<>();
        int cells = 0;
        int bodies = 0;
        for (Caller caller : callers) {
            for (Http.Exchange answer : crawl(caller, objects)) {
                if (answer.status() / 100 != 2) {
                    continue;
                }
                bodies++;
                answersByCaller.merge(caller.name(), 1, Integer::sum);
                String path = java.net.URI.create(answer.request().url()).getPath();
                for (Secret secret : secrets) {
                    boolean forbidden = secret.forbidden().contains(caller);
                    boolean allowedHere = secret.allowed().contains(caller) && secret.allowedPathSuffix() != null
                            && path.endsWith(secret.allowedPathSuffix());
                    if (!forbidden && !secret.allowed().contains(caller)) {
                        continue;
                    }
                    cells++;
                    if (answer.body() != null && answer.body().contains(secret.marker()) && !allowedHere) {
                        failures.add("LEAK " + secret.name() + " to " + caller + " at " + answer.request().method() + " " + path + "\n"
                                + answer.describe());
                    }
                }
            }
        }
        FIGURES.put("API3 property level", "secrets stored and looked for", secrets.stream().map(Secret::name).toList());
        FIGURES.put("API3 property level", "callers crawling every GET operation", callers.size() + " " + callers);
        FIGURES.put("API3 property level", "2xx answers scanned per caller", answersByCaller);
        FIGURES.put("API3 property level", "cells checked (2xx answer × secret the caller may not see there)", cells);
        FIGURES.put("API3 property level", "2xx answers scanned", bodies);
        FIGURES.put("API3 property level", "leaks", failures.size());
        verdict("API3", failures, "fields a caller may not see");
    }

    /**
     * Every GET operation of the three services as this caller: path ids of the given objects (else known ones), every
     * value of each enum query parameter, size 100 where the list is paged.
     */
    private static List<Http.Exchange> crawl(Caller caller, Map<String, String> objects) {
        List<Http.Exchange> answers = new ArrayList<>();
        Random random = new Random(3);
        for (PlatformService service : SERVICES) {
            OpenApi document = platform.openApi(service);
            SchemaValues values = new SchemaValues(document, known);
            for (OpenApi.Operation operation : document.operations()) {
                if (!operation.method().equals("GET")) {
                    continue;
                }
                String path = fill(operation, objects, random);
                List<String> queries = new ArrayList<>();
                StringBuilder base = new StringBuilder();
                for (OpenApi.Parameter parameter : operation.in("query")) {
                    if (parameter.name().equals("size")) {
                        base.append("&size=100");
                    } else if (parameter.required()) {
                        base.append('&').append(parameter.name()).append('=')
                                .append(FuzzRequests.encode(values.valid(parameter.schema(), random).asText()));
                    }
                }
                queries.add(base.toString());
                for (OpenApi.Parameter parameter : operation.in("query")) {
                    JsonNode options = document.resolve(parameter.schema()).path("enum");
                    if (!parameter.required()) {
                        options.forEach(option -> queries.add(base + "&" + parameter.name() + "=" + FuzzRequests.encode(option.asText())));
                    }
                }
                for (String query : queries) {
                    answers.add(send(service, "GET", path + (query.isEmpty() ? "" : "?" + query.substring(1)), caller, null, Map.of()));
                }
            }
        }
        return answers;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // API4: resource consumption

    @Test
    @Order(3)
    void api4PagesBodiesAndStringsAreBounded() {
        List<String> failures = new ArrayList<>();
        Random random = new Random(5);
        int pagedOperations = 0;
        int pageCells = 0;
        List<String> notChecked = new ArrayList<>();
        for (PlatformService service : SERVICES) {
            OpenApi document = platform.openApi(service);
            SchemaValues values = new SchemaValues(document, known);
            for (OpenApi.Operation operation : document.operations()) {
                boolean paged = operation.method().equals("GET") && operation.in("query").stream().anyMatch(each -> each.name().equals("size"));
                if (!paged) {
                    continue;
                }
                String path = fill(operation, owned.ids(), random);
                StringBuilder required = new StringBuilder();
                for (OpenApi.Parameter parameter : operation.in("query")) {
                    if (parameter.required() && !List.of("size", "page").contains(parameter.name())) {
                        required.append('&').append(parameter.name()).append('=')
                                .append(FuzzRequests.encode(values.valid(parameter.schema(), random).asText()));
                    }
                }
                // The first caller of the documented roles for whom the list answers 200, so that a 400 below is the bound's.
                Caller caller = permitted(operation);
                Http.Exchange control = null;
                for (Caller candidate : List.of(permitted(operation), Caller.orgAdmin(OwnedObjects.OWNER), Caller.COALITION_ADMIN,
                        Caller.caseworker(OwnedObjects.OWNER), Caller.GOV_LIAISON)) {
                    control = send(service, "GET", path + "?size=100" + required, candidate, null, Map.of());
                    caller = candidate;
                    if (control.status() == 200) {
                        break;
                    }
                }
                if (control.status() != 200) {
                    notChecked.add(service.module() + " " + operation.key() + " (control with size=100 answered " + control.status() + ")");
                    continue;
                }
                pagedOperations++;
                for (String query : List.of("size=101", "size=100000", "size=0", "page=2147483647", "page=50001&size=20", "page=-1")) {
                    Http.Exchange answer = send(service, "GET", path + "?" + query + required, caller, null, Map.of());
                    pageCells++;
                    String cell = service.module() + " " + operation.key() + "?" + query + " as " + caller;
                    String member = query.startsWith("size") ? "size" : "page";
                    if (answer.status() != 400 || !namesField(answer, member)) {
                        failures.add("NOT BOUNDED " + cell + ": expected 400 naming " + member + "\n" + answer.describe());
                    }
                    ResponseChecks.check(answer).forEach(finding -> failures.add(finding.violation() + " " + cell + "\n" + answer.describe()));
                }
            }
        }
        FIGURES.put("API4 resource consumption", "paged GET operations checked (size 101, 100000, 0; page 2^31-1, past 1,000,000 rows, -1)", pagedOperations);
        FIGURES.put("API4 resource consumption", "page cells checked", pageCells);
        FIGURES.put("API4 resource consumption", "paged operations not checked", notChecked.size() + (notChecked.isEmpty() ? "" : " " + notChecked));

        // Bodies over the 1 MB limit of each service (libs/web) and of each gateway route: 413 problem+json.
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        int bodyCells = 0;
        for (PlatformService service : SERVICES) {
            OpenApi.Operation write = platform.openApi(service).operations().stream()
                    .filter(each -> each.method().equals("POST") && each.bodySchema() != null && !each.isPublic()).findFirst().orElseThrow();
            String path = fill(write, owned.ids(), random);
            for (PlatformService target : List.of(service, PlatformService.GATEWAY)) {
                String cell = "2 MB body to " + service.module() + " " + write.key() + " at " + target.module();
                bodyCells++;
                Http.Exchange answer = postLarge(target, path, permitted(write), big);
                if (answer.status() != 413) {
                    failures.add("NOT 413 " + cell + "\n" + answer.describe());
                }
                ResponseChecks.check(answer).forEach(finding -> failures.add(finding.violation() + " " + cell + "\n" + answer.describe()));
                if (answer.body() == null || answer.body().isBlank()) {
                    failures.add("413 WITHOUT PROBLEM BODY " + cell + "\n" + answer.describe());
                }
            }
        }
        FIGURES.put("API4 resource consumption", "2 MB bodies sent (each service directly and through the gateway)", bodyCells
                + " (answers read over a plain socket: " + SOCKET_FALLBACKS.get() + ")");

        // Each string member with a maxLength, one character over: 400 naming the member.
        int stringCells = 0;
        for (PlatformService service : SERVICES) {
            OpenApi document = platform.openApi(service);
            SchemaValues values = new SchemaValues(document, known);
            for (OpenApi.Operation operation : document.operations()) {
                if (operation.bodySchema() == null || !List.of("POST", "PUT").contains(operation.method())
                        || !operation.bodyContentTypes().contains("application/json")) {
                    continue;
                }
                JsonNode schema = document.resolve(operation.bodySchema());
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    JsonNode propertySchema = document.resolve(property.getValue());
                    if (!SchemaValues.type(propertySchema).equals("string") || !propertySchema.has("maxLength")
                            || propertySchema.has("enum")) {
                        continue;
                    }
                    JsonNode body = values.valid(schema, random);
                    if (!body.isObject()) {
                        continue;
                    }
                    arraysWhereDocumented((ObjectNode) body, schema, document);
                    ((ObjectNode) body).put(property.getKey(), "a".repeat(propertySchema.get("maxLength").asInt() + 1));
                    String path = fill(operation, owned.ids(), random);
                    Http.Exchange sent = send(service, operation.method(), path, permitted(operation), Json.write(body), documentedHeaders(operation));
                    // A 400 for other members only means the generated body was wrong elsewhere: those members are
                    // generated again (an array where the document puts the enum on the array) and the body re-sent.
                    for (int repair = 0; repair < 3 && sent.status() == 400 && !namesField(sent, property.getKey())
                            && repairOthers((ObjectNode) body, schema, document, values, random, sent, property.getKey()); repair++) {
                        sent = send(service, operation.method(), path, permitted(operation), Json.write(body), documentedHeaders(operation));
                    }
                    Http.Exchange answer = sent;
                    stringCells++;
                    String cell = service.module() + " " + operation.key() + " with " + property.getKey() + " of "
                            + (propertySchema.get("maxLength").asInt() + 1) + " characters";
                    if (answer.status() != 400 || !namesField(answer, property.getKey())) {
                        failures.add("LONG STRING NOT REFUSED " + cell + ": expected 400 naming it\n" + answer.describe());
                    }
                    ResponseChecks.check(answer).forEach(finding -> failures.add(finding.violation() + " " + cell + "\n" + answer.describe()));
                }
            }
        }
        FIGURES.put("API4 resource consumption", "string members one character over their maxLength", stringCells);
        verdict("API4", failures, "resource consumption bounds");
    }

    /**
     * A POST of a body larger than the server accepts. When the server answers before reading the body and closes the
     * connection while the client still writes, the client may lose the answer; it is then read over a plain socket,
     * the body written by another thread.
     */
    private static Http.Exchange postLarge(PlatformService target, String path, Caller caller, String body) {
        try {
            return sendTo(target, "POST", path, caller, body, Map.of());
        } catch (IllegalStateException e) {
            SOCKET_FALLBACKS.incrementAndGet();
            return overSocket(target, path, caller, body);
        }
    }

    private static final AtomicInteger SOCKET_FALLBACKS = new AtomicInteger();

    /** POST over a plain socket: the answer is read while another thread writes the body (ignoring a closed pipe). */
    private static Http.Exchange overSocket(PlatformService target, String path, Caller caller, String body) {
        java.net.URI uri = java.net.URI.create(platform.url(target) + path);
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", uri.getHost() + ":" + uri.getPort());
        headers.put("Accept", "application/json");
        caller.authorization(platform.tokens()).ifPresent(value -> headers.put("Authorization", value));
        headers.put("Content-Type", "application/json");
        headers.put("Content-Length", String.valueOf(bytes.length));
        headers.put("Connection", "close");
        long begin = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException closed) {
                    // The server answered and closed the connection: what it answered is read below.
                }
            }, "api4-body-writer");
            writer.setDaemon(true);
            writer.start();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) >= 0;) {
                    received.write(buffer, 0, read);
                    String text = received.toString(java.nio.charset.StandardCharsets.UTF_8);
                    int end = text.indexOf("\r\n\r\n");
                    if (end > 0) {
                        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text.substring(0, end));
                        if (length.find() && received.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                            break;
                        }
                    }
                }
            } catch (IOException reset) {
                // A reset after the answer arrived: keep what was read.
            }
            String text = received.toString(java.nio.charset.StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("No answer over the socket to POST " + uri + ": " + Http.truncate(text, 200));
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    answerHeaders.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
                }
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            return new Http.Exchange(new Http.Sent("POST", uri.toString(), headers, body), status, answerHeaders, text.substring(end + 4),
                    java.time.Duration.ofNanos(System.nanoTime() - begin));
        } catch (IOException e) {
            throw new IllegalStateException("No answer over the socket to POST " + uri + ": " + e, e);
        }
    }

    /**
     * Wraps a member's value in an array where the schema says array: a document may put an enum on the array itself
     * (the awareness campaign's audiences), from which the generator picks a single string.
     */
    private static void arraysWhereDocumented(ObjectNode body, JsonNode schema, OpenApi document) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode member = document.resolve(schema.path("properties").path(name));
            if (SchemaValues.type(member).equals("array") && !body.get(name).isArray()) {
                body.putArray(name).add(body.get(name).deepCopy());
            }
        }
    }

    /** Generates again the top-level members the 400 names other than {@code kept}; false when there are none. */
    private static boolean repairOthers(ObjectNode body, JsonNode schema, OpenApi document, SchemaValues values, Random random,
            Http.Exchange answer, String kept) {
        boolean changed = false;
        for (JsonNode error : Json.parse(answer.body()).orElse(Json.object()).path("errors")) {
            String member = error.path("field").asText("").split("[.\\[]")[0];
            JsonNode memberSchema = document.resolve(schema.path("properties").path(member));
            if (member.isEmpty() || member.equals(kept) || !schema.path("properties").has(member)) {
                continue;
            }
            if (SchemaValues.type(memberSchema).equals("array")) {
                JsonNode options = memberSchema.path("enum");
                JsonNode item = options.isArray() && !options.isEmpty() ? options.get(0)
                        : values.valid(document.resolve(memberSchema.path("items")), random);
                body.putArray(member).add(item);
            } else {
                body.set(member, values.valid(memberSchema, random));
            }
            changed = true;
        }
        return changed;
    }

    /** Whether the 400 problem lists an error for the member (its {@code errors[].field} is it or ends with it). */
    private static boolean namesField(Http.Exchange answer, String member) {
        JsonNode problem = Json.parse(answer.body()).orElse(Json.object());
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText("");
            if (field.equals(member) || field.endsWith("." + member) || field.startsWith(member + "[")) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // API9: inventory

    @Test
    @Order(4)
    void api9TheDocumentsMatchTheRoutesAndNothingElseAnswers() {
        List<String> failures = new ArrayList<>();
        Random random = new Random(9);
        Map<String, Integer> documentedStatuses = new TreeMap<>();
        int documented = 0;
        Set<String> paths = new LinkedHashSet<>();
        List<PlatformService> withDocuments = List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL, PlatformService.AWARENESS,
                PlatformService.GATEWAY);
        for (PlatformService service : withDocuments) {
            OpenApi document = platform.openApi(service);
            SchemaValues values = new SchemaValues(document, known);
            for (OpenApi.Operation operation : document.operations()) {
                String path = fill(operation, owned.ids(), random);
                paths.add(service.name() + " " + operation.path());
                String body = operation.bodySchema() == null ? null : Json.write(values.valid(operation.bodySchema(), random));
                StringBuilder query = new StringBuilder();
                for (OpenApi.Parameter parameter : operation.in("query")) {
                    if (parameter.required()) {
                        query.append(query.length() == 0 ? '?' : '&').append(parameter.name()).append('=')
                                .append(FuzzRequests.encode(values.valid(parameter.schema(), random).asText()));
                    }
                }
                Http.Exchange answer = sendTo(service, operation.method(), path + query, permitted(operation), body,
                        documentedHeaders(operation));
                documented++;
                documentedStatuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
                if (noRoute(answer)) {
                    failures.add("DOCUMENTED BUT NO ROUTE " + service.module() + " " + operation.key() + "\n" + answer.describe());
                }
            }
        }
        FIGURES.put("API9 inventory", "documented operations called (permitted role, placeholder ids)", documented);
        FIGURES.put("API9 inventory", "statuses of the documented operations", documentedStatuses);

        // PATCH is documented nowhere: on every documented path it must find no route.
        int patches = 0;
        for (String each : paths) {
            PlatformService service = PlatformService.valueOf(each.substring(0, each.indexOf(' ')));
            String template = each.substring(each.indexOf(' ') + 1);
            OpenApi document = platform.openApi(service);
            if (document.operations().stream().anyMatch(operation -> operation.path().equals(template) && operation.method().equals("PATCH"))) {
                continue;
            }
            OpenApi.Operation any = document.operations().stream().filter(operation -> operation.path().equals(template)).findFirst().orElseThrow();
            Http.Exchange answer = sendTo(service, "PATCH", fill(any, owned.ids(), random), Caller.COALITION_ADMIN,
                    "{}", Map.of("If-Match", "\"" + UUID.randomUUID() + ":0\""));
            patches++;
            if (!List.of(404, 405).contains(answer.status())) {
                failures.add("UNDOCUMENTED PATCH ANSWERED " + service.module() + " " + template + "\n" + answer.describe());
            }
            ResponseChecks.check(answer).forEach(finding -> failures.add(finding.violation() + " PATCH " + template + "\n" + answer.describe()));
        }
        FIGURES.put("API9 inventory", "PATCH on every documented path (documented nowhere)", patches);

        // Plausible undocumented routes, at every service and the gateway, as the most privileged callers and nobody.
        String referralId = owned.id("referrals").orElseThrow();
        List<String> probes = List.of("/api/referrals/admin", "/api/referrals/internal", "/api/referrals/debug", "/api/referrals/export",
                "/api/referrals/" + referralId + "/identity/raw", "/api/referrals/" + referralId + "/identity/history",
                "/api/directory/internal", "/api/directory/admin", "/api/awareness/admin", "/api/awareness/internal",
                "/api/v1/referrals", "/api", "/admin", "/actuator", "/actuator/env", "/q/env", "/q/arc", "/q/graphql",
                "/q/dev", "/q/dev/", "/q/dev-ui", "/q/dev-ui/", "/q/dev-v1", "/q/dev/io.quarkus.quarkus-vertx-http/config");
        Map<String, Integer> probeStatuses = new TreeMap<>();
        int probeCells = 0;
        for (PlatformService target : withDocuments) {
            for (String probe : probes) {
                for (Caller caller : List.of(Caller.COALITION_ADMIN, Caller.caseworker(OwnedObjects.OWNER), Caller.ANONYMOUS)) {
                    Http.Exchange answer = sendTo(target, "GET", probe, caller, null, Map.of());
                    probeCells++;
                    probeStatuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
                    String cell = "GET " + probe + " at " + target.module() + " as " + caller;
                    boolean devEndpoint = probe.startsWith("/q/dev");
                    // Not served in prod: 404 for a caller with a token (without one, an edge may ask for it first: 401).
                    boolean devServed = devEndpoint && answer.status() != 404 && !(caller.isAnonymous() && answer.status() == 401);
                    if (answer.status() < 400 || answer.status() >= 500 || devServed) {
                        failures.add("UNDOCUMENTED ROUTE ANSWERED " + cell + "\n" + answer.describe());
                    }
                }
            }
        }
        FIGURES.put("API9 inventory", "undocumented routes probed (each service and the gateway × coalition-admin, caseworker, anonymous)",
                probes.size() + " routes, " + probeCells + " cells");
        FIGURES.put("API9 inventory", "statuses of the undocumented routes", probeStatuses);
        verdict("API9", failures, "inventory");
    }

    /** "No such route": a 405, or a 404 that is not a problem naming a resource (the framework's own 404 or none). */
    static boolean noRoute(Http.Exchange answer) {
        if (answer.status() == 405) {
            return true;
        }
        if (answer.status() != 404) {
            return false;
        }
        Optional<JsonNode> problem = Json.parse(answer.body());
        return problem.isEmpty() || !answer.contentType().startsWith("application/problem+json")
                || NO_ROUTE_DETAILS.contains(problem.get().path("detail").asText(""));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // API6: sensitive business flows (last: it drains the gateway's buckets)

    @Test
    @Order(5)
    void api6PledgesAndReferralsCannotBeAutomatedPastTheGatewaysLimits() throws Exception {
        Properties gateway = gatewayConfiguration();
        int anonymousCapacity = Integer.parseInt(gateway.getProperty("mitra.gateway.rate-limits.anonymous-writes.capacity").strip());
        int authenticatedCapacity = Integer.parseInt(gateway.getProperty("mitra.gateway.rate-limits.authenticated.capacity").strip());
        List<String> failures = new ArrayList<>();

        // Anonymous pledges through the gateway, one after the other: the bucket holds capacity, the next one is refused.
        JsonNode campaign = Json.read(platform.http().get(platform.url(PlatformService.AWARENESS) + "/api/awareness/campaigns/" + campaignId,
                Map.of()).body());
        String pledge = Json.write(Json.object().put("kind", "PERSON").put("commitment", campaign.path("pledgeOptions").path(0).path("code")
                .asText("")).put("country", "AU"));
        Http.Exchange refused = null;
        int sent = 0;
        int accepted = 0;
        while (sent < anonymousCapacity + 1) {
            Http.Exchange answer = sendTo(PlatformService.GATEWAY, "POST", "/api/awareness/campaigns/" + campaignId + "/pledges", Caller.ANONYMOUS,
                    pledge, Map.of());
            sent++;
            if (answer.status() == 429) {
                refused = answer;
                break;
            }
            if (answer.status() / 100 == 2) {
                accepted++;
            }
        }
        FIGURES.put("API6 sensitive flows", "gateway policy anonymous-writes (capacity per client address)", anonymousCapacity + " per "
                + gateway.getProperty("mitra.gateway.rate-limits.anonymous-writes.period"));
        FIGURES.put("API6 sensitive flows", "anonymous pledges through the gateway until the first 429", sent + " (" + accepted + " created)");
        failures.addAll(checkRefusal("anonymous pledges", refused, "anonymous-writes", anonymousCapacity));

        // Referral creation by one caseworker (a token of its own subject, so that no other suite shares its bucket).
        ObjectNode claims = Jwts.claims(platform.tokens().user(OwnedObjects.OWNER.caseworker()));
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now - 5).put("exp", now + 240).put("jti", UUID.randomUUID().toString()).put("sub", UUID.randomUUID().toString());
        claims.remove("nbf");
        String token = "Bearer " + platform.signingKey().sign(claims);
        ObjectNode referral = writeCases().get(1).baseline().get();
        // A new kid: the gateway fetches the realm's key set when it first meets it (concurrent first uses may be sent to
        // introspection meanwhile), so one request first, as SecurityIT's proof does. It draws from the same bucket.
        int warmUp = 0;
        for (Http.Exchange first = null; warmUp < 20 && (first == null || first.status() == 401); warmUp++) {
            if (first != null) {
                Thread.sleep(250);
            }
            first = platform.http().get(platform.url(PlatformService.GATEWAY) + "/api/referrals?box=sent&size=1",
                    Map.of("Authorization", token, "Accept", "application/json"));
        }
        int limit = authenticatedCapacity * 3;
        long burstBegin = System.nanoTime();
        AtomicInteger count = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicReference<Http.Exchange> firstRefusal = new AtomicReference<>();
        AtomicReference<Http.Exchange> unexpected = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                workers.add(threads.submit(() -> {
                    while (firstRefusal.get() == null && count.incrementAndGet() <= limit) {
                        Http.Exchange answer = platform.http().send("POST", platform.url(PlatformService.GATEWAY) + "/api/referrals",
                                Map.of("Authorization", token, "Content-Type", "application/json", "Accept", "application/json",
                                        "Idempotency-Key", UUID.randomUUID().toString()), Json.write(referral));
                        if (answer.status() == 429) {
                            firstRefusal.compareAndSet(null, answer);
                        } else if (answer.status() == 201) {
                            created.incrementAndGet();
                        } else {
                            unexpected.compareAndSet(null, answer);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
        double burstSeconds = (System.nanoTime() - burstBegin) / 1e9;
        FIGURES.put("API6 sensitive flows", "gateway policy authenticated (capacity per token subject)", authenticatedCapacity + " per "
                + gateway.getProperty("mitra.gateway.rate-limits.authenticated.period"));
        FIGURES.put("API6 sensitive flows", "referrals created by one caseworker through the gateway before the first 429", created.get());
        if (unexpected.get() != null) {
            failures.add("UNEXPECTED answer while creating referrals (they must be created until refused)\n" + unexpected.get().describe());
        }
        failures.addAll(checkRefusal("referral creation", firstRefusal.get(), "authenticated", authenticatedCapacity));
        // The bucket refills evenly over the period while the burst lasts; 4 requests may be in flight.
        java.time.Duration period = period(gateway.getProperty("mitra.gateway.rate-limits.authenticated.period"));
        long bound = authenticatedCapacity + (long) Math.ceil(authenticatedCapacity * burstSeconds / period.toSeconds()) + 4;
        FIGURES.put("API6 sensitive flows", "referral burst: seconds, bound (capacity + refill during the burst + 4 in flight)",
                String.format("%.1f s, %d (warm-up requests: %d)", burstSeconds, bound, warmUp));
        if (created.get() + warmUp > bound) {
            failures.add("referral creation: " + created.get() + " referrals created before a 429, more than the bound " + bound);
        }
        verdict("API6", failures, "sensitive business flows");
    }

    private static List<String> checkRefusal(String flow, Http.Exchange refused, String policy, int capacity) {
        List<String> failures = new ArrayList<>();
        if (refused == null) {
            failures.add(flow + ": no 429 within " + (capacity + 1) + " requests or more");
            return failures;
        }
        ResponseChecks.check(refused).forEach(finding -> failures.add(flow + ": " + finding.violation() + "\n" + refused.describe()));
        if (!refused.contentType().startsWith("application/problem+json")) {
            failures.add(flow + ": the 429 is not problem+json\n" + refused.describe());
        }
        Optional<String> retryAfter = refused.header("Retry-After");
        if (retryAfter.isEmpty() || !retryAfter.get().matches("[0-9]+") || Long.parseLong(retryAfter.get()) < 1) {
            failures.add(flow + ": the 429 has no Retry-After in seconds\n" + refused.describe());
        }
        if (!refused.header("RateLimit-Policy").orElse("").contains("\"" + policy + "\"")) {
            failures.add(flow + ": the 429 does not come from the gateway's " + policy + " policy\n" + refused.describe());
        }
        FIGURES.put("API6 sensitive flows", flow + ": 429 Retry-After (s)", retryAfter.orElse("none"));
        return failures;
    }

    /** A period as the gateway's configuration writes it: 10m, 1m, 30s, 1h (or ISO-8601). */
    static java.time.Duration period(String text) {
        String value = text.strip();
        if (value.matches("[0-9]+[smh]")) {
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> java.time.Duration.ofSeconds(amount);
                case 'm' -> java.time.Duration.ofMinutes(amount);
                default -> java.time.Duration.ofHours(amount);
            };
        }
        return java.time.Duration.parse(value);
    }

    /** The gateway's own configuration as built (the local run sets no rate limit, so its defaults apply). */
    private static Properties gatewayConfiguration() throws IOException {
        Path file = platform.settings().repository().resolve("gateway/src/main/resources/application.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Prints every failure and asserts there are none, except those KnownFindings.CELLS names exactly: they are
     * printed as KNOWN FINDING and counted in the figures.
     */
    private static void verdict(String part, List<String> failures, String what) {
        List<String> remaining = new ArrayList<>();
        List<String> excused = new ArrayList<>();
        for (String failure : failures) {
            Optional<KnownFindings.Cell> known = KnownFindings.cell(failure);
            if (known.isPresent()) {
                excused.add(known.get().id());
                System.out.println("KNOWN FINDING " + known.get().id() + " (" + known.get().reason() + "): " + failure + "\n");
            } else {
                remaining.add(failure);
                System.out.println(part + " FAILURE " + failure + "\n");
            }
        }
        FIGURES.put(sectionOf(part), "known findings excluded (KnownFindings): " + what, excused.size() + (excused.isEmpty() ? "" : " " + excused));
        FIGURES.put(sectionOf(part), "failures: " + what, remaining.size());
        assertThat(remaining).as(what).isEmpty();
    }

    private static String sectionOf(String part) {
        return switch (part) {
            case "API3" -> "API3 property level";
            case "API4" -> "API4 resource consumption";
            case "API6" -> "API6 sensitive flows";
            default -> "API9 inventory";
        };
    }

    /** A caller the operation documents as allowed: anonymous for a public one, darkbali's staff where an org role fits. */
    static Caller permitted(OpenApi.Operation operation) {
        if (operation.isPublic()) {
            return Caller.ANONYMOUS;
        }
        List<String> roles = operation.roles().orElseThrow();
        if (roles.isEmpty() || roles.contains("caseworker")) {
            return Caller.caseworker(OwnedObjects.OWNER);
        }
        if (roles.contains("org-admin")) {
            return Caller.orgAdmin(OwnedObjects.OWNER);
        }
        if (roles.contains("coalition-admin")) {
            return Caller.COALITION_ADMIN;
        }
        if (roles.contains("gov-liaison")) {
            return Caller.GOV_LIAISON;
        }
        if (roles.contains("partner-app")) {
            return Caller.PARTNER_APP;
        }
        return Caller.COALITION_ADMIN;
    }

    /** The operation's path with each id of the given objects by kind, else a known value of the kind, else a random id. */
    private static String fill(OpenApi.Operation operation, Map<String, String> objects, Random random) {
        String path = operation.path();
        for (OpenApi.Parameter parameter : operation.in("path")) {
            String kind = KnownValues.kindOf(operation.path(), parameter.name());
            String value = objects.containsKey(kind) ? objects.get(kind) : known.pathValue(operation.path(), parameter.name(), random);
            path = path.replace("{" + parameter.name() + "}", FuzzRequests.encode(value));
        }
        return path;
    }

    /** The operation's header parameters with values that match nothing (an If-Match of no version: 412, not a change). */
    private static Map<String, String> documentedHeaders(OpenApi.Operation operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (OpenApi.Parameter header : operation.in("header")) {
            headers.put(header.name(), header.name().equals("If-Match") ? "\"" + UUID.randomUUID() + ":0\"" : UUID.randomUUID().toString());
        }
        if (!operation.method().equals("GET") && !operation.method().equals("POST")) {
            headers.putIfAbsent("If-Match", "\"" + UUID.randomUUID() + ":0\"");
        }
        return headers;
    }

    private static String templateOf(OpenApi document, String method, String concrete) {
        return document.operations().stream().filter(operation -> operation.method().equals(method))
                .filter(operation -> concrete.matches(operation.path().replaceAll("\\{[^}]+}", "[^/]+")))
                .map(OpenApi.Operation::path).findFirst()
                .orElseThrow(() -> new IllegalStateException("No documented " + method + " matches " + concrete));
    }

    private static OpenApi.Operation operation(OpenApi document, String method, String template) {
        return document.operations().stream().filter(each -> each.method().equals(method) && each.path().equals(template)).findFirst()
                .orElseThrow();
    }

    private static Http.Exchange send(PlatformService service, String method, String path, Caller caller, String body,
            Map<String, String> extra) {
        return sendTo(service, method, path, caller, body, extra);
    }

    /**
     * A request with the caller's token, JSON in and out, a fresh Idempotency-Key and a documentation-range client address
     * for writes sent to a service directly (the awareness service limits public writes per source).
     */
    private static Http.Exchange sendTo(PlatformService target, String method, String path, Caller caller, String body,
            Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        caller.authorization(platform.tokens()).ifPresent(value -> headers.put("Authorization", value));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (!method.equals("GET")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            if (target != PlatformService.GATEWAY) {
                headers.put("X-Forwarded-For", "198.51.100." + (1 + new Random().nextInt(250)));
            }
        }
        headers.putAll(extra);
        return platform.http().send(method, platform.url(target) + path, headers, body);
    }
}
