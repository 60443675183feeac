package org.mitra.directory.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CoverageRulesTest {

    @Test
    void noProviderIsAGapWhateverTheDemand() {
        assertThat(CoverageRules.categoryVerdict(0, null, Demand.NONE)).isEqualTo(Verdict.GAP);
        assertThat(CoverageRules.categoryVerdict(0, 0L, new Demand(40, 10, 5))).isEqualTo(Verdict.GAP);
    }

    @Test
    void demandAboveAvailableCapacityIsStrained() {
        assertThat(CoverageRules.categoryVerdict(1, 4L, new Demand(5, 0, 0))).isEqualTo(Verdict.STRAINED);
        assertThat(CoverageRules.categoryVerdict(1, 5L, new Demand(5, 0, 0))).isEqualTo(Verdict.COVERED);
    }

    @Test
    void aFifthOfReferralsRejectedForCapacityOrOverdueIsStrained() {
        assertThat(CoverageRules.categoryVerdict(1, 100L, new Demand(10, 1, 1))).isEqualTo(Verdict.STRAINED);
        assertThat(CoverageRules.categoryVerdict(1, 100L, new Demand(10, 1, 0))).isEqualTo(Verdict.COVERED);
    }

    @Test
    void severalProvidersWithDemandFarBelowCapacityOverlap() {
        assertThat(CoverageRules.categoryVerdict(2, 20L, new Demand(5, 0, 0))).isEqualTo(Verdict.OVERLAP);
        assertThat(CoverageRules.categoryVerdict(2, 20L, new Demand(6, 0, 0))).isEqualTo(Verdict.COVERED);
        assertThat(CoverageRules.categoryVerdict(1, 20L, new Demand(0, 0, 0))).isEqualTo(Verdict.COVERED);
    }

    @Test
    void providersThatReportNoCapacityNeverLookDuplicatedNorStrainedByVolume() {
        assertThat(CoverageRules.categoryVerdict(3, null, Demand.NONE)).isEqualTo(Verdict.COVERED);
        assertThat(CoverageRules.categoryVerdict(1, null, new Demand(50, 0, 0))).isEqualTo(Verdict.COVERED);
    }

    @Test
    void noRoomLeftIsStrainedAsSoonAsSomeoneIsReferred() {
        assertThat(CoverageRules.categoryVerdict(1, 0L, new Demand(1, 0, 0))).isEqualTo(Verdict.STRAINED);
        assertThat(CoverageRules.categoryVerdict(1, 0L, Demand.NONE)).isEqualTo(Verdict.COVERED);
    }

    @Test
    void aSliceRollsUpFromItsCategories() {
        assertThat(CoverageRules.sliceVerdict(List.of(Verdict.GAP, Verdict.GAP))).isEqualTo(Verdict.GAP);
        assertThat(CoverageRules.sliceVerdict(List.of(Verdict.GAP, Verdict.COVERED, Verdict.STRAINED))).isEqualTo(Verdict.STRAINED);
        assertThat(CoverageRules.sliceVerdict(List.of(Verdict.GAP, Verdict.OVERLAP, Verdict.OVERLAP))).isEqualTo(Verdict.OVERLAP);
        assertThat(CoverageRules.sliceVerdict(List.of(Verdict.GAP, Verdict.OVERLAP, Verdict.COVERED))).isEqualTo(Verdict.COVERED);
    }

    @Property
    void aCategoryIsAGapExactlyWhenNobodyProvidesIt(@ForAll @IntRange(max = 50) int providers,
            @ForAll @LongRange(max = 1000) long available, @ForAll @LongRange(max = 1000) long requested,
            @ForAll @LongRange(max = 100) long rejected, @ForAll @LongRange(max = 100) long overdue) {
        Verdict verdict = CoverageRules.categoryVerdict(providers, (Long) available, new Demand(requested, rejected, overdue));
        assertThat(verdict == Verdict.GAP).isEqualTo(providers == 0);
    }

    @Property
    void moreDemandNeverMakesACategoryLookLessStrained(@ForAll @IntRange(min = 1, max = 50) int providers,
            @ForAll @LongRange(max = 1000) long available, @ForAll @LongRange(max = 1000) long requested,
            @ForAll @LongRange(max = 1000) long extra) {
        Verdict before = CoverageRules.categoryVerdict(providers, (Long) available, new Demand(requested, 0, 0));
        Verdict after = CoverageRules.categoryVerdict(providers, (Long) available, new Demand(requested + extra, 0, 0));
        if (before == Verdict.STRAINED) {
            assertThat(after).isEqualTo(Verdict.STRAINED);
        }
    }

    @Property
    void aSliceIsAGapOnlyWhenEveryCategoryIs(@ForAll @Size(min = 1, max = 10) List<Verdict> categories) {
        boolean allGaps = categories.stream().allMatch(Verdict.GAP::equals);
        assertThat(CoverageRules.sliceVerdict(categories) == Verdict.GAP).isEqualTo(allGaps);
    }
}
