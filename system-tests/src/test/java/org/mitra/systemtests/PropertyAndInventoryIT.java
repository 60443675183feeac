package org.mitra.systemtests;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.mitra.local.PlatformService;

/**
 * OWASP API Security Top 10 (2023), the parts after SecurityIT (issue 8): API3 property level (mass assignment and
 * fields a caller may not see), API4 resource consumption (page size, page depth, body size, string length), API9
 * inventory (the documents match the real routes, nothing undocumented answers, no dev endpoints in prod) and API6
 * sensitive flows (pledges and referrals cannot be automated past the gateway's limits). Each property is a factory of
 * named cases derived from the OpenAPI documents (a write and a member, a caller and a GET, a list and a query, an
 * operation, a route and a caller), each failing on its own. The figures go to target/figures/security.md with
 * SecurityIT's, the counts of cases among them.
 *
 * <p>The properties share only what is made before any of them (darkbali's objects, the values known on the platform)
 * and make the rest themselves, so they run in any order. API6 drains this address's anonymous-writes bucket at the
 * gateway and a fresh subject's authenticated one; no other case here writes anonymously through the gateway. The class
 * runs before FuzzIT ({@code @Order} on classes).
 */
@Order(4)
class PropertyAndInventoryIT {
    private static final Figures FIGURES = SecurityIT.FIGURES;
    private static final String API3 = "API3 property level";
    private static final String API4 = "API4 resource consumption";
    private static final String API9 = "API9 inventory";
    private static final String API6 = "API6 sensitive flows";

    private static Requests requests;
    private static OwnedObjects owned;
    private static String campaignId;

    @BeforeAll
    static void startPlatform() {
        SystemPlatform platform = SystemPlatform.get();
        owned = OwnedObjects.create(platform);
        KnownValues known = KnownValues.collect(platform);
        owned.ids().forEach(known::add);
        requests = new Requests(platform, known);
        campaignId = owned.id("campaigns").orElseThrow();
    }

    @AfterAll
    static void publishFigures() {
        FIGURES.publish();
    }

    /** API3 (a): each member a write's answer has and its request lacks, sent with another value, is refused or ignored. */
    @TestFactory
    Stream<DynamicContainer> api3MembersACallerMayNotSetAreIgnoredOrRefused() {
        MassAssignment writes = new MassAssignment(requests, campaignId);
        Verdict verdict = new Verdict(FIGURES, "API3", API3, "members a caller may not set");
        Runnable figures = Cases.figures(() -> writes.figures(FIGURES, API3), verdict);
        return writes.cases().stream().map(write -> dynamicContainer(write.label(), Cases.lazily(() -> writes.attempts(writes.create(write))
                .stream().map(attempt -> dynamicTest(attempt.name(), () -> verdict.check(assign(writes, attempt)))))))
                .onClose(() -> {
                    figures.run();
                    FIGURES.note(writes.note());
                });
    }

    private static List<String> assign(MassAssignment writes, MassAssignment.Attempt attempt) {
        MassAssignment.Sent sent = writes.send(attempt);
        Http.Exchange answer = sent.answer();
        List<String> failures = Cases.withResponseChecks(new ArrayList<>(), answer, attempt.cell());
        if (List.of(400, 403, 422).contains(answer.status())) {
            writes.refused(attempt, answer.status());
        } else if (answer.status() / 100 != 2) {
            failures.add("UNEXPECTED " + attempt.cell() + "\n" + answer.describe());
        } else if (writes.taken(attempt, sent)) {
            writes.taken();
            failures.add("TAKEN " + attempt.cell() + ": the answer or the object read back holds the value sent\n" + answer.describe());
        } else {
            writes.ignored(attempt);
        }
        return failures;
    }

    /** API3 (b): no 2xx answer of any GET carries a secret to a caller that may not see it there. */
    @TestFactory
    Stream<DynamicContainer> api3NoAnswerShowsACallerWhatItMayNotSee() {
        Secrets secrets = Secrets.store(requests, owned, campaignId);
        Verdict verdict = new Verdict(FIGURES, "API3", API3, "fields a caller may not see");
        Runnable figures = Cases.figures(() -> secrets.figures(FIGURES, API3), verdict);
        List<Secrets.Get> crawl = secrets.crawl();
        return secrets.callers().stream().map(caller -> dynamicContainer("as " + caller, crawl.stream()
                .map(get -> dynamicTest(get.name(), () -> verdict.check(scan(secrets, caller, get)))))).onClose(figures);
    }

    private static List<String> scan(Secrets secrets, Caller caller, Secrets.Get get) {
        Http.Exchange answer = requests.get(get.service(), get.pathAndQuery(), caller);
        List<String> failures = new ArrayList<>();
        if (answer.status() / 100 != 2) {
            return failures;
        }
        secrets.scanned(caller);
        String path = URI.create(answer.request().url()).getPath();
        for (Secrets.Secret secret : secrets.all()) {
            boolean allowedHere = secret.allowed().contains(caller) && secret.allowedPathSuffix() != null
                    && path.endsWith(secret.allowedPathSuffix());
            if (!secret.forbidden().contains(caller) && !secret.allowed().contains(caller)) {
                continue;
            }
            secrets.cell();
            if (answer.body() != null && answer.body().contains(secret.marker()) && !allowedHere) {
                secrets.leak();
                failures.add("LEAK " + secret.name() + " to " + caller + " at " + answer.request().method() + " " + path + "\n"
                        + answer.describe());
            }
        }
        return failures;
    }

    /**
     * API4: every paged list refuses oversized and negative pages (400 naming size or page); a 2 MB body gets 413
     * problem+json at each service and through the gateway; each string member one character over its maxLength gets
     * a 400 naming it.
     */
    @TestFactory
    Stream<DynamicContainer> api4PagesBodiesAndStringsAreBounded() {
        ResourceBounds bounds = new ResourceBounds(requests, owned.ids());
        Verdict verdict = new Verdict(FIGURES, "API4", API4, "resource consumption bounds");
        Runnable figures = Cases.figures(() -> bounds.figures(FIGURES, API4), verdict);
        return Stream.of(
                dynamicContainer("page size and depth", ResourceBounds.SERVICES.stream().flatMap(service -> bounds.pagedOperations(service)
                        .stream().map(operation -> dynamicContainer(service.module() + " " + operation.key(),
                                Cases.lazily(() -> pages(bounds, service, operation, verdict)))))),
                dynamicContainer("2 MB bodies", Cases.lazily(() -> oversizedBodies(bounds, verdict))),
                dynamicContainer("strings one character over their maxLength", ResourceBounds.SERVICES.stream()
                        .flatMap(service -> bounds.longStrings(service).stream()).map(string -> dynamicTest(string.name(),
                                () -> verdict.check(overLong(bounds, string))))))
                .onClose(figures);
    }

    /** The page queries of one list, as the first documented caller whose control (size 100) answers 200. */
    private static Stream<DynamicTest> pages(ResourceBounds bounds, PlatformService service, OpenApi.Operation operation, Verdict verdict) {
        return bounds.pagedList(service, operation).map(list -> ResourceBounds.PAGE_QUERIES.stream()
                .map(query -> dynamicTest(query + " as " + list.caller(), () -> {
                    Http.Exchange answer = bounds.page(service, list, query);
                    String cell = service.module() + " " + operation.key() + "?" + query + " as " + list.caller();
                    String member = query.startsWith("size") ? "size" : "page";
                    List<String> failures = new ArrayList<>();
                    if (answer.status() != 400 || !ValidationErrors.namesField(answer, member)) {
                        failures.add("NOT BOUNDED " + cell + ": expected 400 naming " + member + "\n" + answer.describe());
                    }
                    verdict.check(Cases.withResponseChecks(failures, answer, cell));
                })))
                .orElseGet(() -> Stream.of(dynamicTest("not checked", () -> Assumptions.abort("no control with size=100 answered 200"))));
    }

    /** A 2 MB body to the first protected write of each service, directly and through the gateway. */
    private static Stream<DynamicTest> oversizedBodies(ResourceBounds bounds, Verdict verdict) {
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        return ResourceBounds.SERVICES.stream().map(bounds::protectedWrite).flatMap(write -> Stream.of(write.service(), PlatformService.GATEWAY)
                .map(target -> dynamicTest(write.name() + " at " + target.module(), () -> {
                    Http.Exchange answer = bounds.oversized(target, write, big);
                    String cell = "2 MB body to " + write.name() + " at " + target.module();
                    List<String> failures = new ArrayList<>();
                    if (answer.status() != 413) {
                        failures.add("NOT 413 " + cell + "\n" + answer.describe());
                    }
                    Cases.withResponseChecks(failures, answer, cell);
                    if (answer.body() == null || answer.body().isBlank()) {
                        failures.add("413 WITHOUT PROBLEM BODY " + cell + "\n" + answer.describe());
                    }
                    verdict.check(failures);
                })));
    }

    /** The member one character over its maxLength: a 400 naming it. */
    private static List<String> overLong(ResourceBounds bounds, ResourceBounds.LongString string) {
        Http.Exchange answer = bounds.overLong(string).orElseGet(() -> Assumptions.abort("the generated body is no object"));
        List<String> failures = new ArrayList<>();
        if (answer.status() != 400 || !ValidationErrors.namesField(answer, string.member())) {
            failures.add("LONG STRING NOT REFUSED " + string.name() + ": expected 400 naming it\n" + answer.describe());
        }
        return Cases.withResponseChecks(failures, answer, string.name());
    }

    /**
     * API9: every documented operation (three services and the gateway) meets a route; PATCH, documented nowhere, finds
     * none on any documented path; plausible undocumented routes get a 4xx, development endpoints a 404.
     */
    @TestFactory
    Stream<DynamicContainer> api9TheDocumentsMatchTheRoutesAndNothingElseAnswers() {
        Inventory inventory = new Inventory(requests, owned.ids());
        Verdict verdict = new Verdict(FIGURES, "API9", API9, "inventory");
        Runnable figures = Cases.figures(() -> inventory.figures(FIGURES, API9), verdict);
        Stream<DynamicNode> documented = Inventory.WITH_DOCUMENTS.stream().flatMap(service -> inventory.operations(service).stream()
                .map(operation -> dynamicTest(service.module() + " " + operation.key(), () -> {
                    Http.Exchange answer = inventory.call(service, operation);
                    verdict.check(Inventory.noRoute(answer) ? List.of("DOCUMENTED BUT NO ROUTE " + service.module() + " " + operation.key()
                            + "\n" + answer.describe()) : List.of());
                })));
        Stream<DynamicNode> patches = inventory.pathsWithoutPatch().stream().map(path -> dynamicTest(path.service().module() + " PATCH "
                + path.template(), () -> {
                    Http.Exchange answer = inventory.patch(path);
                    List<String> failures = new ArrayList<>();
                    if (!List.of(404, 405).contains(answer.status())) {
                        failures.add("UNDOCUMENTED PATCH ANSWERED " + path.service().module() + " " + path.template() + "\n" + answer.describe());
                    }
                    verdict.check(Cases.withResponseChecks(failures, answer, "PATCH " + path.template()));
                }));
        Stream<DynamicNode> probes = Inventory.WITH_DOCUMENTS.stream().flatMap(target -> inventory.probes().stream()
                .flatMap(probe -> Inventory.PROBING.stream().map(caller -> {
                    String cell = "GET " + probe + " at " + target.module() + " as " + caller;
                    return dynamicTest(cell, () -> {
                        Http.Exchange answer = inventory.probe(target, probe, caller);
                        // Not served in prod: 404 for a caller with a token (without one, an edge may ask for it first: 401).
                        boolean devServed = probe.startsWith("/q/dev") && answer.status() != 404 && !(caller.isAnonymous() && answer.status() == 401);
                        boolean answered = answer.status() < 400 || answer.status() >= 500 || devServed;
                        verdict.check(answered ? List.of("UNDOCUMENTED ROUTE ANSWERED " + cell + "\n" + answer.describe()) : List.of());
                    });
                })));
        return Stream.of(dynamicContainer("documented operations", documented), dynamicContainer("PATCH on every documented path", patches),
                dynamicContainer("undocumented routes", probes)).onClose(figures);
    }

    /**
     * API6: anonymous pledges through the gateway get a 429 problem+json with Retry-After from its anonymous-writes
     * policy within capacity + 1; one caseworker's referral burst gets the authenticated policy's 429 after no more
     * referrals than the capacity, the refill during the burst and 4 in flight.
     */
    @TestFactory
    Stream<DynamicTest> api6PledgesAndReferralsCannotBeAutomatedPastTheGatewaysLimits() {
        GatewayLimits limits = new GatewayLimits(requests);
        Verdict verdict = new Verdict(FIGURES, "API6", API6, "sensitive business flows");
        return Stream.of(dynamicTest("anonymous pledges through the gateway", () -> {
            int capacity = limits.capacity("anonymous-writes");
            GatewayLimits.Pledges pledges = limits.anonymousPledges(campaignId, capacity);
            FIGURES.put(API6, "gateway policy anonymous-writes (capacity per client address)", capacity + " per "
                    + limits.periodOf("anonymous-writes"));
            FIGURES.put(API6, "anonymous pledges through the gateway until the first 429", pledges.sent() + " (" + pledges.accepted() + " created)");
            verdict.check(GatewayLimits.checkRefusal(FIGURES, API6, "anonymous pledges", pledges.refused(), "anonymous-writes", capacity));
        }), dynamicTest("referral creation by one caseworker through the gateway", () -> {
            int capacity = limits.capacity("authenticated");
            GatewayLimits.Burst burst = limits.referralBurst(capacity * 3);
            FIGURES.put(API6, "gateway policy authenticated (capacity per token subject)", capacity + " per " + limits.periodOf("authenticated"));
            FIGURES.put(API6, "referrals created by one caseworker through the gateway before the first 429", burst.created());
            List<String> failures = new ArrayList<>();
            if (burst.unexpected() != null) {
                failures.add("UNEXPECTED answer while creating referrals (they must be created until refused)\n" + burst.unexpected().describe());
            }
            failures.addAll(GatewayLimits.checkRefusal(FIGURES, API6, "referral creation", burst.firstRefusal(), "authenticated", capacity));
            long bound = burst.bound(capacity, GatewayLimits.period(limits.periodOf("authenticated")));
            FIGURES.put(API6, "referral burst: seconds, bound (capacity + refill during the burst + 4 in flight)",
                    String.format("%.1f s, %d (warm-up requests: %d)", burst.seconds(), bound, burst.warmUp()));
            if (burst.created() + burst.warmUp() > bound) {
                failures.add("referral creation: " + burst.created() + " referrals created before a 429, more than the bound " + bound);
            }
            verdict.check(failures);
        })).onClose(verdict::figures);
    }
}
