package org.mitra.directory.feed;

import static org.mitra.web.feeds.QueryValues.instant;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mitra.directory.coverage.CoverageConfig;
import org.mitra.directory.coverage.CoverageRules;
import org.mitra.directory.coverage.Demand;
import org.mitra.directory.coverage.PublishedDemand;
import org.mitra.directory.coverage.Supply;
import org.mitra.directory.region.Region;
import org.mitra.directory.taxonomy.Taxonomy;
import org.mitra.directory.taxonomy.TermView;
import org.mitra.feeds.DisclosurePolicy;
import org.mitra.feeds.FeedColumn;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.web.feeds.FeedPeriods;
import org.mitra.web.feeds.FeedVersions;
import org.mitra.web.feeds.FeedVersions.Generated;
import org.mitra.web.feeds.PeriodicFeed;
import org.mitra.web.feeds.QueryValues;

/**
 * The coverage feed for government liaisons: the pie of every region as a table per closed period
 * (the current one is never served, so a pull before and after a referral shows nothing). Supply
 * is snapshotted while a period is current (so past periods stay as they were); demand comes from
 * the referral events of the period and passes disclosure control, level by level, so that no
 * withheld regency can be recomputed from its province or a province from the country, and a zero
 * is withheld like a small count. What a closed period publishes is frozen ({@link FeedVersions}):
 * its table is taken at most once a day, however often it is pulled, so a late rejection or overdue
 * flag of one referral shows only in the next day's table and moves its {@code ETag},
 * {@code Last-Modified} and the {@code since} cursor only then, together with every other change of
 * that day.
 */
@ApplicationScoped
public class CoverageFeed implements PeriodicFeed {
    static final String ID = "coverage";
    static final String TITLE = "Coverage of anti-trafficking services by region, slice and category";
    static final List<FeedColumn> COLUMNS = List.of(
            new FeedColumn("region", "#adm2+code", "Region code (BPS); provinces and the country have their own rows"),
            new FeedColumn("regionName", "#adm2+name", "Region name"),
            new FeedColumn("level", "#meta+level", "COUNTRY, PROVINCE, REGENCY or CITY"),
            new FeedColumn("slice", "#sector+code", "advocacy, prevention, intervention or rehabilitation"),
            new FeedColumn("category", "#subsector+code", "Category code of the Mitra taxonomy"),
            new FeedColumn("providers", "#org+num", "Verified organizations offering the category in the region"),
            new FeedColumn("totalCapacity", "#capacity+total", "Sum of the providers' maximum capacity"),
            new FeedColumn("availableCapacity", "#capacity+available", "Sum of the providers' available capacity"),
            new FeedColumn("requested", "#affected+referred+num",
                    "Referrals requested in the period; empty when withheld; a zero is withheld too"),
            new FeedColumn("rejectedNoCapacity", "#affected+rejected+num",
                    "Of those, rejected for lack of capacity; empty when withheld; a zero is withheld too"),
            new FeedColumn("overdue", "#affected+overdue+num",
                    "Of those, left unanswered past their deadline; empty when withheld; a zero is withheld too"),
            new FeedColumn("verdict", "#status+verdict", "GAP, STRAINED, OVERLAP or COVERED"));

    private static final String REGION_PAIRS = """
            SELECT t.code AS target, r.code AS source FROM region t JOIN region r
              ON r.path = t.path OR r.path LIKE t.path || '.%%' %s""";
    private static final String SUPPLY = """
            WITH pairs AS (%s),
            offered AS (
                SELECT DISTINCT p.target, s.id, s.category_id, s.organization_id, s.capacity_maximum, s.capacity_available
                FROM service_region sr
                JOIN pairs p ON p.source = sr.region_code
                JOIN service s ON s.id = sr.service_id AND s.status = 'ACTIVE'
                JOIN organization o ON o.id = s.organization_id AND o.status = 'VERIFIED')
            SELECT f.target AS region, t.code AS category, count(DISTINCT f.organization_id) AS providers,
                   coalesce(sum(f.capacity_maximum), 0) AS maximum, coalesce(sum(f.capacity_available), 0) AS available,
                   count(f.capacity_available) > 0 AS reported
            FROM offered f JOIN taxonomy_term t ON t.id = f.category_id
            GROUP BY f.target, t.code""".formatted(REGION_PAIRS.formatted("OR t.path LIKE r.path || '.%'"));
    private static final String DEMAND = """
            WITH pairs AS (%s)
            SELECT p.target AS region, d.category_code AS category, count(*) AS requested,
                   count(*) FILTER (WHERE d.rejected_no_capacity) AS rejected_no_capacity,
                   count(*) FILTER (WHERE d.overdue) AS overdue
            FROM referral_demand d JOIN pairs p ON p.source = d.region_code
            WHERE d.requested_at >= :start AND d.requested_at < :end
            GROUP BY p.target, d.category_code""".formatted(REGION_PAIRS.formatted(""));

    @Inject
    EntityManager entityManager;

    @Inject
    Taxonomy taxonomy;

    @Inject
    CoverageConfig config;

    @Inject
    FeedPeriods feedPeriods;

    /** Where each period's published table is kept (migration V9). */
    static final String VERSIONS = "coverage_feed_version";

    private Clock clock = Clock.systemUTC();

    /**
     * Tests move the feed's time on (a method, not the field: the injected bean is a client proxy, whose own field
     * the feed never reads).
     */
    void clock(Clock clock) {
        this.clock = clock;
    }

    /** The cell of one category in one region: what supply, demand and the published figures are kept by. */
    public record RegionCategory(String region, String category) {
        /** The cell of a native query row, by its column aliases {@code region} and {@code category}. */
        static RegionCategory of(Tuple row) {
            return new RegionCategory(row.get("region", String.class), row.get("category", String.class));
        }
    }

    /** Takes the current quarter's and month's supply snapshot; past periods keep their last one. */
    @Scheduled(every = "${mitra.feeds.coverage.snapshot-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void snapshotCurrentPeriods() {
        Instant now = clock.instant();
        for (Period.Granularity granularity : Period.Granularity.values()) {
            snapshot(Period.containing(now, granularity));
        }
    }

    /** Takes the supply of now as the given period's (the hourly job for the current periods; tests for others). */
    @Transactional
    void snapshot(Period snapshotted) {
        Instant now = clock.instant();
        String period = snapshotted.toString();
        entityManager.createNativeQuery("DELETE FROM coverage_snapshot WHERE period = :period")
                .setParameter("period", period).executeUpdate();
        for (Tuple row : tuples(entityManager.createNativeQuery(SUPPLY, Tuple.class))) {
            RegionCategory cell = RegionCategory.of(row);
            Supply supply = Supply.of(row);
            entityManager.createNativeQuery("""
                    INSERT INTO coverage_snapshot (period, region_code, category_code, providers, total_capacity,
                                                   available_capacity, capacity_reported, taken_at)
                    VALUES (:period, :region, :category, :providers, :total, :available, :reported, :at)""")
                    .setParameter("period", period)
                    .setParameter("region", cell.region())
                    .setParameter("category", cell.category())
                    .setParameter("providers", supply.providers())
                    .setParameter("total", supply.maximum())
                    .setParameter("available", supply.available())
                    .setParameter("reported", supply.reported())
                    .setParameter("at", Timestamp.from(now))
                    .executeUpdate();
        }
    }

    /**
     * The closed periods with figures, oldest first, up to the last one that has ended; only those whose published
     * table changed after {@code since} when given. The current period is never served: its figures would move with
     * each referral. Each period's date is its snapshot's ({@link FeedVersions}): a late change to the records of a
     * closed period moves it only at the next daily snapshot, and only if what is published changed.
     *
     * <p>A period is listed once any snapshot of it published a figure (supply, or a demand count above the
     * threshold), and the last closed period always (once the feed has records from before the current period); a
     * period that never published anything is not, whether it counted a few referrals or none, so the listing cannot
     * tell the two apart either (it can still be pulled).
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedPeriods.Entry> periods(Period.Granularity granularity, Instant since) {
        Instant now = clock.instant();
        ensureSnapshot(Period.containing(now, granularity));
        Instant earliest = FeedPeriods.earliest(single("SELECT min(requested_at) FROM referral_demand"),
                single("SELECT min(taken_at) FROM coverage_snapshot"));
        return feedPeriods.list(VERSIONS, granularity, earliest, period -> generate(period, now), since, now);
    }

    /** The table of one closed period as published today, or empty for the current period or one in the future. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FeedTable> table(Period period) {
        Instant now = clock.instant();
        if (!FeedPeriods.ended(period, now)) {
            return Optional.empty();
        }
        ensureSnapshot(Period.containing(now, period.granularity()));
        return Optional.of(feedPeriods.snapshot(VERSIONS, period, closed -> generate(closed, now), now).table());
    }

    /**
     * The period's table from the records as they are now. Empty when it publishes no figure at all: no supply
     * snapshot and every demand count withheld (so a period of a few referrals is as empty as one of none).
     */
    private Generated generate(Period period, Instant now) {
        List<Region> regions = Region.<Region>list("order by path");
        List<TermView> pie = taxonomy.slicesWithCategories();
        Map<RegionCategory, Supply> supply = new HashMap<>();
        for (Tuple row : tuples(entityManager.createNativeQuery("""
                SELECT region_code AS region, category_code AS category, providers, total_capacity AS maximum,
                       available_capacity AS available, capacity_reported AS reported
                FROM coverage_snapshot WHERE period = :period""", Tuple.class)
                .setParameter("period", period.toString()))) {
            supply.put(RegionCategory.of(row), Supply.of(row));
        }
        Map<RegionCategory, PublishedDemand> published = DemandDisclosure.protect(regions, pie, demand(period), config.policy());
        List<List<Object>> rows = new ArrayList<>();
        boolean snapshot = !supply.isEmpty();
        boolean demandPublished = false;
        for (Region region : regions) {
            for (TermView slice : pie) {
                for (TermView category : slice.categories()) {
                    RegionCategory cell = new RegionCategory(region.code, category.code());
                    Supply offered = supply.getOrDefault(cell, Supply.NONE);
                    PublishedDemand shown = published.getOrDefault(cell, PublishedDemand.WITHHELD);
                    demandPublished |= shown.anyShown();
                    rows.add(Arrays.asList(region.code, region.name, region.level.name(), slice.code(), category.code(),
                            snapshot ? offered.providers() : null, snapshot ? offered.maximum() : null,
                            snapshot ? offered.available() : null,
                            shown.requested(), shown.rejectedNoCapacity(), shown.overdue(),
                            // The verdict from the published figures only, never from the exact counts behind them.
                            snapshot ? CoverageRules.categoryVerdict(offered.providers(), offered.reportedAvailable(),
                                    shown.asPublished()).name() : null));
                }
            }
        }
        DisclosurePolicy policy = config.policy();
        return new Generated(new FeedTable(TITLE, period.toString(), now, now, policy.threshold(), policy.roundingBase(),
                FeedTable.LICENCE, COLUMNS, rows), !snapshot && !demandPublished);
    }

    /**
     * What the feed publishes of a period's demand, by region and category: requested, rejected for lack
     * of capacity and overdue, each null when withheld, a zero included. The public coverage shows the same figures
     * (computed from the records now, not read from the feed's daily snapshot: it keeps a daily snapshot of its own).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<RegionCategory, PublishedDemand> publishedDemand(Period period) {
        return DemandDisclosure.protect(Region.<Region>list("order by path"), taxonomy.slicesWithCategories(),
                demand(period), config.policy());
    }

    private Map<RegionCategory, Demand> demand(Period period) {
        Map<RegionCategory, Demand> demand = new HashMap<>();
        for (Tuple row : tuples(entityManager.createNativeQuery(DEMAND, Tuple.class)
                .setParameter("start", Timestamp.from(period.start()))
                .setParameter("end", Timestamp.from(period.end())))) {
            demand.put(RegionCategory.of(row), Demand.of(row));
        }
        return demand;
    }

    private void ensureSnapshot(Period current) {
        Number taken = (Number) entityManager.createNativeQuery("SELECT count(*) FROM coverage_snapshot WHERE period = :period")
                .setParameter("period", current.toString()).getSingleResult();
        if (taken.longValue() == 0) {
            snapshotCurrentPeriods();
        }
    }

    private Instant single(String sql) {
        return instant(entityManager.createNativeQuery(sql).getSingleResult());
    }

    /** The rows of a native query created with {@link Tuple} results, read by their column aliases. */
    private static List<Tuple> tuples(Query query) {
        return QueryValues.rows(query.getResultList());
    }
}
