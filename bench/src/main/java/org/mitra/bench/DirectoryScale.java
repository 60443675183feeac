package org.mitra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.mitra.local.PlatformService;

/**
 * Scenario 2: the directory at national scale (10,000 organizations, 100,000 services, 500 regions, 20,000 referrals
 * of demand, seeded reproducibly), each query at 200 requests/s offered, beside the hand-written SQL that answers the
 * same question in one statement, timed on the same database in the same run, with its plan.
 */
final class DirectoryScale {
    private static final int RATE = 200;
    private static final Duration LATENCY = Duration.ofSeconds(10);
    private static final int SQL_RUNS = 200;
    private static final Duration CAPACITY = Duration.ofSeconds(4);

    /**
     * A question, its API request, its hand-written SQL (with the region's path bound where it has {@code ?}), and its
     * target. The request's {@code {province}}, {@code {regency}}, {@code {slice}} and {@code {page}} change from one
     * request to the next (every province, regency, slice and many pages in turn), so a service that keeps answers
     * is measured on a realistic mix of first and repeated questions, not on one answer served 2,000 times; the SQL
     * asks for one of them (P07, P07R03, rehabilitation, page 10).
     */
    record Question(String name, String path, String sql, String[] parameters, double p99Target) {
        private static final String[] SLICES = {"advocacy", "prevention", "intervention", "rehabilitation"};

        String path(long n) {
            int province = 1 + (int) (n * 7 % DirectorySeed.PROVINCES);
            int regency = 1 + (int) (n * 11 % DirectorySeed.REGENCIES_PER_PROVINCE);
            String provinceCode = String.format("P%02d", province);
            return path.replace("{province}", provinceCode)
                    .replace("{regency}", provinceCode + String.format("R%02d", regency))
                    .replace("{slice}", SLICES[(int) (n % SLICES.length)])
                    .replace("{page}", Long.toString(1 + n * 13 % 100));
        }
    }

    /** The page a search answers, in one statement: total by a window, the page's rows with their lists. */
    private static String page(String filter, int limit, int offset) {
        return """
                WITH page AS (
                    SELECT s.id, s.name, count(*) OVER () AS total
                    FROM service s JOIN organization o ON o.id = s.organization_id AND o.status = 'VERIFIED'
                    WHERE s.status = 'ACTIVE' %s
                    ORDER BY s.name, s.id LIMIT %d OFFSET %d)
                SELECT p.total, s.id, s.name, s.description, s.slice, t.code, o.name, s.capacity_status, s.capacity_available,
                       s.capacity_maximum, s.age_min, s.age_max,
                       ARRAY(SELECT region_code FROM service_region WHERE service_id = s.id) AS regions,
                       ARRAY(SELECT language FROM service_language WHERE service_id = s.id) AS languages
                FROM page p JOIN service s ON s.id = p.id JOIN organization o ON o.id = s.organization_id
                JOIN taxonomy_term t ON t.id = s.category_id
                ORDER BY p.name, p.id""".formatted(filter, limit, offset);
    }

    private static final String IN_REGION = """
             AND EXISTS (SELECT 1 FROM service_region sr JOIN region r ON r.code = sr.region_code
                         WHERE sr.service_id = s.id AND (r.path = ? OR r.path LIKE ? || '.%' OR ? LIKE r.path || '.%'))""";

    /** Supply and demand per category of a region, in one statement. */
    private static final String COVERAGE = """
            WITH target AS (SELECT ?::text AS path),
            matching_region AS (SELECT r.code FROM region r, target t
                                WHERE r.path = t.path OR r.path LIKE t.path || '.%' OR t.path LIKE r.path || '.%'),
            offered AS (SELECT DISTINCT s.id, s.category_id, s.organization_id, s.capacity_maximum, s.capacity_available
                        FROM service_region sr JOIN matching_region m ON m.code = sr.region_code
                        JOIN service s ON s.id = sr.service_id AND s.status = 'ACTIVE'
                        JOIN organization o ON o.id = s.organization_id AND o.status = 'VERIFIED'),
            supply AS (SELECT f.category_id, count(DISTINCT f.organization_id) AS providers, sum(f.capacity_maximum) AS maximum,
                              sum(f.capacity_available) AS available FROM offered f GROUP BY f.category_id),
            demand AS (SELECT d.category_code, count(*) AS requested FROM referral_demand d
                       JOIN region r ON r.code = d.region_code, target t
                       WHERE (r.path = t.path OR r.path LIKE t.path || '.%') AND d.requested_at >= now() - interval '90 days'
                       GROUP BY d.category_code)
            SELECT t.slice, t.code, coalesce(s.providers, 0), s.maximum, s.available, coalesce(d.requested, 0)
            FROM taxonomy_term t LEFT JOIN supply s ON s.category_id = t.id LEFT JOIN demand d ON d.category_code = t.code
            WHERE t.parent_id IS NOT NULL ORDER BY t.slice, t.code""";

    static final List<Question> QUESTIONS = List.of(
            new Question("search: one province", "/api/directory/services?region={province}", page(IN_REGION, 20, 0),
                    region("ID.P07"), 20),
            new Question("search: regency + category", "/api/directory/services?region={regency}&category=medical-care",
                    page(IN_REGION + " AND s.category_id = (SELECT id FROM taxonomy_term WHERE code = 'medical-care')", 20, 0),
                    region("ID.P07.P07R03"), 20),
            new Question("search: slice + language + available", "/api/directory/services?slice={slice}&language=en&available=true",
                    page(" AND s.slice = 'REHABILITATION' AND EXISTS (SELECT 1 FROM service_language l WHERE l.service_id = s.id"
                            + " AND l.language = 'en') AND s.capacity_status = 'CAPACITY' AND (s.capacity_available IS NULL"
                            + " OR s.capacity_available > 0)", 20, 0), new String[0], 20),
            new Question("search: free text in a province", "/api/directory/services?region={province}&q=shelter",
                    page(IN_REGION + " AND s.search_text @@ websearch_to_tsquery('simple', 'shelter')", 20, 0),
                    region("ID.P07"), 20),
            new Question("search: page 200 of a province", "/api/directory/services?region={province}&page=200",
                    page(IN_REGION, 20, 199 * 20), region("ID.P07"), 20),
            new Question("coverage: province", "/api/directory/coverage?region={province}", COVERAGE, new String[] {"ID.P07"}, 50),
            new Question("coverage: whole country", "/api/directory/coverage?region=ID", COVERAGE, new String[] {"ID"}, 200),
            new Question("coverage: regency", "/api/directory/coverage?region={regency}", COVERAGE, new String[] {"ID.P07.P07R03"}, 50),
            new Question("coverage picture (SVG): province", "/api/directory/coverage.svg?region={province}", COVERAGE,
                    new String[] {"ID.P07"}, 50),
            new Question("HSDS: services page 10 of 50", "/api/directory/hsds/services?per_page=50&page={page}", page("", 50, 450),
                    new String[0], 50));

    private DirectoryScale() {
    }

    private static String[] region(String path) {
        return new String[] {path, path, path};
    }

    static void run(Rig rig) throws Exception {
        String jdbc = rig.settings.jdbcUrl("directory");
        long seedStart = System.nanoTime();
        DirectorySeed.seed(jdbc, "directory", rig.settings.databasePassword());
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        String base = rig.url(PlatformService.DIRECTORY);
        List<OpenLoop.Outcome> outcomes = new ArrayList<>();
        List<Histogram> sql = new ArrayList<>();
        List<Double> capacity = new ArrayList<>();
        StringBuilder plans = new StringBuilder();
        try (OpenLoop load = new OpenLoop(50); Connection connection = DriverManager.getConnection(jdbc, "directory",
                rig.settings.databasePassword())) {
            for (Question question : QUESTIONS) {
                // Warm-up asks other pages and regions than the measured run does first (it starts where n is large).
                load.run("warm-up", 50, Duration.ofSeconds(2), n -> OpenLoop.Call.get(base + question.path(n + 1_000_003),
                        java.util.Map.of()));
                outcomes.add(load.run(question.name(), RATE, LATENCY, n -> OpenLoop.Call.get(base + question.path(n),
                        java.util.Map.of())));
                capacity.add(Wrk.run(question.name(), base + question.path(0), java.util.Map.of(), 8, CAPACITY).requestsPerSecond());
                sql.add(timeSql(connection, question));
                plans.append("<details><summary>").append(question.name()).append("</summary>\n\n```\n")
                        .append(explain(connection, question)).append("```\n</details>\n\n");
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Data: %,d services of %,d verified organizations in %d regions, 20,000 referrals of demand; seeded in %.1f s.%n%n"
                        + "Each question at %d requests/s offered for %d s (open loop, up to 50 connections), after 2 s of warm-up; "
                        + "successive requests ask for each province, regency, slice or page in turn:%n%n",
                DirectorySeed.SERVICES, DirectorySeed.ORGANIZATIONS,
                DirectorySeed.PROVINCES * (DirectorySeed.REGENCIES_PER_PROVINCE + 1), seedSeconds, RATE, LATENCY.toSeconds()));
        text.append(rig.report.latencyTable("directory", outcomes));
        text.append(String.format(Locale.ROOT, "%nThe same questions as hand-written SQL, one statement each, %d runs one after "
                + "another on one JDBC connection, and the most the service answers when one of the question's requests is asked over and over (wrk, 8 connections, %d s):%n%n"
                + "| question | SQL p50 ms | SQL p99 ms | service p50 / SQL p50 | service capacity/s |%n|---|---:|---:|---:|---:|%n",
                SQL_RUNS, CAPACITY.toSeconds()));
        for (int i = 0; i < QUESTIONS.size(); i++) {
            Question question = QUESTIONS.get(i);
            OpenLoop.Outcome service = outcomes.get(i);
            double sqlP50 = sql.get(i).getValueAtPercentile(50) / 1000.0;
            double ratio = service.p50() / sqlP50;
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f × | %s |%n", question.name(), Report.format(sqlP50),
                    Report.format(sql.get(i).getValueAtPercentile(99) / 1000.0), ratio, Report.format(capacity.get(i))));
            rig.report.figure("directory.capacity." + i, capacity.get(i));
            String name = "2. directory, " + question.name();
            rig.report.target(name, "p99 ≤ " + (int) question.p99Target() + " ms at " + RATE + "/s",
                    Report.format(service.p99()) + " ms" + (service.errors() > 0 ? ", " + service.errors() + " errors" : ""),
                    service.p99() <= question.p99Target() && service.errors() == 0);
            rig.report.target(name, "≤ 3 × its SQL (p50)", String.format(Locale.ROOT, "%.1f × (%s vs %s ms)", ratio,
                    Report.format(service.p50()), Report.format(sqlP50)), ratio <= 3);
        }
        text.append(whileChanging(rig, base, jdbc));
        text.append("\nPlans of the hand-written SQL (`EXPLAIN (ANALYZE, BUFFERS)`):\n\n").append(plans);
        rig.report.section("2. Directory at national scale", text.toString());
    }

    /** The questions whose answers cost most to compute again, asked while the directory changes. */
    private static final List<Integer> WHILE_CHANGING = List.of(0, 6, 9);
    private static final Duration CHANGE_EVERY = Duration.ofSeconds(1);

    /**
     * The same questions while one service's available capacity changes once a second (as organizations update it),
     * so every answer that shows capacity is invalidated each second and computed again once after each change (the
     * others are given the earlier answer meanwhile, or wait for it): what a directory in use costs, not only a
     * directory at rest.
     */
    private static String whileChanging(Rig rig, String base, String jdbc) throws Exception {
        List<OpenLoop.Outcome> outcomes = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ScheduledExecutorService changer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (OpenLoop load = new OpenLoop(50); Connection connection = DriverManager.getConnection(jdbc, "directory",
                rig.settings.databasePassword()); PreparedStatement update = connection.prepareStatement("""
                        UPDATE service SET capacity_available = (coalesce(capacity_available, 0) + 1) % (capacity_maximum + 1),
                               capacity_updated_at = now()
                        WHERE id = md5('bench-service-1')::uuid""")) {
            changer.scheduleAtFixedRate(() -> {
                try {
                    update.executeUpdate();
                    changes.incrementAndGet();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, 0, CHANGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            for (int index : WHILE_CHANGING) {
                Question question = QUESTIONS.get(index);
                outcomes.add(load.run(question.name() + ", a change every second", RATE, LATENCY,
                        n -> OpenLoop.Call.get(base + question.path(n), java.util.Map.of())));
            }
        } finally {
            changer.shutdownNow();
            changer.awaitTermination(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < WHILE_CHANGING.size(); i++) {
            Question question = QUESTIONS.get(WHILE_CHANGING.get(i));
            OpenLoop.Outcome outcome = outcomes.get(i);
            rig.report.target("2. directory, " + question.name() + ", a change every second", "p99 ≤ " + (int) question.p99Target()
                    + " ms at " + RATE + "/s", Report.format(outcome.p99()) + " ms" + (outcome.errors() > 0 ? ", "
                    + outcome.errors() + " errors" : ""), outcome.p99() <= question.p99Target() && outcome.errors() == 0);
        }
        return String.format(Locale.ROOT, "%nWhile one service's available capacity changes once a second (%d changes, each "
                + "moving the directory's version but not its membership: answers that show capacity are computed again once after "
                + "each, while the others are given the earlier answer), %d requests/s for %d s:%n%n",
                changes.get(), RATE, LATENCY.toSeconds()) + rig.report.latencyTable("directory-changing", outcomes);
    }

    private static Histogram timeSql(Connection connection, Question question) throws SQLException {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        try (PreparedStatement statement = connection.prepareStatement(question.sql())) {
            for (int p = 0; p < question.parameters().length; p++) {
                statement.setString(p + 1, question.parameters()[p]);
            }
            for (int run = -20; run < SQL_RUNS; run++) {
                long start = System.nanoTime();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
                if (run >= 0) {
                    histogram.recordValue((System.nanoTime() - start) / 1000);
                }
            }
        }
        return histogram;
    }

    private static String explain(Connection connection, Question question) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + question.sql())) {
            for (int p = 0; p < question.parameters().length; p++) {
                statement.setString(p + 1, question.parameters()[p]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }
}
