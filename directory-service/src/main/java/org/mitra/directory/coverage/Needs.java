package org.mitra.directory.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mitra.directory.region.Region;

/**
 * Ranks a region's unmet needs: categories with demand and no provider, or more demand than the
 * providers can take, with overlaps in neighbouring regions named so supply can be shared.
 */
@ApplicationScoped
public class Needs {
    @Inject
    Coverage coverage;

    record Candidate(SliceCoverage slice, CategoryCoverage category, Demand demand, long unmet) {
    }

    /**
     * @param exact coalition admins rank by the exact live counts; everyone else gets the ranking computed
     *              from the published figures of the last complete month only (a withheld count taken as
     *              none, so a region with a few referrals ranks exactly as one with none)
     */
    public List<Need> ranked(Region region, boolean exact) {
        CoverageReport here = coverage.forRegion(region, exact);
        List<CoverageReport> neighbours = Region.<Region>list("parentCode = ?1 and code <> ?2",
                        region.parentCode, region.code).stream()
                .map(neighbour -> coverage.forRegion(neighbour, exact)).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (SliceCoverage slice : here.slices()) {
            for (CategoryCoverage category : slice.categories()) {
                Demand demand = category.demand().asPublished();
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
        List<Need> needs = new ArrayList<>();
        for (Candidate candidate : candidates) {
            CategoryCoverage category = candidate.category();
            List<String> overlaps = neighbours.stream()
                    .filter(report -> report.slices().stream().flatMap(slice -> slice.categories().stream())
                            .anyMatch(other -> other.code().equals(category.code()) && other.verdict() == Verdict.OVERLAP))
                    .map(report -> report.region().code())
                    .toList();
            // Exact for coalition admins; for everyone else it is computed from published figures only, so it tells
            // nothing they could not compute themselves.
            Long unmet = candidate.unmet();
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
