package org.mitra.directory.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.mitra.directory.coverage.Demand;
import org.mitra.directory.coverage.PublishedDemand;
import org.mitra.directory.feed.CoverageFeed.RegionCategory;
import org.mitra.directory.region.Region;
import org.mitra.directory.taxonomy.TermView;
import org.mitra.feeds.DisclosureControl;
import org.mitra.feeds.DisclosureControl.Cell;
import org.mitra.feeds.DisclosureControl.PublishedCell;
import org.mitra.feeds.DisclosurePolicy;

/**
 * What the coverage feed publishes of a period's demand ({@link CoverageFeed#publishedDemand}): disclosure control per
 * level, so that no withheld regency can be recomputed from its province or a province from the country. Regencies
 * and cities as (province, regency, category), so each withheld cell has a partner within its province; provinces as
 * (province, category); the country by category. A published zero is then withheld too: a zero and a small count read
 * the same (null).
 */
final class DemandDisclosure {
    private DemandDisclosure() {
    }

    /** Requested, rejected for lack of capacity and overdue of every region and category of the pie, as published. */
    static Map<RegionCategory, PublishedDemand> protect(List<Region> regions, List<TermView> pie,
            Map<RegionCategory, Demand> demand, DisclosurePolicy policy) {
        List<String> categories = pie.stream().flatMap(slice -> slice.categories().stream()).map(TermView::code)
                .toList();
        Map<Region.Level, List<Region>> byLevel = regions.stream()
                .collect(Collectors.groupingBy(region -> region.level));
        List<List<Region>> levels = List.of(
                concat(byLevel.get(Region.Level.REGENCY), byLevel.get(Region.Level.CITY)),
                byLevel.getOrDefault(Region.Level.PROVINCE, List.of()),
                byLevel.getOrDefault(Region.Level.COUNTRY, List.of()));
        Map<RegionCategory, Long> requested = protect(levels, categories, demand, Demand::requested, policy);
        Map<RegionCategory, Long> rejected = protect(levels, categories, demand, Demand::rejectedNoCapacity, policy);
        Map<RegionCategory, Long> overdue = protect(levels, categories, demand, Demand::overdue, policy);
        Map<RegionCategory, PublishedDemand> published = new HashMap<>();
        for (RegionCategory cell : requested.keySet()) {
            // A published zero is withheld too: a zero and a small count read the same (null).
            published.put(cell, PublishedDemand.published(requested.get(cell), rejected.get(cell), overdue.get(cell)));
        }
        return published;
    }

    /** One measure of demand as published, level by level (null: withheld). */
    private static Map<RegionCategory, Long> protect(List<List<Region>> levels, List<String> categories,
            Map<RegionCategory, Demand> demand, ToLongFunction<Demand> measure, DisclosurePolicy policy) {
        Map<RegionCategory, Long> published = new HashMap<>();
        for (List<Region> level : levels) {
            List<Cell> cells = new ArrayList<>();
            Map<List<String>, RegionCategory> cellOf = new HashMap<>();
            for (Region region : level) {
                for (String category : categories) {
                    RegionCategory cell = new RegionCategory(region.code, category);
                    List<String> key = key(region, category);
                    cellOf.put(key, cell);
                    cells.add(new Cell(key, measure.applyAsLong(demand.getOrDefault(cell, Demand.NONE))));
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            for (PublishedCell cell : DisclosureControl.protect(cells, policy)) {
                published.put(cellOf.get(cell.key()), cell.count());
            }
        }
        return published;
    }

    /** A regency's cell names its province too, so lines within a province add up to the province's cell. */
    private static List<String> key(Region region, String category) {
        if ((region.level == Region.Level.REGENCY || region.level == Region.Level.CITY) && region.parentCode != null) {
            return List.of(region.parentCode, region.code, category);
        }
        return List.of(region.code, category);
    }

    private static List<Region> concat(List<Region> first, List<Region> second) {
        List<Region> all = new ArrayList<>();
        if (first != null) {
            all.addAll(first);
        }
        if (second != null) {
            all.addAll(second);
        }
        return all;
    }
}
