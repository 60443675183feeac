package org.mitra.directory.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mitra.directory.region.Region;
import org.mitra.directory.region.RegionView;
import org.mitra.events.Slice;
import org.mitra.directory.taxonomy.Taxonomy;
import org.mitra.directory.taxonomy.TermView;
import org.mitra.directory.version.DirectoryVersion;
import org.mitra.directory.version.VersionedCache;

/**
 * Computes the coverage pie for a region in PostgreSQL: providers and capacity per category and per
 * slice in one grouped query, demand in another, then the verdicts.
 *
 * <p>A service counts for a region when it serves the region, a region inside it, or a region that
 * encloses it (a province-wide service serves every regency of the province).
 *
 * <p>The supply of a region is kept for the directory's version ({@link DirectoryVersion}); demand changes with every
 * referral event and depends on the caller, so it is read each time.
 */
@ApplicationScoped
public class Coverage {
    /**
     * The region's path is bound as a value (not joined from the region row), so the planner sees how many regions match:
     * joined, it guessed 6 of the country's 511 and probed the service and organization indexes once per service (100,000
     * times), then sorted on disk.
     */
    static final String MATCHING_REGIONS = """
            SELECT r.code FROM region r WHERE r.path = :path OR r.path LIKE :below OR :path LIKE r.path || '.%'""";
    static final String SUPPLY = "WITH matching_region AS (" + MATCHING_REGIONS + "),\n" + """
            offered AS (
                SELECT s.category_id, s.organization_id, s.capacity_maximum, s.capacity_available
                FROM service s
                JOIN organization o ON o.id = s.organization_id AND o.status = 'VERIFIED'
                WHERE s.status = 'ACTIVE'
                  AND s.id IN (SELECT sr.service_id FROM service_region sr JOIN matching_region m ON m.code = sr.region_code))
            SELECT t.slice AS slice, t.code AS category, count(DISTINCT f.organization_id) AS providers,
                   coalesce(sum(f.capacity_maximum), 0) AS maximum, coalesce(sum(f.capacity_available), 0) AS available,
                   count(f.capacity_available) > 0 AS reported
            FROM taxonomy_term t LEFT JOIN offered f ON f.category_id = t.id
            WHERE t.parent_id IS NOT NULL
            GROUP BY GROUPING SETS ((t.slice, t.code), (t.slice))
            """;
    /**
     * For this transaction only: plans made for the region asked (a cached plan made for a regency would probe the
     * indexes 100,000 times for the country), and room to count the country's providers in memory.
     */
    static final String SUPPLY_SETTINGS = """
            SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('work_mem', '32MB', true)""";
    /** Demand counts the region and the regions inside it, bound by path as the supply's (joined, the planner guessed 1 region). */
    static final String DEMAND = """
            SELECT d.category_code AS category, count(*) AS requested,
                   count(*) FILTER (WHERE d.rejected_no_capacity) AS rejected_no_capacity,
                   count(*) FILTER (WHERE d.overdue) AS overdue
            FROM referral_demand d
            WHERE d.requested_at >= :since
              AND d.region_code IN (SELECT r.code FROM region r WHERE r.path = :path OR r.path LIKE :below)
            GROUP BY d.category_code
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    CoverageConfig config;

    @Inject
    Taxonomy taxonomy;

    @Inject
    PublicDemand publicDemand;

    @Inject
    DirectoryVersion version;

    /** Supply per region path at the directory's version: the same for every caller (counts and sums of public data). */
    private final VersionedCache<String, SupplyFigures> supplies = new VersionedCache<>(1_024);

    /** Providers and capacity per category code and per slice. */
    private record SupplyFigures(Map<String, Supply> byCategory, Map<Slice, Supply> bySlice) {
    }

    Clock clock = Clock.systemUTC();

    /**
     * The pie for the region; the caller has checked that the region exists. With {@code exactDemand}
     * (coalition admins) the referral counts are exact and live. Otherwise demand is that of the last
     * complete month as published ({@link PublicDemand}), and every verdict is computed from those
     * published figures, so moving one's own capacity up and down reads back nothing that is withheld.
     */
    public CoverageReport forRegion(Region region, boolean exactDemand) {
        Instant now = clock.instant();
        SupplyFigures supply = supplies.get(version.read(), region.path, () -> supply(region));
        Map<String, Supply> categorySupply = supply.byCategory();
        Map<Slice, Supply> sliceSupply = supply.bySlice();
        Map<String, PublishedDemand> demand = new HashMap<>();
        if (exactDemand) {
            for (Tuple row : tuples(entityManager.createNativeQuery(DEMAND, Tuple.class)
                    .setParameter("path", region.path).setParameter("below", region.path + ".%")
                    .setParameter("since", Timestamp.from(now.minus(config.demandWindow()))))) {
                demand.put(row.get("category", String.class), PublishedDemand.exact(Demand.of(row)));
            }
            return new CoverageReport(RegionView.of(region), now, true, null, null,
                    slices(categorySupply, sliceSupply, demand, true));
        }
        PublicDemand.Published published = publicDemand.of(region);
        demand.putAll(published.byCategory());
        return new CoverageReport(RegionView.of(region), now, false, published.period().toString(), published.takenAt(),
                slices(categorySupply, sliceSupply, demand, false));
    }

    private SupplyFigures supply(Region region) {
        Map<String, Supply> categorySupply = new HashMap<>();
        Map<Slice, Supply> sliceSupply = new HashMap<>();
        entityManager.createNativeQuery(SUPPLY_SETTINGS).getSingleResult();
        Query supplyQuery = entityManager.createNativeQuery(SUPPLY, Tuple.class)
                .setParameter("path", region.path).setParameter("below", region.path + ".%");
        for (Tuple row : tuples(supplyQuery)) {
            Supply supply = Supply.of(row);
            String category = row.get("category", String.class);
            if (category == null) {
                sliceSupply.put(Slice.valueOf(row.get("slice", String.class)), supply);
            } else {
                categorySupply.put(category, supply);
            }
        }
        return new SupplyFigures(Map.copyOf(categorySupply), Map.copyOf(sliceSupply));
    }

    private List<SliceCoverage> slices(Map<String, Supply> categorySupply, Map<Slice, Supply> sliceSupply,
            Map<String, PublishedDemand> demand, boolean exactDemand) {
        PublishedDemand none = exactDemand ? PublishedDemand.exact(Demand.NONE) : PublishedDemand.WITHHELD;
        List<TermView> pie = taxonomy.slicesWithCategories();
        List<SliceCoverage> slices = new ArrayList<>();
        for (TermView slice : pie) {
            List<CategoryCoverage> categories = new ArrayList<>();
            Demand sliceDemand = Demand.NONE;
            for (TermView category : slice.categories()) {
                Supply supply = categorySupply.getOrDefault(category.code(), Supply.NONE);
                PublishedDemand shown = demand.getOrDefault(category.code(), none);
                Demand seen = shown.asPublished();
                sliceDemand = sliceDemand.plus(seen);
                categories.add(new CategoryCoverage(category.code(), category.names(),
                        CoverageRules.categoryVerdict(supply.providers(), supply.reportedAvailable(), seen),
                        supply.providers(), supply.maximum(), supply.available(), shown));
            }
            Supply supply = sliceSupply.getOrDefault(slice.slice(), Supply.NONE);
            // A slice's published demand is the sum of its categories' published figures: nothing more is told.
            slices.add(new SliceCoverage(slice.slice(), slice.names(),
                    CoverageRules.sliceVerdict(categories.stream().map(CategoryCoverage::verdict).toList()),
                    supply.providers(), supply.maximum(), supply.available(),
                    exactDemand ? PublishedDemand.exact(sliceDemand)
                            : PublishedDemand.published(sliceDemand.requested(), sliceDemand.rejectedNoCapacity(), sliceDemand.overdue()),
                    categories.stream().filter(category -> category.verdict() == Verdict.GAP).count(), categories));
        }
        return slices;
    }

    /** The rows of a native query created with {@link Tuple} results, read by their column aliases. */
    @SuppressWarnings("unchecked")
    static List<Tuple> tuples(Query query) {
        return (List<Tuple>) query.getResultList();
    }
}
