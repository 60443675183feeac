package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * API3 (a), mass assignment: the writes whose bodies are checked for members the caller may not set, and for each the
 * attempts (one member at a time, with a plausible value the server did not choose). Keeps the tally for the figures.
 */
final class MassAssignment {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A write whose body is checked for members the caller may not set. {@code alsoUpdate}: PUT on the created object. */
    record WriteCase(String name, PlatformService service, String createPath, Caller caller, Supplier<ObjectNode> baseline,
            Map<String, JsonNode> explicit, boolean alsoUpdate) {
        String label() {
            return name + (alsoUpdate ? " (POST, PUT)" : " (POST)");
        }
    }

    /** The write's object as first created: the body sent, the answer, and the members that are candidates. */
    record Created(WriteCase write, OpenApi document, JsonNode responseSchema, ObjectNode firstBody, JsonNode answer,
            Set<String> candidates) {
    }

    /** One member sent with one value by one method (POST creates anew, PUT updates the created object). */
    record Attempt(Created created, String method, String member, JsonNode value) {
        String name() {
            return created.write().name() + " " + method + " with " + member;
        }

        String cell() {
            return name() + "=" + value;
        }
    }

    /** The answer to an attempt, and where the object it wrote is read back (null where it cannot be). */
    record Sent(Http.Exchange answer, String readPath) {
    }

    private final Requests requests;
    private final List<WriteCase> cases;
    private int attempts;
    private int taken;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> undocumented = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    MassAssignment(Requests requests, String campaignId) {
        this.requests = requests;
        String marker = Long.toHexString(new Random().nextLong() & 0xffffffffL);
        // The members the issue names, with the values an attacker would send, besides those derived from the documents.
        Map<String, JsonNode> organizationExplicit = Map.of("status", NODES.textNode("VERIFIED"));
        Map<String, JsonNode> referralExplicit = Map.of("status", NODES.textNode("ACCEPTED"),
                "sendingOrganizationId", NODES.textNode(DemoOrganization.FLUX_LIFEHOUSE.id().toString()));
        Map<String, JsonNode> campaignExplicit = Map.of("status", NODES.textNode("ACTIVE"),
                "organizationId", NODES.textNode(DemoOrganization.TRAFFIC_LIGHTS.id().toString()));
        SystemPlatform platform = requests.platform();
        JsonNode campaign = Json.read(platform.http().get(platform.url(PlatformService.AWARENESS) + "/api/awareness/campaigns/" + campaignId,
                Map.of("Accept", "application/json")).body());
        String commitment = campaign.path("pledgeOptions").path(0).path("code").asText("");
        cases = List.of(
                new WriteCase("organization", PlatformService.DIRECTORY, "/api/directory/organizations", Caller.COALITION_ADMIN, () -> {
                    String slug = "st-mass-" + marker + "-" + UUID.randomUUID().toString().substring(0, 8);
                    ObjectNode body = Json.object().put("name", "System tests " + slug).put("slug", slug)
                            .put("description", "API3 mass assignment fixture").put("worksWithLawEnforcement", false);
                    body.putArray("regions").add("51");
                    body.putArray("languages").add("id");
                    return body;
                }, organizationExplicit, true),
                new WriteCase("referral", PlatformService.REFERRAL, "/api/referrals", Caller.caseworker(OwnedObjects.OWNER),
                        MassAssignment::referralDraft, referralExplicit, false),
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

    /** A draft referral of darkbali to traffic-lights, not submitted, without identity (also API6's burst body). */
    static ObjectNode referralDraft() {
        ObjectNode referral = Json.object().put("receivingOrganizationId", OwnedObjects.RECEIVER.id().toString())
                .put("categoryCode", "street-children-outreach").put("regionCode", "5171").put("urgency", "HIGH")
                .put("submit", false).put("note", "system-tests API3 fixture");
        referral.putObject("profile").put("ageBand", "12-17").put("gender", "FEMALE");
        ObjectNode consent = referral.putObject("consent").put("consentedBy", "SUBJECT")
                .put("consentedAt", Instant.now().minusSeconds(3600).toString()).put("mayContact", false);
        consent.putArray("shares").add("PROFILE").add("NOTE");
        consent.putArray("sharedWith").add(OwnedObjects.RECEIVER.id().toString());
        return referral;
    }

    List<WriteCase> cases() {
        return cases;
    }

    /**
     * Creates the write's baseline object (else nothing the attempts show is proven) and finds the candidates: the
     * members of the answer's schema and of the actual answer that the request schema lacks, and those the issue names.
     */
    Created create(WriteCase write) {
        OpenApi document = requests.platform().openApi(write.service());
        OpenApi.Operation create = operation(document, "POST", templateOf(document, "POST", write.createPath()));
        Set<String> requestMembers = members(document, create.bodySchema());
        JsonNode responseSchema = document.responseSchema(create);
        Set<String> candidates = new LinkedHashSet<>(members(document, responseSchema));
        candidates.removeAll(requestMembers);
        candidates.addAll(write.explicit().keySet());

        ObjectNode firstBody = write.baseline().get();
        Http.Exchange first = requests.send(write.service(), "POST", write.createPath(), write.caller(), Json.write(firstBody), Map.of());
        assertThat(first.status() / 100).as("the %s baseline is created, else nothing below is proven: %s", write.name(),
                first.describe()).isEqualTo(2);
        JsonNode answer = Json.read(first.body());
        // Members of the actual answer the request schema does not have count too, documented or not.
        answer.fieldNames().forEachRemaining(member -> {
            if (!requestMembers.contains(member)) {
                candidates.add(member);
            }
        });
        if (members(document, responseSchema).isEmpty()) {
            synchronized (this) {
                undocumented.add(write.service().module() + " " + create.key());
            }
        }
        return new Created(write, document, responseSchema, firstBody, answer, candidates);
    }

    /** POST (and PUT where the write updates) of each candidate member for which a plausible other value exists. */
    List<Attempt> attempts(Created created) {
        List<Attempt> attempts = new ArrayList<>();
        List<String> methods = created.write().alsoUpdate() ? List.of("POST", "PUT") : List.of("POST");
        for (String method : methods) {
            for (String member : created.candidates()) {
                JsonNode schema = created.document().resolve(created.responseSchema().path("properties").path(member));
                JsonNode value = created.write().explicit().containsKey(member) ? created.write().explicit().get(member)
                        : AssignedValues.plausible(member, schema, created.answer().get(member));
                if (value != null) {
                    attempts.add(new Attempt(created, method, member, value));
                }
            }
        }
        return attempts;
    }

    /** POST: a new baseline body with the member; PUT: the first body with the member, on the created object's ETag. */
    Sent send(Attempt attempt) {
        synchronized (this) {
            attempts++;
        }
        WriteCase write = attempt.created().write();
        if (attempt.method().equals("POST")) {
            ObjectNode body = write.baseline().get();
            body.set(attempt.member(), attempt.value());
            Http.Exchange answer = requests.send(write.service(), "POST", write.createPath(), write.caller(), Json.write(body), Map.of());
            return new Sent(answer, answer.status() / 100 == 2 ? readPathOf(write, answer) : null);
        }
        String path = write.createPath() + "/" + attempt.created().answer().path("id").asText();
        Http.Exchange current = requests.get(write.service(), path, write.caller());
        ObjectNode body = attempt.created().firstBody().deepCopy();
        body.set(attempt.member(), attempt.value());
        Http.Exchange answer = requests.send(write.service(), "PUT", path, write.caller(), Json.write(body),
                Map.of("If-Match", current.header("ETag").orElse("\"0\"")));
        return new Sent(answer, path);
    }

    /** Whether the answer, or the object read back, holds the value sent. */
    boolean taken(Attempt attempt, Sent sent) {
        boolean taken = AssignedValues.same(Json.read(sent.answer().body()).get(attempt.member()), attempt.value());
        if (!taken && sent.readPath() != null) {
            WriteCase write = attempt.created().write();
            Http.Exchange read = requests.get(write.service(), sent.readPath(), write.caller());
            taken = read.status() == 200 && AssignedValues.same(Json.read(read.body()).get(attempt.member()), attempt.value());
        }
        return taken;
    }

    synchronized void refused(Attempt attempt, int status) {
        outcomes.merge("refused (" + status + ")", 1, Integer::sum);
        checked.add(attempt.cell() + " → refused " + status);
    }

    synchronized void ignored(Attempt attempt) {
        outcomes.merge("ignored", 1, Integer::sum);
        checked.add(attempt.cell() + " → ignored");
    }

    synchronized void taken() {
        taken++;
    }

    /** The figures as they are now (the rows in place before the first attempt, final after the last). */
    synchronized void figures(Figures figures, String section) {
        figures.put(section, "writes checked (create, and update where the caller owns the object)", cases.stream().map(WriteCase::label).toList());
        figures.put(section, "mass-assignment attempts (members in the answer's schema, not in the request's, one at a time)", attempts);
        figures.put(section, "outcomes", new TreeMap<>(outcomes));
        figures.put(section, "writes whose answer has no documented schema (members taken from the answer itself)",
                undocumented.size() + (undocumented.isEmpty() ? "" : " " + undocumented));
        figures.put(section, "members taken", taken);
    }

    synchronized String note() {
        return "### API3 mass-assignment attempts\n\n" + String.join("\n", checked.stream().map(each -> "- " + each).toList());
    }

    private static String readPathOf(WriteCase write, Http.Exchange created) {
        JsonNode body = Json.parse(created.body()).orElse(Json.object());
        if (!body.hasNonNull("id") || write.caller().isAnonymous()) {
            return null;
        }
        return write.createPath() + "/" + body.get("id").asText();
    }

    private static Set<String> members(OpenApi document, JsonNode schema) {
        Set<String> members = new LinkedHashSet<>();
        if (schema != null) {
            document.resolve(schema).path("properties").fieldNames().forEachRemaining(members::add);
        }
        return members;
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
}
