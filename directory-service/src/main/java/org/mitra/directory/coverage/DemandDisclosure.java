package org.mitra.directory.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.mitra.directory.taxonomy.TermView;
import org.mitra.feeds.DisclosureControl;
import org.mitra.feeds.DisclosureControl.Cell;
import org.mitra.feeds.DisclosureControl.PublishedCell;
import org.mitra.feeds.DisclosurePolicy;

/**
 * Disclosure control of one region's demand figures: each measure is protected as a table of
 * (slice, category) cells, so a withheld category cannot be recomputed from its slice's total, and
 * the slice totals as a table of their own.
 */
final class DemandDisclosure {
    private final Map<String, Long[]> categories = new HashMap<>();
    private final Map<String, Long[]> slices = new HashMap<>();

    DemandDisclosure(List<TermView> pie, Map<String, Demand> demand, DisclosurePolicy policy) {
        List<ToLongFunction<Demand>> measures = List.of(Demand::requested, Demand::rejectedNoCapacity, Demand::overdue);
        for (int m = 0; m < measures.size(); m++) {
            ToLongFunction<Demand> measure = measures.get(m);
            List<Cell> categoryCells = new ArrayList<>();
            List<Cell> sliceCells = new ArrayList<>();
            for (TermView slice : pie) {
                long sliceTotal = 0;
                for (TermView category : slice.categories()) {
                    long count = measure.applyAsLong(demand.getOrDefault(category.code(), Demand.NONE));
                    categoryCells.add(new Cell(List.of(slice.code(), category.code()), count));
                    sliceTotal += count;
                }
                sliceCells.add(new Cell(List.of(slice.code()), sliceTotal));
            }
            for (PublishedCell cell : DisclosureControl.protect(categoryCells, policy)) {
                categories.computeIfAbsent(cell.key().get(1), key -> new Long[measures.size()])[m] = cell.count();
            }
            for (PublishedCell cell : DisclosureControl.protect(sliceCells, policy)) {
                slices.computeIfAbsent(cell.key().get(0), key -> new Long[measures.size()])[m] = cell.count();
            }
        }
    }

    PublishedDemand category(String slice, String category) {
        return published(categories.get(category));
    }

    PublishedDemand slice(String slice) {
        return published(slices.get(slice));
    }

    private static PublishedDemand published(Long[] counts) {
        return new PublishedDemand(counts[0], counts[1], counts[2]);
    }
}
