package org.mitra.bench;

import io.vertx.core.http.HttpMethod;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * Scenario 4: from a referral's commit to the directory's demand figure reflecting it, at 100 referrals/s for 60 s.
 * Both ends are read from the databases afterwards, on PostgreSQL's one clock: the outbox row's {@code created_at}
 * (the referral transaction's start, so the figure errs long) and the directory's inbox row's {@code processed_at}
 * (written in the transaction that updates the demand). Every event is counted: one inbox row each, none missing.
 */
final class EventLatency {
    private static final int RATE = 100;
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final double P99_TARGET = 250;

    private EventLatency() {
    }

    static void run(Rig rig) throws Exception {
        String url = rig.url(PlatformService.REFERRAL) + "/api/referrals";
        Map<String, String> headers = new LinkedHashMap<>(rig.tokens.bearer(DemoOrganization.DARKBALI.caseworker()));
        headers.put("Content-Type", "application/json");
        UUID receiver = DemoOrganization.TRAFFIC_LIGHTS.id();
        Instant begun = Instant.now();
        OpenLoop.Outcome created;
        try (OpenLoop load = new OpenLoop(32)) {
            created = load.run("create at " + RATE + "/s", RATE, RUN, n -> new OpenLoop.Call(HttpMethod.POST, url,
                    GatewayOverhead.withKey(headers), ReferralBodies.named(receiver, false), 201));
        }
        Map<UUID, Instant> published = new HashMap<>();
        try (Connection referral = DriverManager.getConnection(rig.settings.jdbcUrl("referral"), "referral_owner",
                rig.settings.databaseOwnerPassword("referral_owner"));
                PreparedStatement select = referral.prepareStatement(
                        "SELECT event_id, type, created_at FROM outbox_event WHERE topic = 'mitra.referrals.lifecycle' AND created_at >= ?")) {
            select.setTimestamp(1, Timestamp.from(begun));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (ReferralStatusChanged.isType(rows.getString(2))) {
                        published.put(rows.getObject(1, UUID.class), rows.getTimestamp(3).toInstant());
                    }
                }
            }
        }
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long lost = published.size();
        long twice = 0;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<UUID, List<Instant>> applied = new HashMap<>();
        // The last events may still be on their way: read the inbox until every one arrived or the settle time ends.
        while (true) {
            applied = inbox(rig, begun);
            Map<UUID, List<Instant>> seen = applied;
            lost = published.keySet().stream().filter(id -> !seen.containsKey(id)).count();
            if (lost == 0 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }
        for (Map.Entry<UUID, Instant> event : published.entrySet()) {
            List<Instant> times = applied.get(event.getKey());
            if (times != null) {
                twice += times.size() - 1;
                latency.recordValue(Math.max(0, Duration.between(event.getValue(), times.get(0)).toNanos() / 1000));
            }
        }
        latency.setTag("event-latency");
        latency.setStartTimeStamp(begun.toEpochMilli());
        latency.setEndTimeStamp(System.currentTimeMillis());
        OpenLoop.Outcome asOutcome = new OpenLoop.Outcome("commit → demand figure", RATE, RUN, latency, published.size(), lost, 0, null);
        String text = String.format(Locale.ROOT, "%d referrals sent at %d/s for %d s (%d answered 201, p99 of the create %s ms); "
                        + "%d status events published; %d applied to the directory's demand, %d never applied, %d applied twice.%n%n",
                created.sent(), RATE, RUN.toSeconds(), created.sent() - created.errors(), Report.format(created.p99()),
                published.size(), published.size() - lost, lost, twice)
                + rig.report.latencyTable("event-latency", List.of(asOutcome));
        double p99 = latency.getValueAtPercentile(99) / 1000.0;
        rig.report.figure("events.p99", p99);
        rig.report.target("4. event latency", "p99 ≤ 250 ms from commit to demand", Report.format(p99) + " ms", p99 <= P99_TARGET);
        rig.report.target("4. event latency", "0 lost, 0 applied twice", lost + " lost, " + twice + " twice",
                lost == 0 && twice == 0 && !published.isEmpty());
        rig.report.section("4. Event latency", text);
    }

    private static Map<UUID, List<Instant>> inbox(Rig rig, Instant begun) throws Exception {
        Map<UUID, List<Instant>> applied = new HashMap<>();
        try (Connection directory = DriverManager.getConnection(rig.settings.jdbcUrl("directory"), "directory",
                rig.settings.databasePassword());
                PreparedStatement select = directory.prepareStatement(
                        "SELECT event_id, processed_at FROM inbox_event WHERE consumer = 'directory-demand' AND processed_at >= ?")) {
            select.setTimestamp(1, Timestamp.from(begun));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.computeIfAbsent(rows.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
                            .add(rows.getTimestamp(2).toInstant());
                }
            }
        }
        return applied;
    }
}
