package org.mitra.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.mitra.feeds.DisclosureControl.Cell;
import org.mitra.feeds.DisclosureControl.PublishedCell;

class DisclosureControlTest {
    private static final DisclosurePolicy POLICY = DisclosurePolicy.DEFAULT;

    private static Map<List<String>, Long> published(List<PublishedCell> cells) {
        Map<List<String>, Long> map = new HashMap<>();
        cells.forEach(cell -> map.put(cell.key(), cell.count()));
        return map;
    }

    @Test
    void smallCellsAreSuppressedAndTheRestRoundedDown() {
        var result = published(DisclosureControl.protect(List.of(
                new Cell(List.of("Badung"), 3), new Cell(List.of("Denpasar"), 27), new Cell(List.of("Gianyar"), 14),
                new Cell(List.of("Bangli"), 0)), POLICY));
        assertThat(result.get(List.of("Badung"))).isNull();
        assertThat(result.get(List.of("Denpasar"))).isEqualTo(25);
        assertThat(result.get(List.of("Bangli"))).isZero();
        // Badung alone would be recomputable from the province total: its smallest neighbour goes too.
        assertThat(result.get(List.of("Gianyar"))).isNull();
    }

    @Test
    void aZeroHidesALoneSmallCellWhenNothingElseCan() {
        // One referral in Badung, none elsewhere: with the zeros published exactly, the province total pinned it.
        var result = published(DisclosureControl.protect(List.of(
                new Cell(List.of("Badung"), 1), new Cell(List.of("Bangli"), 0), new Cell(List.of("Gianyar"), 0)), POLICY));
        assertThat(result.get(List.of("Badung"))).isNull();
        assertThat(result.values().stream().filter(count -> count == null).count()).as("Badung and one zero").isEqualTo(2);
    }

    @Test
    void aSuppressedCellCannotBeRecomputedFromItsRowOrItsColumn() {
        List<Cell> cells = List.of(
                new Cell(List.of("Badung", "female"), 4), new Cell(List.of("Badung", "male"), 30),
                new Cell(List.of("Denpasar", "female"), 40), new Cell(List.of("Denpasar", "male"), 50));
        var result = published(DisclosureControl.protect(cells, POLICY));
        assertThat(result.get(List.of("Badung", "female"))).isNull();
        assertThat(result.get(List.of("Badung", "male"))).isNull();
        assertThat(result.get(List.of("Denpasar", "female"))).isNull();
        assertThat(result.get(List.of("Denpasar", "male"))).isNull();
    }

    @Test
    void theThresholdNeverGoesBelowFiveAndTablesHaveAtMostThreeAttributes() {
        assertThatThrownBy(() -> new DisclosurePolicy(4, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DisclosureControl.protect(List.of(new Cell(List.of("a", "b", "c", "d"), 20)), POLICY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void noPublishedCellCountsFewerPeopleThanTheThreshold(
            @ForAll @Size(min = 1, max = 6) List<@LongRange(max = 60) Long> row,
            @ForAll @Size(min = 1, max = 6) List<@LongRange(max = 60) Long> otherRow) {
        List<Cell> cells = table(row, otherRow);
        for (PublishedCell cell : DisclosureControl.protect(cells, POLICY)) {
            long truth = cells.stream().filter(c -> c.key().equals(cell.key())).findFirst().orElseThrow().count();
            if (!cell.suppressed()) {
                assertThat(truth == 0 || truth >= POLICY.threshold()).isTrue();
                assertThat(cell.count() % POLICY.roundingBase()).isZero();
                assertThat(cell.count()).isBetween(truth - POLICY.roundingBase() + 1, truth);
            }
        }
    }

    @Property
    void noLineKeepsASingleSuppressedCellThatItsTotalWouldGiveAway(
            @ForAll @Size(min = 1, max = 6) List<@LongRange(max = 60) Long> row,
            @ForAll @Size(min = 1, max = 6) List<@LongRange(max = 60) Long> otherRow) {
        List<Cell> cells = table(row, otherRow);
        List<PublishedCell> result = DisclosureControl.protect(cells, POLICY);
        for (int attribute = 0; attribute < 2; attribute++) {
            Map<String, List<Integer>> lines = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String fixed = cells.get(i).key().get(1 - attribute);
                lines.computeIfAbsent(fixed, key -> new ArrayList<>()).add(i);
            }
            for (List<Integer> line : lines.values()) {
                long hidden = line.stream().filter(i -> result.get(i).suppressed()).count();
                // A published zero is a figure like any other: with one hidden cell, the total gives it away.
                assertThat(hidden != 1 || line.size() == 1).as("line %s of %s", line, cells).isTrue();
            }
        }
    }

    @Property
    void roundingNeverReportsMoreThanThereIs(@ForAll @LongRange(max = 100_000) long count, @ForAll @IntRange(min = 1, max = 20) int base) {
        long rounded = new DisclosurePolicy(11, base).round(count);
        assertThat(rounded).isLessThanOrEqualTo(count).isGreaterThan(count - base);
        assertThat(rounded % base).isZero();
    }

    private static List<Cell> table(List<Long> row, List<Long> otherRow) {
        int width = Math.max(row.size(), otherRow.size());
        List<Cell> cells = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            cells.add(new Cell(List.of("r1", "c" + column), column < row.size() ? row.get(column) : 0));
            cells.add(new Cell(List.of("r2", "c" + column), column < otherRow.size() ? otherRow.get(column) : 0));
        }
        return cells;
    }
}
