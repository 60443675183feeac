package org.mitra.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.local.faults.Platform.await;
import static org.mitra.local.faults.Platform.pause;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mitra.local.LocalPlatform.Infrastructure;
import org.mitra.local.PlatformService;

/**
 * Issue 8's faults against the platform running as separate processes (real PostgreSQL, Kafka, Keycloak, the
 * four services): each fault is injected for real (a server stopped, a JVM killed with SIGKILL) while the
 * platform is in use, and each test checks its pass criterion. The figures are printed at the end and kept in
 * {@code target/figures/faults.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    private static final UUID DARKBALI = UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000001");
    private static final UUID FLUX_LIFEHOUSE = UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000004");
    private static final String SENDER = "darkbali-caseworker";
    private static final String RECEIVER = "flux-lifehouse-caseworker";
    private static final String CATEGORY = "skills-training";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KEY_ROTATION_LIMIT = Duration.ofSeconds(10);
    private static final Duration KEYCLOAK_OUTAGE = Duration.ofSeconds(Long.getLong("mitra.faults.keycloak-outage-seconds", 120));

    private static Platform platform;
    private static final Figures FIGURES = new Figures("faults");

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start("deploy/local/target/faults-runtime");
        await("the receiver in referral-service's read model", Duration.ofSeconds(60), () -> platform.get(PlatformService.REFERRAL,
                "/api/referrals/matches?category=" + CATEGORY + "&region=5171", platform.token(SENDER)).body().contains(FLUX_LIFEHOUSE.toString()));
    }

    @AfterAll
    static void stopPlatform() {
        FIGURES.print();
        if (platform != null) {
            platform.close();
        }
    }

    /** Fault 5: 50 concurrent conflicting transitions on one referral: exactly one wins; history and state agree. */
    @Test
    @Order(1)
    void concurrentConflictingTransitionsHaveOneWinner() throws Exception {
        UUID referral = createReferral("5171");
        String receiver = platform.token(RECEIVER);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Platform.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> action = i % 2 == 0 ? Map.of("action", "accept") : Map.of("action", "reject", "reasonCode", "NO_CAPACITY");
            answers.add(pool.submit(() -> {
                start.await();
                return platform.post(PlatformService.REFERRAL, "/api/referrals/" + referral + "/transitions", receiver, action);
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Future<Platform.Answer> answer : answers) {
            statuses.merge(answer.get(30, TimeUnit.SECONDS).status(), 1, Integer::sum);
        }
        pool.shutdown();

        String state = platform.get(PlatformService.REFERRAL, "/api/referrals/" + referral, receiver).json().path("status").asText();
        JsonNode history = platform.get(PlatformService.REFERRAL, "/api/referrals/" + referral + "/history", receiver).json();
        List<String> after = new ArrayList<>();
        history.forEach(entry -> after.add(entry.path("toStatus").asText(entry.path("status").asText())));
        FIGURES.add("5 concurrent transitions", "50 accept/reject at once", "statuses " + statuses + ", final " + state);
        assertThat(statuses.get(200)).as("winners among %s", statuses).isEqualTo(1);
        assertThat(statuses.keySet()).as("losers get 409 or 412, never 5xx").allMatch(s -> s == 200 || s == 409 || s == 412);
        assertThat(state).isIn("ACCEPTED", "REJECTED");
        assertThat(after.get(after.size() - 1)).as("history ends in the state: %s", history).isEqualTo(state);
        assertThat(after.stream().filter(s -> s.equals("ACCEPTED") || s.equals("REJECTED")).count()).isEqualTo(1);
    }

    /** Fault 4: one service down behind the gateway: its routes answer 503 quickly, the others keep their latency. */
    @Test
    @Order(2)
    void oneServiceDownBehindTheGateway() {
        String admin = platform.token("coalition-admin");
        Duration before = medianLatency(() -> platform.get(PlatformService.GATEWAY, "/api/directory/me", admin));
        platform.platform.stop(PlatformService.AWARENESS);
        try {
            List<Platform.Answer> down = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                down.add(platform.get(PlatformService.GATEWAY, "/api/awareness/campaigns", null));
            }
            Duration during = medianLatency(() -> platform.get(PlatformService.GATEWAY, "/api/directory/me", admin));
            Duration slowest = down.stream().map(Platform.Answer::took).max(Duration::compareTo).orElseThrow();
            FIGURES.add("4 service down behind gateway", "awareness stopped",
                    "its routes " + down.stream().map(Platform.Answer::status).distinct().toList() + " within " + slowest.toMillis()
                            + " ms; directory median " + before.toMillis() + " ms before, " + during.toMillis() + " ms during");
            assertThat(down).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.isProblem()).isTrue();
            });
            assertThat(slowest).isLessThan(Duration.ofSeconds(3));
            assertThat(during).isLessThan(before.multipliedBy(3).plusMillis(50));
        } finally {
            assertThat(platform.platform.start(PlatformService.AWARENESS)).isTrue();
        }
    }

    /**
     * Fault 3: PostgreSQL stopped for 20 s under load: readiness DOWN, callers get 503 problem+json (no hangs, no
     * 500s), no half-written referral or outbox row, and the service ready and serving within 10 s of its return.
     */
    @Test
    @Order(3)
    void postgresStoppedUnderLoad() throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        Set<UUID> created = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        String sender = platform.token(SENDER);
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int worker = 0; worker < 3; worker++) {
            boolean writer = worker < 2;
            load.submit(() -> {
                while (running.get()) {
                    Platform.Answer answer = writer
                            ? platform.post(PlatformService.REFERRAL, "/api/referrals", sender, referralBody("5102"))
                            : platform.get(PlatformService.REFERRAL, "/api/referrals?box=sent&size=20", sender);
                    statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
                    if (answer.status() == 201) {
                        created.add(UUID.fromString(answer.json().path("id").asText()));
                    } else if (answer.status() != 200 && !(answer.status() == 503 && answer.isProblem())) {
                        bad.add(answer.status() + " " + answer.contentType() + " after " + answer.took().toMillis() + " ms: "
                                + answer.body().substring(0, Math.min(200, answer.body().length())));
                    }
                    pause(Duration.ofMillis(20));
                }
                return null;
            });
        }
        pause(Duration.ofSeconds(3));
        Instant stopped = Instant.now();
        platform.platform.stop(Infrastructure.POSTGRES);
        Duration down;
        try {
            down = await("referral-service readiness DOWN", Duration.ofSeconds(20), () -> !platform.ready(PlatformService.REFERRAL));
            pause(Duration.ofSeconds(20).minus(Duration.between(stopped, Instant.now())));
        } finally {
            platform.platform.start(Infrastructure.POSTGRES);
        }
        Duration back = await("referral-service ready again", Duration.ofSeconds(30), () -> platform.ready(PlatformService.REFERRAL));
        Platform.Answer serving = platform.post(PlatformService.REFERRAL, "/api/referrals", sender, referralBody("5102"));
        pause(Duration.ofSeconds(2));
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        long halfWritten;
        long missing;
        try (Connection db = platform.database("referral")) {
            halfWritten = count(db, """
                    SELECT count(*) FROM referral r WHERE r.status <> 'DRAFT' AND (
                        NOT EXISTS (SELECT 1 FROM referral_history h WHERE h.referral_id = r.id)
                        OR NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.kafka_key = r.id::text))""");
            missing = created.stream().filter(id -> countUnchecked(db, "SELECT count(*) FROM referral WHERE id = '" + id + "'") == 0).count();
        }
        Map<Integer, Integer> seen = new HashMap<>();
        statuses.forEach((status, n) -> seen.put(status, n.get()));
        FIGURES.add("3 PostgreSQL stopped 20 s", "referral writes and reads under load",
                "answers " + seen + ", readiness DOWN after " + down.toMillis() + " ms, ready " + back.toMillis()
                        + " ms after PostgreSQL's return, half-written referrals " + halfWritten + ", lost 201s " + missing);
        assertThat(bad).as("answers other than 200/201/503 problem+json (0 = timeout)").isEmpty();
        assertThat(seen).containsKey(503);
        assertThat(back).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(serving.status()).as(serving.body()).isEqualTo(201);
        assertThat(halfWritten).isZero();
        assertThat(missing).isZero();
    }

    /**
     * Fault 7: Keycloak stopped for two minutes: valid tokens keep working everywhere (keys cached), no 5xx, new
     * logins fail cleanly, and logins work again within 60 s of its return.
     */
    @Test
    @Order(4)
    void keycloakStopped() {
        String caseworker = platform.token(SENDER);
        String liaison = platform.token("gov-liaison");
        platform.platform.stop(Infrastructure.KEYCLOAK);
        Map<Integer, Integer> statuses = new HashMap<>();
        int calls = 0;
        Platform.Answer login;
        try {
            login = platform.login(SENDER, "mitra-demo");
            Instant until = Instant.now().plus(KEYCLOAK_OUTAGE);
            while (Instant.now().isBefore(until)) {
                for (Platform.Answer answer : List.of(
                        platform.get(PlatformService.DIRECTORY, "/api/directory/me", caseworker),
                        platform.get(PlatformService.REFERRAL, "/api/referrals?box=sent&size=1", caseworker),
                        platform.get(PlatformService.AWARENESS, "/api/awareness/feeds/reach", liaison),
                        platform.get(PlatformService.GATEWAY, "/api/referrals?box=sent&size=1", caseworker),
                        platform.get(PlatformService.GATEWAY, "/api/directory/me", caseworker))) {
                    statuses.merge(answer.status(), 1, Integer::sum);
                    calls++;
                }
                pause(Duration.ofSeconds(2));
            }
        } finally {
            platform.platform.start(Infrastructure.KEYCLOAK);
        }
        Duration back = await("a new login", Duration.ofSeconds(60), () -> platform.login(SENDER, "mitra-demo").status() == 200);
        FIGURES.add("7 Keycloak stopped " + KEYCLOAK_OUTAGE.toSeconds() + " s", calls + " calls with cached tokens",
                "answers " + statuses + "; a login during the outage: " + (login.status() == 0 ? "refused at once (" + login.took().toMillis()
                        + " ms)" : login.status()) + "; logins again " + back.toSeconds() + " s after its return");
        assertThat(statuses).containsOnlyKeys(200);
        assertThat(login.status()).as("no Keycloak, no token").isNotEqualTo(200);
        assertThat(login.took()).isLessThan(Platform.REQUEST_TIMEOUT);
    }

    /** Fault 2: a consuming service killed with SIGKILL in the middle of a stream of events: 0 lost, 0 applied twice. */
    @Test
    @Order(5)
    void consumerKilledMidStream() throws Exception {
        String region = "5104";
        long before = demand(region, "requested");
        int events = 600;
        List<UUID> eventIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService producer = Executors.newSingleThreadExecutor();
        Future<?> stream = producer.submit(() -> {
            try (Events kafka = new Events(platform.settings.kafkaBootstrapServers())) {
                for (int i = 0; i < events; i++) {
                    eventIds.add(kafka.requested(UUID.randomUUID(), CATEGORY, region));
                    pause(Duration.ofMillis(10));
                }
            }
            return null;
        });
        pause(Duration.ofSeconds(2));
        platform.platform.kill(PlatformService.DIRECTORY);
        stream.get(2, TimeUnit.MINUTES);
        producer.shutdown();
        assertThat(platform.platform.start(PlatformService.DIRECTORY)).isTrue();

        Duration caughtUp = await("every event counted", Duration.ofSeconds(90), () -> demand(region, "requested") >= before + events);
        pause(Duration.ofSeconds(3));
        long counted = demand(region, "requested") - before;
        long applied;
        try (Connection db = platform.database("directory")) {
            applied = countUnchecked(db, "SELECT count(*) FROM inbox_event WHERE consumer = 'directory-demand' AND event_id IN ("
                    + String.join(",", eventIds.stream().map(id -> "'" + id + "'").toList()) + ")");
        }
        FIGURES.add("2 consumer killed (SIGKILL)", events + " events, directory-service killed mid-stream",
                "counted " + counted + ", applied " + applied + " (once each), caught up " + caughtUp.toSeconds() + " s after restart");
        assertThat(counted).as("lost or double-counted").isEqualTo(events);
        assertThat(applied).isEqualTo(events);
    }

    /**
     * Fault 1: Kafka stopped for 30 s while 1,000 referrals are created and transitioned: every call succeeds or
     * fails cleanly; after Kafka returns every event is delivered, and the directory's demand figures are exact.
     */
    @Test
    @Order(6)
    void kafkaStoppedWhileReferralsFlow() throws Exception {
        String region = "5101";
        long requestedBefore = demand(region, "requested");
        long rejectedBefore = demand(region, "rejectedNoCapacity");
        int referrals = Integer.getInteger("mitra.faults.referrals", 1000);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        String sender = platform.token(SENDER);
        String receiver = platform.token(RECEIVER);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            boolean reject = i % 4 == 0;
            work.add(workers.submit(() -> {
                Platform.Answer created = platform.post(PlatformService.REFERRAL, "/api/referrals", sender, referralBody(region));
                tally(statuses, bad, created, 201);
                if (created.status() == 201) {
                    String id = created.json().path("id").asText();
                    Platform.Answer moved = platform.post(PlatformService.REFERRAL, "/api/referrals/" + id + "/transitions", receiver,
                            reject ? Map.of("action", "reject", "reasonCode", "NO_CAPACITY") : Map.of("action", "accept"));
                    tally(statuses, bad, moved, 200);
                    if (reject && moved.status() == 200) {
                        rejected.incrementAndGet();
                    }
                }
                done.incrementAndGet();
                return null;
            }));
        }
        await("a quarter of the referrals", Duration.ofMinutes(3), () -> done.get() >= referrals / 4);
        platform.platform.stop(Infrastructure.KAFKA);
        Instant stopped = Instant.now();
        int doneAtStop = done.get();
        int doneDuringOutage;
        try {
            pause(Duration.ofSeconds(30));
            doneDuringOutage = done.get() - doneAtStop;
        } finally {
            platform.platform.start(Infrastructure.KAFKA);
        }
        Duration outage = Duration.between(stopped, Instant.now());
        for (Future<?> each : work) {
            each.get(5, TimeUnit.MINUTES);
        }
        workers.shutdown();
        int submitted = statuses.getOrDefault(201, new AtomicInteger()).get();
        Duration delivered = await("every event delivered and counted", Duration.ofMinutes(3),
                () -> demand(region, "requested") - requestedBefore >= submitted
                        && demand(region, "rejectedNoCapacity") - rejectedBefore >= rejected.get());
        pause(Duration.ofSeconds(3));
        long requested = demand(region, "requested") - requestedBefore;
        long rejectedCounted = demand(region, "rejectedNoCapacity") - rejectedBefore;
        Map<Integer, Integer> seen = new HashMap<>();
        statuses.forEach((status, n) -> seen.put(status, n.get()));
        FIGURES.add("1 Kafka stopped 30 s", referrals + " referrals created and accepted or rejected",
                "answers " + seen + " (" + doneDuringOutage + " referrals handled while Kafka was down for " + outage.toSeconds()
                        + " s); demand requested " + requested + " of " + submitted + ", rejected for capacity " + rejectedCounted
                        + " of " + rejected.get() + ", all delivered " + delivered.toSeconds() + " s after the last call");
        assertThat(bad).as("calls that neither succeeded nor failed cleanly").isEmpty();
        assertThat(submitted).isEqualTo(referrals);
        assertThat(doneDuringOutage).as("the API keeps working without Kafka").isPositive();
        assertThat(requested).isEqualTo(submitted);
        assertThat(rejectedCounted).isEqualTo(rejected.get());
    }

    /**
     * Fault 6: the outbox relay killed between publishing and marking as sent: the events are published again, and
     * consumers apply them once. Events pile up while Kafka is away. Before the broker returns, the test holds a
     * SHARE lock on referral-service's outbox table: the relay can still read and publish, but its UPDATE marking the
     * batch as sent waits. Once the batch has reached the topic, referral-service is killed with SIGKILL while that
     * UPDATE waits, which is exactly "published, not marked", every time rather than by luck of timing.
     */
    @Test
    @Order(7)
    void relayKilledBetweenPublishingAndMarking() throws Exception {
        String region = "5103";
        long before = demand(region, "requested");
        Set<String> keys = ConcurrentHashMap.newKeySet();
        long publishedBeforeKill;
        long republished;
        try (Events kafka = new Events(platform.settings.kafkaBootstrapServers())) {
            long published = kafka.endOffset(org.mitra.events.Topic.REFERRALS_LIFECYCLE);
            String sender = platform.token(SENDER);
            platform.platform.stop(Infrastructure.KAFKA);
            ExecutorService watcher = Executors.newSingleThreadExecutor();
            Future<Long> killed;
            try (Connection outboxLock = platform.database("referral")) {
                try {
                    ExecutorService creators = Executors.newFixedThreadPool(4);
                    List<Future<Platform.Answer>> pending = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        pending.add(creators.submit(() -> platform.post(PlatformService.REFERRAL, "/api/referrals", sender, referralBody(region))));
                    }
                    for (Future<Platform.Answer> each : pending) {
                        Platform.Answer created = each.get(2, TimeUnit.MINUTES);
                        assertThat(created.status()).as(created.body()).isEqualTo(201);
                        keys.add(created.json().path("id").asText());
                    }
                    creators.shutdown();
                    outboxLock.setAutoCommit(false);
                    try (Statement lock = outboxLock.createStatement()) {
                        lock.execute("SET lock_timeout = '30s'");
                        lock.execute("LOCK TABLE outbox_event IN SHARE MODE");
                    }
                    // The watcher kills referral-service once the relay's batch is on the returning broker and nothing
                    // more arrives: the relay is then waiting to mark that batch as sent.
                    killed = watcher.submit(() -> {
                        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                        long seen = published;
                        long stableSince = 0;
                        while (System.nanoTime() < deadline) {
                            long now = kafka.endOffsetIfReachable(org.mitra.events.Topic.REFERRALS_LIFECYCLE);
                            if (now > seen) {
                                seen = now;
                                stableSince = System.nanoTime();
                            } else if (seen > published && System.nanoTime() - stableSince > Duration.ofSeconds(1).toNanos()) {
                                platform.platform.kill(PlatformService.REFERRAL);
                                return seen - published;
                            }
                            pause(Duration.ofMillis(50));
                        }
                        return 0L;
                    });
                } finally {
                    platform.platform.start(Infrastructure.KAFKA);
                }
                publishedBeforeKill = killed.get(2, TimeUnit.MINUTES);
                watcher.shutdown();
                outboxLock.rollback();
            }
            assertThat(publishedBeforeKill).as("the relay published after the broker's return").isPositive();
            assertThat(platform.platform.start(PlatformService.REFERRAL)).isTrue();
            await("the relay caught up", Duration.ofSeconds(90), () -> unpublishedOutboxRows() == 0);
            republished = kafka.duplicates(org.mitra.events.Topic.REFERRALS_LIFECYCLE, keys);
        }
        int created = keys.size();
        Duration counted = await("every referral counted once", Duration.ofSeconds(90), () -> demand(region, "requested") - before >= created);
        pause(Duration.ofSeconds(3));
        long requested = demand(region, "requested") - before;
        FIGURES.add("6 relay killed mid-batch", created + " referrals created while Kafka was away",
                "published and not marked at the kill: " + publishedBeforeKill + " event(s); published again after the restart: "
                        + republished + "; demand requested " + requested + " of " + created
                        + " (applied once), counted " + counted.toSeconds() + " s after the restart");
        // Every event of the batch was published and none marked, so each is published again (the topic's count
        // at the kill may also hold an event of another referral, e.g. an overdue flag, hence at most).
        assertThat(republished).as("events published but not marked before the kill, published again")
                .isPositive().isLessThanOrEqualTo(publishedBeforeKill);
        assertThat(requested).isEqualTo(created);
    }

    /**
     * Fault 8: poison records (not JSON, or failing their schema) on each consumed topic go to mitra.dead-letters
     * after at most 3 tries, the partitions keep flowing, and every consumer group's lag is back to 0 within 30 s.
     */
    @Test
    @Order(8)
    void poisonEventsGoToTheDeadLetters() throws Exception {
        String region = "5105";
        long before = demand(region, "requested");
        Duration drained;
        Map<String, Long> deadLetters;
        // Every consumer group and the topics it reads: referral-service's webhooks follow both topics in a group of
        // their own (issue 16), so each poison record is dead-lettered once per group that reads its topic.
        Map<String, List<org.mitra.events.Topic>> groups = Map.of(
                "directory-service", List.of(org.mitra.events.Topic.REFERRALS_LIFECYCLE),
                "referral-service", List.of(org.mitra.events.Topic.DIRECTORY_ORGANIZATIONS),
                "awareness-service", List.of(org.mitra.events.Topic.DIRECTORY_ORGANIZATIONS),
                "referral-webhooks", List.of(org.mitra.events.Topic.REFERRALS_LIFECYCLE, org.mitra.events.Topic.DIRECTORY_ORGANIZATIONS,
                        org.mitra.events.Topic.AWARENESS_CAMPAIGNS));
        try (Events kafka = new Events(platform.settings.kafkaBootstrapServers())) {
            // Start from a settled platform: a service killed by an earlier fault leaves its group rebalancing until
            // the broker gives up on the dead member (session timeout), which is not what this fault measures.
            await("every consumer group settled before the poison", Duration.ofMinutes(3), () -> kafka.settled(groups));
            String lifecycleKey = UUID.randomUUID().toString();
            String organizationKey = UUID.randomUUID().toString();
            kafka.raw(org.mitra.events.Topic.REFERRALS_LIFECYCLE, lifecycleKey, "not json at all");
            kafka.raw(org.mitra.events.Topic.REFERRALS_LIFECYCLE, lifecycleKey, Events.envelope("org.mitra.referral.requested.v1",
                    "{\"referralId\":\"not-a-uuid\"}"));
            kafka.requested(UUID.fromString(lifecycleKey), CATEGORY, region);
            kafka.raw(org.mitra.events.Topic.DIRECTORY_ORGANIZATIONS, organizationKey, "{ broken");
            kafka.raw(org.mitra.events.Topic.DIRECTORY_ORGANIZATIONS, organizationKey, Events.envelope(
                    "org.mitra.organization.changed.v1", "{\"id\":\"" + organizationKey + "\",\"status\":\"NOT-A-STATUS\"}"));
            Instant sent = Instant.now();
            await("the valid event behind the poison counted", Duration.ofSeconds(30), () -> demand(region, "requested") == before + 1);
            drained = await("every consumer group's lag back to 0", Duration.ofSeconds(30), () -> kafka.lag(groups) == 0);
            drained = Duration.between(sent, Instant.now());
            deadLetters = kafka.deadLetters(Set.of(lifecycleKey, organizationKey));
        }
        FIGURES.add("8 poison events", "2 on mitra.referrals.lifecycle, 2 on mitra.directory.organizations",
                "dead letters by source topic " + deadLetters + ", valid event behind them applied, lag 0 after " + drained.toSeconds() + " s");
        assertThat(deadLetters.get(org.mitra.events.Topic.REFERRALS_LIFECYCLE.name())).as("directory's and the webhooks' two each")
                .isEqualTo(4);
        assertThat(deadLetters.get(org.mitra.events.Topic.DIRECTORY_ORGANIZATIONS.name()))
                .as("referral's, awareness's and the webhooks' two each").isEqualTo(6);
        assertThat(drained).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    /**
     * Fault 10 (issue 16): a partner's webhook receiver down for 60 s while 500 referrals flow to its organization, and
     * referral-service killed (SIGKILL) and restarted while it still owes them: once the receiver is back every
     * referral's {@code referral.received} arrives, signed, each once by {@code webhook-id} (a duplicate, which
     * at-least-once allows, is counted and reported).
     */
    @Test
    @Order(10)
    void webhookReceiverDownWhileReferralsFlow() throws Exception {
        int referrals = Integer.getInteger("mitra.faults.webhook-referrals", 500);
        Duration outage = Duration.ofSeconds(Long.getLong("mitra.faults.webhook-outage-seconds", 60));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Platform.Answer subscribed = platform.post(PlatformService.REFERRAL, "/api/webhooks/subscriptions",
                    platform.token("flux-lifehouse-admin"), Map.of("url", receiver.url(), "eventTypes", List.of("referral.received")));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            assertThat(subscribed.json().path("status").asText()).isEqualTo("ACTIVE");
            receiver.secret(subscribed.json().path("secret").asText());

            receiver.stop();
            Instant down = Instant.now();
            String sender = platform.token(SENDER);
            Set<String> sent = ConcurrentHashMap.newKeySet();
            List<String> bad = Collections.synchronizedList(new ArrayList<>());
            ExecutorService workers = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < referrals; i++) {
                work.add(workers.submit(() -> {
                    Platform.Answer created = platform.post(PlatformService.REFERRAL, "/api/referrals", sender, referralBody("5102"));
                    if (created.status() == 201) {
                        sent.add(created.json().path("id").asText());
                    } else {
                        bad.add(created.status() + " " + created.body());
                    }
                    return null;
                }));
            }
            for (Future<?> each : work) {
                each.get(5, TimeUnit.MINUTES);
            }
            workers.shutdown();
            Duration flowed = Duration.between(down, Instant.now());

            // Mitra restarts while it owes every delivery: what it owes is in its database, not in memory.
            platform.platform.kill(PlatformService.REFERRAL);
            assertThat(platform.platform.start(PlatformService.REFERRAL)).isTrue();
            Duration left = outage.minus(Duration.between(down, Instant.now()));
            if (!left.isNegative()) {
                pause(left);
            }
            int duringOutage = receiver.byId.size();
            receiver.start();
            Duration outageLasted = Duration.between(down, Instant.now());

            Duration caughtUp = await("a delivery for every referral", Duration.ofMinutes(4),
                    () -> new HashSet<>(receiver.referralOf.values()).containsAll(sent));
            pause(Duration.ofSeconds(3));
            Set<String> delivered = new HashSet<>(receiver.referralOf.values());
            FIGURES.add("10 webhook receiver down " + outageLasted.toSeconds() + " s", referrals + " referrals sent to it in "
                    + flowed.toSeconds() + " s, referral-service killed and restarted meanwhile",
                    "delivered " + delivered.size() + " of " + sent.size() + " (" + receiver.byId.size() + " webhook-ids, "
                            + receiver.duplicates() + " duplicates, " + receiver.badSignatures.get() + " bad signatures), all "
                            + caughtUp.toSeconds() + " s after the receiver returned");
            assertThat(bad).as("referrals not created").isEmpty();
            assertThat(duringOutage).as("nothing reaches a receiver that is down").isZero();
            assertThat(sent).hasSize(referrals);
            assertThat(delivered).as("lost deliveries").containsAll(sent);
            assertThat(receiver.byId).as("one webhook-id per referral").hasSize(referrals);
            assertThat(receiver.badSignatures.get()).isZero();
        }
    }

    private static void tally(Map<Integer, AtomicInteger> statuses, List<String> bad, Platform.Answer answer, int expected) {
        statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
        if (answer.status() != expected && !(answer.status() >= 400 && answer.status() < 600 && answer.status() != 500 && answer.isProblem())) {
            bad.add(answer.status() + " after " + answer.took().toMillis() + " ms: " + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
    }

    /** A demand figure of the skills-training category in a region, exact as coalition admins see it. */
    private static long demand(String region, String figure) {
        Platform.Answer coverage = platform.get(PlatformService.DIRECTORY, "/api/directory/coverage?region=" + region,
                platform.token("coalition-admin"));
        if (coverage.status() != 200) {
            return -1;
        }
        for (JsonNode slice : coverage.json().path("slices")) {
            for (JsonNode category : slice.path("categories")) {
                if (CATEGORY.equals(category.path("code").asText())) {
                    return category.path("demand").path(figure).asLong();
                }
            }
        }
        throw new AssertionError("No " + CATEGORY + " in the coverage of " + region);
    }

    /**
     * Fault 9: Keycloak's signing key rotated (a new RSA key of higher priority, as an operator rotates keys) just after
     * someone probed the platform with tokens naming an unknown key. The probe makes every service fetch the key set;
     * the rotation brings a key the services have not seen. Tokens signed by the new key must be accepted everywhere
     * within {@link #KEY_ROTATION_LIMIT} (each service fetches the key set again at most once per 2 s for unknown
     * keys: with Quarkus' default of 10 minutes, the probe would lock every user with a new token out for that long),
     * and tokens signed by the old key keep working while it is published.
     */
    @Test
    @Order(9)
    void signingKeyRotatedAfterAProbe() throws Exception {
        String oldToken = platform.token(SENDER);
        String oldLiaison = platform.token("gov-liaison");
        String probe = withKeyId(oldToken, "probe-" + UUID.randomUUID());
        for (Platform.Answer answer : calls(probe, withKeyId(oldLiaison, "probe-" + UUID.randomUUID()))) {
            assertThat(answer.status()).as("a token naming an unknown key").isEqualTo(401);
        }
        String admin = keycloakAdminToken();
        String realm = platform.settings.keycloakUrl() + "/admin/realms/mitra";
        String realmId = Platform.send(keycloak(realm, admin).GET()).json().path("id").asText();
        String name = "rotated-" + UUID.randomUUID().toString().substring(0, 8);
        String component = """
                {"name": "%s", "providerId": "rsa-generated", "providerType": "org.keycloak.keys.KeyProvider",
                 "parentId": "%s", "config": {"priority": ["1000"], "keySize": ["2048"], "active": ["true"],
                 "enabled": ["true"], "algorithm": ["RS256"]}}""".formatted(name, realmId);
        Platform.Answer created = Platform.send(keycloak(realm + "/components", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(component)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String componentId = Platform.send(keycloak(realm + "/components?type=org.keycloak.keys.KeyProvider&name=" + name, admin)
                .GET()).json().path(0).path("id").asText();
        Instant rotated = Instant.now();
        Map<Integer, Integer> statuses = new HashMap<>();
        Duration accepted;
        Instant acceptedAt;
        try {
            pause(Duration.ofMillis(1100)); // logins of one user closer than Keycloak's quick-login check could lock it
            String newToken = login(SENDER);
            String newLiaison = login("gov-liaison");
            assertThat(keyId(newToken)).as("the new token is signed by the new key").isNotEqualTo(keyId(oldToken));
            accepted = await("tokens of the new key accepted on the gateway and every service", KEY_ROTATION_LIMIT, () -> {
                boolean all = true;
                for (Platform.Answer answer : calls(newToken, newLiaison)) {
                    statuses.merge(answer.status(), 1, Integer::sum);
                    all &= answer.status() == 200;
                }
                if (!all) {
                    pause(Duration.ofMillis(500));
                }
                return all;
            });
            acceptedAt = Instant.now();
            for (Platform.Answer answer : calls(oldToken, oldLiaison)) {
                assertThat(answer.status()).as("a token of the previous key, still published").isEqualTo(200);
            }
        } finally {
            Platform.send(keycloak(realm + "/components/" + componentId, admin).DELETE());
        }
        FIGURES.add("9 signing key rotated after a probe", "tokens of an unknown key, then a new realm key; calls to the "
                        + "gateway and each service every 0.5 s",
                "new-key tokens accepted everywhere " + Duration.between(rotated, acceptedAt).toMillis() + " ms after the "
                        + "rotation (" + accepted.toMillis() + " ms of retries after the logins); answers on the way " + statuses
                        + "; old-key tokens accepted throughout");
    }

    /** One call on the gateway and one on each service, with a caseworker's token and a liaison's. */
    private static List<Platform.Answer> calls(String caseworker, String liaison) {
        return List.of(platform.get(PlatformService.GATEWAY, "/api/referrals?box=sent&size=1", caseworker),
                platform.get(PlatformService.DIRECTORY, "/api/directory/me", caseworker),
                platform.get(PlatformService.REFERRAL, "/api/referrals?box=sent&size=1", caseworker),
                platform.get(PlatformService.AWARENESS, "/api/awareness/feeds/reach", liaison));
    }

    private static String login(String username) {
        Platform.Answer login = platform.login(username, "mitra-demo");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("access_token").asText();
    }

    /** The token with its header naming another key (the signature no longer matches, but the key is looked up first). */
    private static String withKeyId(String jwt, String kid) throws Exception {
        ObjectNode header = jwtHeader(jwt);
        header.put("kid", kid);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(header))
                + jwt.substring(jwt.indexOf('.'));
    }

    private static String keyId(String jwt) throws Exception {
        return jwtHeader(jwt).path("kid").asText();
    }

    private static ObjectNode jwtHeader(String jwt) throws Exception {
        return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
    }

    private static String keycloakAdminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(platform.settings.keycloakAdminUser(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(platform.settings.keycloakAdminPassword(), StandardCharsets.UTF_8);
        Platform.Answer answer = Platform.send(HttpRequest.newBuilder(URI.create(
                        platform.settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .timeout(Platform.REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("access_token").asText();
    }

    private static HttpRequest.Builder keycloak(String url, String adminToken) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Platform.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken);
    }

    private static long unpublishedOutboxRows() {
        try (Connection db = platform.database("referral")) {
            return count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
        } catch (SQLException e) {
            return -1;
        }
    }

    private UUID createReferral(String region) {
        Platform.Answer answer = platform.post(PlatformService.REFERRAL, "/api/referrals", platform.token(SENDER), referralBody(region));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return UUID.fromString(answer.json().path("id").asText());
    }

    static Map<String, Object> referralBody(String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("receivingOrganizationId", FLUX_LIFEHOUSE.toString());
        body.put("categoryCode", CATEGORY);
        body.put("regionCode", region);
        body.put("urgency", "ROUTINE");
        body.put("profile", Map.of("ageBand", "18-24", "gender", "FEMALE"));
        body.put("consent", Map.of("consentedBy", "SUBJECT", "consentedAt", Instant.now().minusSeconds(3600).toString(),
                "shares", List.of("PROFILE"), "sharedWith", List.of(FLUX_LIFEHOUSE.toString()), "mayContact", false));
        body.put("submit", true);
        return body;
    }

    private static Duration medianLatency(Supplier<Platform.Answer> call) {
        List<Duration> took = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            Platform.Answer answer = call.get();
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            took.add(answer.took());
        }
        Collections.sort(took);
        return took.get(took.size() / 2);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long countUnchecked(Connection db, String sql) {
        try {
            return count(db, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
