package org.mitra.directory.coverage;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.directory.region.RegionView;

@Schema(description = "The pie of pies for a region and its sub-regions: four slices, each with its categories")
public record CoverageReport(
        RegionView region,
        Instant computedAt,
        @Schema(description = "Whether demand is exact and live (coalition admins only)") boolean demandExact,
        @Schema(description = "The closed month whose published demand is shown (everyone but coalition admins); null "
                + "for exact live demand", examples = "2026-11") String demandPeriod,
        @Schema(description = "When the published demand was last taken (at most once a day); null for exact live demand")
        Instant demandPublishedAt,
        List<SliceCoverage> slices) {
}
