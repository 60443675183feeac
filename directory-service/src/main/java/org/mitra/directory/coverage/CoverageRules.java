package org.mitra.directory.coverage;

import java.util.Collection;

/**
 * The arithmetic of the coverage pie: a verdict per category from providers, capacity and demand,
 * and a slice's verdict rolled up from its categories' verdicts.
 */
public final class CoverageRules {
    /** Unmet referrals at or above this share of those requested mean a category is strained. */
    static final int STRAINED_UNMET_PERCENT = 20;
    /** Demand at or below this share of the available capacity, with several providers, is an overlap. */
    static final int OVERLAP_DEMAND_PERCENT = 25;

    private CoverageRules() {
    }

    /**
     * @param providers         verified organizations offering the category in the region
     * @param availableCapacity capacity the providers report as available now, null when none reports any
     * @param demand            referrals seen for the category in the region
     */
    public static Verdict categoryVerdict(long providers, Long availableCapacity, Demand demand) {
        if (providers == 0) {
            return Verdict.GAP;
        }
        boolean demandAboveCapacity = availableCapacity != null && demand.requested() > availableCapacity;
        boolean manyUnmet = demand.unmet() > 0 && demand.unmet() * 100 >= demand.requested() * STRAINED_UNMET_PERCENT;
        if (demandAboveCapacity || manyUnmet) {
            return Verdict.STRAINED;
        }
        if (providers >= 2 && availableCapacity != null && availableCapacity > 0
                && demand.requested() * 100 <= availableCapacity * OVERLAP_DEMAND_PERCENT) {
            return Verdict.OVERLAP;
        }
        return Verdict.COVERED;
    }

    /**
     * A slice is a gap when none of its categories has a provider, strained when any category is,
     * an overlap when every covered category overlaps, and covered otherwise.
     */
    public static Verdict sliceVerdict(Collection<Verdict> categoryVerdicts) {
        if (categoryVerdicts.isEmpty() || categoryVerdicts.stream().allMatch(Verdict.GAP::equals)) {
            return Verdict.GAP;
        }
        if (categoryVerdicts.contains(Verdict.STRAINED)) {
            return Verdict.STRAINED;
        }
        if (categoryVerdicts.stream().filter(verdict -> verdict != Verdict.GAP).allMatch(Verdict.OVERLAP::equals)) {
            return Verdict.OVERLAP;
        }
        return Verdict.COVERED;
    }
}
