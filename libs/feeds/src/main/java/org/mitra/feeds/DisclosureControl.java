package org.mitra.feeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protects a table of counts about people before it is published: primary suppression of every
 * cell below the threshold, complementary suppression so no suppressed cell can be recomputed from
 * the totals of its row or column (or any line of a three-attribute table, whose totals are the cells
 * of the smaller tables), zeros included, then rounding of what is published.
 */
public final class DisclosureControl {
    /** At most three attributes per table (CTDC practice): more would isolate people. */
    public static final int MAX_ATTRIBUTES = 3;

    private DisclosureControl() {
    }

    /** One cell of the full table: a value for each attribute, and how many people it counts. */
    public record Cell(List<String> key, long count) {
        public Cell {
            key = List.copyOf(key);
            if (count < 0) {
                throw new IllegalArgumentException("A count cannot be negative");
            }
        }
    }

    /** A cell as published: its rounded count, or suppressed (count null). */
    public record PublishedCell(List<String> key, Long count) {
        public boolean suppressed() {
            return count == null;
        }
    }

    /**
     * @param cells every cell of the table, zeros included, all with the same number of attributes
     *              (a missing combination would hide a line total from the complementary step)
     */
    public static List<PublishedCell> protect(List<Cell> cells, DisclosurePolicy policy) {
        if (cells.isEmpty()) {
            return List.of();
        }
        int attributes = cells.get(0).key().size();
        if (attributes < 1 || attributes > MAX_ATTRIBUTES || cells.stream().anyMatch(cell -> cell.key().size() != attributes)) {
            throw new IllegalArgumentException("A table has 1 to " + MAX_ATTRIBUTES + " attributes, the same for every cell");
        }
        Set<List<String>> suppressed = new HashSet<>();
        for (Cell cell : cells) {
            if (cell.count() > 0 && cell.count() < policy.threshold()) {
                suppressed.add(cell.key());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int attribute = 0; attribute < attributes; attribute++) {
                for (List<Cell> line : lines(cells, attribute)) {
                    changed |= suppressPartner(line, suppressed);
                }
            }
        }
        List<PublishedCell> published = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            published.add(new PublishedCell(cell.key(), suppressed.contains(cell.key()) ? null : policy.round(cell.count())));
        }
        return published;
    }

    /**
     * A line whose total is known elsewhere must not have exactly one suppressed cell. Its partner is the smallest
     * cell that counts someone (the pair's sum, known from the total, then says least); when every other cell of the
     * line is zero, a zero is the partner: a published zero beside one withheld cell would give that cell away.
     */
    private static boolean suppressPartner(List<Cell> line, Set<List<String>> suppressed) {
        long hidden = line.stream().filter(cell -> suppressed.contains(cell.key())).count();
        if (hidden != 1) {
            return false;
        }
        return line.stream()
                .filter(cell -> !suppressed.contains(cell.key()))
                .min(Comparator.comparing((Cell cell) -> cell.count() == 0)
                        .thenComparingLong(Cell::count)
                        .thenComparing(cell -> String.join("\u0000", cell.key())))
                .map(partner -> suppressed.add(partner.key()))
                .orElse(false);
    }

    /** The cells that share every attribute value but the one given: a row, a column, or a line of a cube. */
    private static List<List<Cell>> lines(List<Cell> cells, int varying) {
        Map<List<String>, List<Cell>> lines = new LinkedHashMap<>();
        for (Cell cell : cells) {
            List<String> fixed = new ArrayList<>(cell.key());
            fixed.remove(varying);
            lines.computeIfAbsent(fixed, key -> new ArrayList<>()).add(cell);
        }
        return new ArrayList<>(lines.values());
    }
}
