package org.mitra.bench;

import io.vertx.core.http.HttpMethod;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * Scenario 3: a caseworker's app creating referrals (validation, identity encryption into the vault, outbox, audit,
 * idempotency record) straight to the referral service at rising offered rates, until p99 passes 100 ms; beside it,
 * the same rows inserted with bare JDBC (one row per transaction, 8 connections), the database's own limit.
 */
final class ReferralWrites {
    static final int[] RATES = {50, 100, 200, 300, 400, 500, 600, 800};
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final double P99_LIMIT = 100;
    private static final int JDBC_THREADS = 8;

    private ReferralWrites() {
    }

    static void run(Rig rig) throws Exception {
        String url = rig.url(PlatformService.REFERRAL) + "/api/referrals";
        Map<String, String> headers = new LinkedHashMap<>(rig.tokens.bearer(DemoOrganization.DARKBALI.caseworker()));
        headers.put("Content-Type", "application/json");
        String receiver = DemoOrganization.TRAFFIC_LIGHTS.id().toString();
        long sizeBefore = databaseBytes(rig);
        Instant begun = Instant.now();
        List<OpenLoop.Outcome> outcomes = new ArrayList<>();
        int sustained = 0;
        try (OpenLoop load = new OpenLoop(64)) {
            load.run("warm-up", 20, Duration.ofSeconds(5), n -> create(url, headers, receiver));
            for (int rate : RATES) {
                OpenLoop.Outcome outcome = load.run("create at " + rate + "/s", rate, STEP, n -> create(url, headers, receiver));
                outcomes.add(outcome);
                if (outcome.p99() > P99_LIMIT || outcome.errors() > 0) {
                    break;
                }
                sustained = rate;
            }
        }
        long created = outcomes.stream().mapToLong(outcome -> outcome.sent() - outcome.errors()).sum();
        double bytesPerReferral = created == 0 ? 0 : (databaseBytes(rig) - sizeBefore) / (double) created;
        Jdbc jdbc = bareInserts(rig, begun);
        rig.report.figure("writes.sustained", sustained);
        rig.report.figure("writes.jdbc", jdbc.rowsPerSecond());
        rig.report.figure("writes.bytes-per-referral", bytesPerReferral);
        StringBuilder text = new StringBuilder("`POST /api/referrals` with an identity, a profile, a note, consent and an "
                + "`Idempotency-Key`, by " + DemoOrganization.DARKBALI.caseworker() + ", direct to the referral service; "
                + "each rate for " + STEP.toSeconds() + " s, up to 64 connections, stopping at the first rate whose p99 passes "
                + (int) P99_LIMIT + " ms:\n\n");
        text.append(rig.report.latencyTable("referral-writes", outcomes));
        text.append(String.format(Locale.ROOT, "%nBare JDBC: the %,d referral rows this run created, inserted again into a copy "
                + "of the table, one row per transaction on %d connections: %.0f rows/s (p50 %.2f ms, p99 %.2f ms per insert).%n",
                jdbc.rows(), JDBC_THREADS, jdbc.rowsPerSecond(), jdbc.p50(), jdbc.p99()));
        text.append(String.format(Locale.ROOT, "The referral and key-store databases grew by %.1f kB per referral created "
                + "(tables, indexes, outbox, audit, idempotency records, vault; before retention removes the outbox and "
                + "idempotency rows).%n", bytesPerReferral / 1024));
        double ratio = sustained / jdbc.rowsPerSecond();
        text.append(String.format(Locale.ROOT, "Highest rate held with p99 ≤ %d ms and no error: %d referrals/s, %.2f × the bare "
                + "inserts' rate.%n", (int) P99_LIMIT, sustained, ratio));
        rig.report.target("3. referral writes", "≥ 500 created/s with p99 ≤ 100 ms", sustained + "/s (" + String.format(Locale.ROOT,
                "%.2f × bare JDBC's %.0f rows/s", ratio, jdbc.rowsPerSecond()) + ")", sustained >= 500);
        rig.report.section("3. Referral writes", text.toString());
    }

    /** Size on disk of the referral database and its key store together. */
    private static long databaseBytes(Rig rig) throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection(rig.settings.jdbcUrl("referral"), "referral_owner",
                rig.settings.databaseOwnerPassword("referral_owner"));
                Statement sql = connection.createStatement();
                ResultSet size = sql.executeQuery("SELECT pg_database_size('referral') + pg_database_size('referral_keys')")) {
            size.next();
            return size.getLong(1);
        }
    }

    private static OpenLoop.Call create(String url, Map<String, String> headers, String receiver) {
        return new OpenLoop.Call(HttpMethod.POST, url, GatewayOverhead.withKey(headers),
                ReferralBodies.named(java.util.UUID.fromString(receiver), true), 201);
    }

    record Jdbc(int rows, double rowsPerSecond, double p50, double p99) {
    }

    /** The rows created since {@code begun}, as JSON, inserted again one per transaction into a copy of the table. */
    private static Jdbc bareInserts(Rig rig, Instant begun) throws Exception {
        String jdbc = rig.settings.jdbcUrl("referral");
        String password = rig.settings.databaseOwnerPassword("referral_owner");
        List<String> rows = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(jdbc, "referral_owner", password); Statement sql = owner.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_referral_copy");
            sql.execute("CREATE TABLE bench_referral_copy AS SELECT * FROM referral WITH NO DATA");
            try (PreparedStatement select = owner.prepareStatement("SELECT to_jsonb(r)::text FROM referral r WHERE r.created_at >= ?")) {
                select.setTimestamp(1, Timestamp.from(begun));
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
        }
        org.HdrHistogram.Recorder recorder = new org.HdrHistogram.Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(JDBC_THREADS);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < JDBC_THREADS; t++) {
            workers.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(jdbc, "referral_owner", password);
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO bench_referral_copy SELECT * FROM jsonb_populate_record(NULL::bench_referral_copy, ?::jsonb)")) {
                    for (int i = next.getAndIncrement(); i < rows.size(); i = next.getAndIncrement()) {
                        long one = System.nanoTime();
                        insert.setString(1, rows.get(i));
                        insert.executeUpdate();
                        recorder.recordValue((System.nanoTime() - one) / 1000);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        try (Connection owner = DriverManager.getConnection(jdbc, "referral_owner", password); Statement sql = owner.createStatement()) {
            sql.execute("DROP TABLE bench_referral_copy");
        }
        org.HdrHistogram.Histogram histogram = recorder.getIntervalHistogram();
        return new Jdbc(rows.size(), rows.size() / seconds, histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0);
    }
}
