package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mitra.local.PlatformService;

/**
 * Schema-driven fuzzing (issue 8): requests generated from each service's OpenAPI document, valid and mutated, sent
 * to the service directly and a share of them through the gateway, with tokens of every role and none. Pass: no 5xx,
 * every error with a body is problem+json whose status is the HTTP status, no stack trace in any answer, and the
 * databases consistent afterwards.
 *
 * <p>Seeded and reproducible: {@code -Dmitra.fuzz.seed=<n>} (printed at the start), {@code -Dmitra.fuzz.requests=<n>}
 * per service (default 10,000). Request {@code i} of a service is generated from its own random state, so a failure
 * names seed, service and index and is generated again the same way whatever the thread interleaving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5)
class FuzzIT {
    static final long DEFAULT_SEED = 20261124L;
    private static final int THREADS = 4;
    /** One request in this many is sent through the gateway as well. */
    private static final int GATEWAY_SHARE = 10;
    private static final int MAX_PRINTED = 15;

    private static final Figures FIGURES = new Figures("fuzz");
    private static SystemPlatform platform;
    private static KnownValues known;
    private static long seed;
    private static int requests;
    /** {@code -Dmitra.fuzz.index=<i>}: send only request i of each service, to reproduce one failure. */
    private static Integer only;
    /** {@code -Dmitra.fuzz.trace="POST /api/referrals"}: print every valid request of that operation and its answer. */
    private static final String TRACE = System.getProperty("mitra.fuzz.trace");

    @BeforeAll
    static void startPlatform() {
        seed = Long.getLong("mitra.fuzz.seed", DEFAULT_SEED);
        requests = Integer.getInteger("mitra.fuzz.requests", 10_000);
        only = Integer.getInteger("mitra.fuzz.index");
        System.out.println("FuzzIT: seed " + seed + " (-Dmitra.fuzz.seed), " + requests + " requests per service"
                + (only == null ? "" : ", only request #" + only + " (-Dmitra.fuzz.index)"));
        platform = SystemPlatform.get();
        known = KnownValues.collect(platform);
        FIGURES.put("run", "seed", seed).put("run", "requests per service (direct)", requests)
                .put("run", "share through the gateway", "1 in " + GATEWAY_SHARE).put("run", "threads", THREADS);
    }

    @AfterAll
    static void publishFigures() {
        FIGURES.put("run", "requests re-sent on a new connection (the server had closed the pooled one)", Http.RETRIES.get());
        FIGURES.publish();
    }

    // The directory goes last: its fuzzing suspends and changes organizations at random, which the other services'
    // valid requests (a referral needs a verified receiver) rely on.
    @Test
    @Order(3)
    void directoryService() throws Exception {
        fuzz(PlatformService.DIRECTORY);
    }

    @Test
    @Order(1)
    void referralService() throws Exception {
        fuzz(PlatformService.REFERRAL);
    }

    @Test
    @Order(2)
    void awarenessService() throws Exception {
        fuzz(PlatformService.AWARENESS);
    }

    @Test
    @Order(4)
    void databasesAreConsistentAfterwards() throws Exception {
        List<String> violations = new ArrayList<>();
        long begin = System.nanoTime();
        // The relays publish every few hundred milliseconds; anything still unsent after this wait is stuck.
        for (PlatformService service : List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL, PlatformService.AWARENESS)) {
            long unsent = -1;
            for (int attempt = 0; attempt < 60 && unsent != 0; attempt++) {
                unsent = count(service, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
                if (unsent != 0) {
                    Thread.sleep(500);
                }
            }
            FIGURES.put("consistency", service.module() + ": outbox rows unsent after the wait", unsent);
            FIGURES.put("consistency", service.module() + ": outbox rows", count(service, "SELECT count(*) FROM outbox_event"));
            if (unsent != 0) {
                violations.add(service.module() + ": " + unsent + " outbox rows never published");
            }
        }
        Map<String, String> invariants = new LinkedHashMap<>();
        // Every referral's status is where its history leads (ReferralWorkflow records every step, creation included).
        invariants.put("referral: status differs from its last history entry's", """
                SELECT count(*) FROM referral r WHERE r.status IS DISTINCT FROM (
                  SELECT h.to_status FROM referral_history h WHERE h.referral_id = r.id ORDER BY h.position DESC LIMIT 1)""");
        invariants.put("referral: history entry not starting where the previous one ended", """
                SELECT count(*) FROM (SELECT from_status, lag(to_status) OVER (PARTITION BY referral_id ORDER BY position) AS previous,
                  row_number() OVER (PARTITION BY referral_id ORDER BY position) AS n FROM referral_history) h
                WHERE h.n > 1 AND h.from_status IS DISTINCT FROM h.previous""");
        invariants.put("referral: first history entry is not the creation of a draft", """
                SELECT count(*) FROM (SELECT action, from_status, to_status,
                  row_number() OVER (PARTITION BY referral_id ORDER BY position) AS n FROM referral_history) h
                WHERE h.n = 1 AND (h.from_status IS NOT NULL OR h.to_status <> 'DRAFT')""");
        // docs/referrals.md §3–4: no referral is submitted without recorded consent; a withdrawal cancels what is open.
        invariants.put("referral: open and submitted without consent, or with consent withdrawn", """
                SELECT count(*) FROM referral WHERE status IN ('REQUESTED','ACCEPTED','IN_PROGRESS','ON_HOLD')
                  AND (consent IS NULL OR consent_withdrawn_at IS NOT NULL)""");
        invariants.put("referral: submitted but no time of request", """
                SELECT count(*) FROM referral WHERE status <> 'DRAFT' AND requested_at IS NULL
                  AND EXISTS (SELECT 1 FROM referral_history h WHERE h.referral_id = referral.id AND h.action = 'submit')""");
        // docs/referrals.md §6: intervention-slice referrals carry a law-enforcement reference.
        invariants.put("referral: intervention without law-enforcement reference", """
                SELECT count(*) FROM referral WHERE slice = 'intervention'
                  AND (law_enforcement_agency IS NULL OR law_enforcement_report_number IS NULL)""");
        invariants.put("referral: sent to its own organization", """
                SELECT count(*) FROM referral WHERE sending_organization_id = receiving_organization_id""");
        Map<String, String> awareness = new LinkedHashMap<>();
        awareness.put("awareness: pledge without its campaign", """
                SELECT count(*) FROM pledge p WHERE NOT EXISTS (SELECT 1 FROM campaign c WHERE c.id = p.campaign_id)""");
        awareness.put("awareness: e-mail kept without contact consent", """
                SELECT count(*) FROM pledge WHERE email IS NOT NULL AND NOT contact_consent""");
        awareness.put("awareness: registration without its activity", """
                SELECT count(*) FROM registration g WHERE NOT EXISTS (SELECT 1 FROM activity a WHERE a.id = g.activity_id)""");
        Map<String, String> directory = new LinkedHashMap<>();
        directory.put("directory: service without its organization", """
                SELECT count(*) FROM service s WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = s.organization_id)""");
        check(PlatformService.REFERRAL, invariants, violations);
        check(PlatformService.AWARENESS, awareness, violations);
        check(PlatformService.DIRECTORY, directory, violations);
        FIGURES.put("consistency", "referrals in the database", count(PlatformService.REFERRAL, "SELECT count(*) FROM referral"));
        FIGURES.put("consistency", "pledges in the database", count(PlatformService.AWARENESS, "SELECT count(*) FROM pledge"));
        FIGURES.put("consistency", "services in the database", count(PlatformService.DIRECTORY, "SELECT count(*) FROM service"));
        FIGURES.put("consistency", "check duration", String.format("%.1f s", (System.nanoTime() - begin) / 1e9));
        assertThat(violations).as("database invariants after fuzzing").isEmpty();
    }

    private static void check(PlatformService service, Map<String, String> invariants, List<String> violations) throws SQLException {
        for (Map.Entry<String, String> invariant : invariants.entrySet()) {
            long rows = count(service, invariant.getValue());
            FIGURES.put("consistency", invariant.getKey(), rows);
            if (rows != 0) {
                violations.add(invariant.getKey() + ": " + rows + " rows");
            }
        }
    }

    private static long count(PlatformService service, String sql) throws SQLException {
        try (Connection connection = platform.database(service); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void fuzz(PlatformService service) throws Exception {
        OpenApi document = platform.openApi(service);
        List<OpenApi.Operation> operations = document.operations().stream()
                .filter(operation -> operation.path().startsWith("/api/")).toList();
        assertThat(operations).as(service.module() + " operations").isNotEmpty();
        if (only == null) {
            assertThat(requests).as("-Dmitra.fuzz.requests").isPositive();
        }
        FuzzRequests generator = new FuzzRequests(document, known);
        String direct = platform.url(service);
        String gateway = platform.url(PlatformService.GATEWAY);
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> excused = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> violationCounts = new ConcurrentHashMap<>();
        long streamSeed = seed ^ (0x9E3779B97F4A7C15L * (service.ordinal() + 1));
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int index = thread; index < requests; index += THREADS) {
                        if (only != null && index != only) {
                            continue;
                        }
                        Random random = new Random(streamSeed + 0x632BE59BD9B4E019L * index);
                        OpenApi.Operation operation = operations.get(random.nextInt(operations.size()));
                        FuzzRequests.Case request = generator.next(operation, random);
                        // Decided apart from the generation, so the share does not move when a document changes.
                        boolean viaGateway = new Random(streamSeed + 0x2545F4914F6CDD1DL * (index + 1)).nextInt(GATEWAY_SHARE) == 0;
                        send(service, "direct", direct, request, index, counts, failures, excused, violationCounts);
                        if (viaGateway) {
                            send(service, "gateway", gateway, request, index, counts, failures, excused, violationCounts);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : work) {
                each.get(12, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        String section = service.module();
        long total = counts.entrySet().stream().filter(entry -> entry.getKey().endsWith(":all")).mapToLong(entry -> entry.getValue().get()).sum();
        FIGURES.put(section, "operations in the OpenAPI document", operations.size());
        FIGURES.put(section, "requests sent (direct + gateway)", total);
        for (String route : List.of("direct", "gateway")) {
            FIGURES.put(section, "requests " + route, value(counts, route + ":all"));
            for (String statusClass : List.of("2xx", "3xx", "4xx", "5xx")) {
                FIGURES.put(section, route + " " + statusClass, value(counts, route + ":" + statusClass));
            }
        }
        FIGURES.put(section, "valid requests (built from the schemas)", value(counts, "kind:valid"));
        FIGURES.put(section, "5xx seen", value(violationCounts, "SERVER_ERROR"));
        FIGURES.put(section, "errors not problem+json", value(violationCounts, "NOT_PROBLEM_JSON"));
        FIGURES.put(section, "problem status differing from HTTP status", value(violationCounts, "PROBLEM_STATUS_MISMATCH"));
        FIGURES.put(section, "problems without type or title", value(violationCounts, "PROBLEM_WITHOUT_TYPE_OR_TITLE"));
        FIGURES.put(section, "answers with a stack trace", value(violationCounts, "STACK_TRACE"));
        FIGURES.put(section, "requests without an answer", value(violationCounts, "NO_ANSWER"));
        Map<String, Long> byFinding = new java.util.TreeMap<>();
        synchronized (excused) {
            excused.forEach(each -> byFinding.merge(each.substring(0, each.indexOf(' ')), 1L, Long::sum));
        }
        FIGURES.put(section, "known findings excluded (KnownFindings)", excused.size() + (byFinding.isEmpty() ? "" : " " + byFinding));
        FIGURES.put(section, "duration", String.format("%.1f s (%.0f requests/s)", took.toMillis() / 1000.0, total * 1000.0 / Math.max(1, took.toMillis())));
        System.out.printf("FuzzIT %s: %d requests in %.1f s, %d failures, %d known findings%n", service.module(), total,
                took.toMillis() / 1000.0, failures.size(), excused.size());
        synchronized (excused) {
            excused.stream().limit(5).forEach(finding -> System.out.println("KNOWN FINDING " + finding));
        }
        List<String> shown;
        synchronized (failures) {
            shown = failures.stream().limit(MAX_PRINTED).toList();
        }
        shown.forEach(failure -> System.out.println("FUZZ FAILURE " + failure + "\n"));
        assertThat(failures).as("%s: %d requests violated the API conventions (seed %d); first ones:%n%s", service.module(),
                failures.size(), seed, String.join("\n\n", shown)).isEmpty();
    }

    private static long value(Map<String, AtomicLong> counts, String key) {
        AtomicLong count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    private static void send(PlatformService service, String route, String base, FuzzRequests.Case request, int index,
            Map<String, AtomicLong> counts, List<String> failures, List<String> known, Map<String, AtomicLong> violationCounts) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        request.caller().authorization(platform.tokens()).ifPresent(value -> headers.put("Authorization", value));
        String label = "seed " + seed + " " + service.module() + " #" + index + " " + route + " [" + request.kind() + ", as "
                + request.caller() + ", " + request.operation().key() + "]";
        Http.Exchange response;
        try {
            response = platform.http().send(request.method(), base + request.pathAndQuery(), headers, request.body());
        } catch (RuntimeException e) {
            violationCounts.computeIfAbsent("NO_ANSWER", key -> new AtomicLong()).incrementAndGet();
            failures.add(label + " NO_ANSWER: " + e.getMessage());
            return;
        }
        if (TRACE != null && TRACE.equals(request.operation().key()) && request.kind().equals("valid")) {
            System.out.println("TRACE " + label + "\n" + response.describe());
        }
        counts.computeIfAbsent(route + ":all", key -> new AtomicLong()).incrementAndGet();
        counts.computeIfAbsent(route + ":" + (response.status() / 100) + "xx", key -> new AtomicLong()).incrementAndGet();
        if (route.equals("direct")) {
            counts.computeIfAbsent("kind:" + request.kind(), key -> new AtomicLong()).incrementAndGet();
        }
        for (ResponseChecks.Finding finding : ResponseChecks.check(response)) {
            violationCounts.computeIfAbsent(finding.violation().name(), key -> new AtomicLong()).incrementAndGet();
            var excused = KnownFindings.excuse(request.operation().key(), response, finding.violation().name());
            if (excused.isPresent()) {
                known.add(excused.get().id() + " " + label);
            } else {
                failures.add(label + " " + finding.violation() + " (" + finding.detail() + ")\n" + response.describe()
                        + KnownFindings.errorLogged(request.operation().service().module(), response));
            }
        }
    }
}
