package org.mitra.directory.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.mitra.feeds.DisclosurePolicy;

/**
 * Computes the coverage pie for a region in PostgreSQL: providers and capacity per category and per
 * slice in one grouped query, demand in another, then the verdicts.
 *
 * <p>A service counts for a region when it serves the region, a region inside it, or a region that
 * encloses it (a province-wide service serves every regency of the province).
 */
@ApplicationScoped
public class Coverage {
    private static final String SUPPLY = """
            WITH target AS (SELECT path FROM region WHERE code = :region),
            matching_region AS (
                SELECT r.code FROM region r, target t
                WHERE r.path = t.path OR r.path LIKE t.path || '.%' OR t.path LIKE r.path || '.%'),
            offered AS (
                SELECT DISTINCT s.id, s.category_id, s.organization_id, s.capacity_maximum, s.capacity_available
                FROM service_region sr
                JOIN matching_region m ON m.code = sr.region_code
                JOIN service s ON s.id = sr.service_id AND s.status = 'ACTIVE'
                JOIN organization o ON o.id = s.organization_id AND o.status = 'VERIFIED')
            SELECT t.slice, t.code, count(DISTINCT f.organization_id),
                   coalesce(sum(f.capacity_maximum), 0), coalesce(sum(f.capacity_available), 0), count(f.capacity_available)
            FROM taxonomy_term t LEFT JOIN offered f ON f.category_id = t.id
            WHERE t.parent_id IS NOT NULL
            GROUP BY GROUPING SETS ((t.slice, t.code), (t.slice))
            """;
    private static final String DEMAND = """
            WITH target AS (SELECT path FROM region WHERE code = :region)
            SELECT d.category_code, count(*),
                   count(*) FILTER (WHERE d.rejected_no_capacity), count(*) FILTER (WHERE d.overdue)
            FROM referral_demand d
            JOIN region r ON r.code = d.region_code
            JOIN target t ON r.path = t.path OR r.path LIKE t.path || '.%'
            WHERE d.requested_at >= :since
            GROUP BY d.category_code
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    CoverageConfig config;

    @Inject
    Taxonomy taxonomy;

    Clock clock = Clock.systemUTC();

    /**
     * The pie for the region; the caller has checked that the region exists. With {@code exactDemand}
     * the referral counts are exact (coalition admins); otherwise they pass disclosure control.
     */
    public CoverageReport forRegion(Region region, boolean exactDemand) {
        Instant now = clock.instant();
        Map<String, Supply> categorySupply = new HashMap<>();
        Map<Slice, Supply> sliceSupply = new HashMap<>();
        for (Object[] row : rows(entityManager.createNativeQuery(SUPPLY).setParameter("region", region.code).getResultList())) {
            Supply supply = new Supply(number(row[2]), number(row[3]), number(row[4]), number(row[5]) > 0);
            Slice slice = Slice.valueOf((String) row[0]);
            if (row[1] == null) {
                sliceSupply.put(slice, supply);
            } else {
                categorySupply.put((String) row[1], supply);
            }
        }
        Map<String, Demand> demand = new HashMap<>();
        for (Object[] row : rows(entityManager.createNativeQuery(DEMAND)
                .setParameter("region", region.code)
                .setParameter("since", Timestamp.from(now.minus(config.demandWindow())))
                .getResultList())) {
            demand.put((String) row[0], new Demand(number(row[1]), number(row[2]), number(row[3])));
        }
        return new CoverageReport(RegionView.of(region), now, slices(categorySupply, sliceSupply, demand, exactDemand));
    }

    private List<SliceCoverage> slices(Map<String, Supply> categorySupply, Map<Slice, Supply> sliceSupply,
            Map<String, Demand> demand, boolean exactDemand) {
        List<TermView> pie = taxonomy.slicesWithCategories();
        DemandDisclosure disclosure = exactDemand ? null : new DemandDisclosure(pie, demand, policy());
        List<SliceCoverage> slices = new ArrayList<>();
        for (TermView slice : pie) {
            List<CategoryCoverage> categories = new ArrayList<>();
            Demand sliceDemand = Demand.NONE;
            for (TermView category : slice.categories()) {
                Supply supply = categorySupply.getOrDefault(category.code(), Supply.NONE);
                Demand seen = demand.getOrDefault(category.code(), Demand.NONE);
                sliceDemand = sliceDemand.plus(seen);
                categories.add(new CategoryCoverage(category.code(), category.names(),
                        CoverageRules.categoryVerdict(supply.providers(), supply.reported() ? supply.available() : null, seen),
                        supply.providers(), supply.maximum(), supply.available(),
                        exactDemand ? PublishedDemand.exact(seen) : disclosure.category(slice.code(), category.code())));
            }
            Supply supply = sliceSupply.getOrDefault(slice.slice(), Supply.NONE);
            slices.add(new SliceCoverage(slice.slice(), slice.names(),
                    CoverageRules.sliceVerdict(categories.stream().map(CategoryCoverage::verdict).toList()),
                    supply.providers(), supply.maximum(), supply.available(),
                    exactDemand ? PublishedDemand.exact(sliceDemand) : disclosure.slice(slice.code()),
                    categories.stream().filter(category -> category.verdict() == Verdict.GAP).count(), categories));
        }
        return slices;
    }

    private DisclosurePolicy policy() {
        return new DisclosurePolicy(config.suppressionThreshold(), config.roundingBase());
    }

    /** @param reported whether any provider reports its available capacity (0 available is not "unknown") */
    private record Supply(long providers, long maximum, long available, boolean reported) {
        static final Supply NONE = new Supply(0, 0, 0, false);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
