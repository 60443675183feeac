package org.mitra.directory.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mitra.directory.region.Region;
import org.mitra.feeds.DisclosurePolicy;

/**
 * Ranks a region's unmet needs: categories with demand and no provider, or more demand than the
 * providers can take, with overlaps in neighbouring regions named so supply can be shared.
 */
@ApplicationScoped
public class Needs {
    @Inject
    Coverage coverage;

    @Inject
    CoverageConfig config;

    record Candidate(SliceCoverage slice, CategoryCoverage category, Demand demand, long unmet) {
    }

    /** @param exact coalition admins see exact counts; others see them after disclosure control */
    public List<Need> ranked(Region region, boolean exact) {
        CoverageReport here = coverage.forRegion(region, true);
        List<CoverageReport> neighbours = Region.<Region>list("parentCode = ?1 and code <> ?2",
                        region.parentCode, region.code).stream()
                .map(neighbour -> coverage.forRegion(neighbour, true)).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (SliceCoverage slice : here.slices()) {
            for (CategoryCoverage category : slice.categories()) {
                PublishedDemand seen = category.demand();
                Demand demand = new Demand(seen.requested(), seen.rejectedNoCapacity(), seen.overdue());
                long beyondCapacity = Math.max(0, demand.requested() - category.availableCapacity());
                long unmet = category.verdict() == Verdict.GAP ? demand.requested()
                        : Math.max(beyondCapacity, demand.unmet());
                boolean need = demand.requested() > 0
                        && (category.verdict() == Verdict.GAP || category.verdict() == Verdict.STRAINED);
                if (need) {
                    candidates.add(new Candidate(slice, category, demand, unmet));
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::unmet).reversed()
                .thenComparing(candidate -> candidate.category().verdict())
                .thenComparing(candidate -> candidate.category().code()));
        DisclosurePolicy policy = new DisclosurePolicy(config.suppressionThreshold(), config.roundingBase());
        List<Need> needs = new ArrayList<>();
        for (Candidate candidate : candidates) {
            CategoryCoverage category = candidate.category();
            List<String> overlaps = neighbours.stream()
                    .filter(report -> report.slices().stream().flatMap(slice -> slice.categories().stream())
                            .anyMatch(other -> other.code().equals(category.code()) && other.verdict() == Verdict.OVERLAP))
                    .map(report -> report.region().code())
                    .toList();
            Long unmet = exact ? Long.valueOf(candidate.unmet())
                    : candidate.unmet() >= policy.threshold() ? Long.valueOf(policy.round(candidate.unmet())) : null;
            needs.add(new Need(needs.size() + 1, candidate.slice().slice(), category.code(), category.names(),
                    category.verdict(), unmet, reason(category, overlaps), overlaps));
        }
        return needs;
    }

    private static String reason(CategoryCoverage category, List<String> overlaps) {
        String base = category.verdict() == Verdict.GAP
                ? "No verified organization offers this here, yet people were referred for it"
                : "Demand is above what the providers here can take";
        return overlaps.isEmpty() ? base : base + "; neighbouring regions " + String.join(", ", overlaps)
                + " have several providers with room";
    }
}
